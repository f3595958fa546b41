export type { CentralReviewItem, CentralReviewResult } from './central-review.ts';
export { computeCentralReview, crReasons } from './central-review.ts';
export type { LuoheEngineConfig, LuoheEngineExtras } from './config-defaults.ts';
export {
  COMMON_CONFIG_DEFAULTS,
  exactConfigNumber,
  LUOHE_CONFIG_DEFAULTS,
  LUOHE_ENGINE_DEFAULTS,
  LUOHE_ENGINE_EXTRAS_DEFAULTS,
  LuoheConfigError,
  resolveLuoheConfig,
} from './config-defaults.ts';
export type { LuoheContext } from './context.ts';
export { buildContext, UnknownPeriodError } from './context.ts';
export type { DailyCredits, DailyWorkResult } from './daily-work.ts';
export { computeDailyWork } from './daily-work.ts';
export type { DeductionResult, Proposal } from './deductions.ts';
export { computeLuohePackage, eventPoints } from './deductions.ts';
export { archiveScore } from './documentation.ts';
export type { ExceptionResult } from './exception-handling.ts';
export { computeExceptionHandling } from './exception-handling.ts';
export type { FaultEval, ForceMajeureState } from './faults.ts';
export { evaluateFaults, faultSla } from './faults.ts';
export { gradedScore, gradeOf, gradeRate, luoheGradeBands } from './grades.ts';
export type { LuoheInstallment, LuoheInstallmentMonth, LuoheInstallmentOptions, LuoheMonthResult } from './installment.ts';
export { computeLuoheInstallment, monthResultFromLedger } from './installment.ts';
export { computeMonthlyPayable } from './money.ts';
export type { DeductionRule, LuoheRule, MoneyRule } from './rules.ts';
export { deductionRules, dimensionRules, moneyRules } from './rules.ts';
export type { PeriodResult, UnitResult } from './score-period.ts';
export { scoreLuohePeriod, scoreLuohePeriodExact } from './score-period.ts';
export type { VulnClass, VulnEval } from './vulns.ts';
export { evaluateVulns, vulnClass, vulnSla } from './vulns.ts';
