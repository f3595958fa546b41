export type { ChecklistFault, LuoheChecklistInput } from './luohe.ts';
export { evaluateLuoheChecklist } from './luohe.ts';
export type { BjChecklistResult } from './bj.ts';
export { BJ_R13_PROPOSAL_CODES, bjChecklistForWindow, evaluateBjChecklist } from './bj.ts';
