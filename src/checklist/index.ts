export type { ChecklistFault, LuoheChecklistInput } from './luohe.ts';
export { evaluateLuoheChecklist } from './luohe.ts';
