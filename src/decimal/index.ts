export type { ExactInput } from './exact.ts';
export { clamp, Exact, exact, InvalidDecimalError, max, min, ratio, sum, toFixedHalfUp } from './exact.ts';
