import { addDays, addDuration, localDateOf, startOfLocalDay } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';
import type { VulnSeverity } from '../../model/index.ts';
import { type Period, periodAt } from '../../period/index.ts';
import type { LuoheContext } from './context.ts';
import { evidenceOf } from './context.ts';
import { ms, msOpt, type Rec } from './records.ts';

/** Scoring class of a severity: 中危/低危 → 中低危 (§3.6). */
export type VulnClass = '极危' | '高危' | '中低危';

/** A3 §五(三)2 fix deadlines and the A4.2 deductions. */
export const vulnSla = {
  极危: { hours: 24, days: undefined, deduction: '10', textZh: '24 小时内响应并修复' },
  高危: { hours: undefined, days: 7, deduction: '5', textZh: '7 日内修复' },
  中低危: { hours: undefined, days: 15, deduction: '1', textZh: '15 日内修复或制定缓解措施' },
} as const;

/** One vulnerability ticket against its deadlines (spec §4.5). */
export interface VulnEval {
  record: Rec<'vuln'>;
  unitId?: string;
  itemNo?: number;
  severity: VulnSeverity;
  cls: VulnClass;
  foundMs: number;
  /** Last instant (inclusive) of the A3 deadline. */
  deadlineMs: number;
  /** How the deadline was counted, for explanations. */
  deadlineZh: string;
  respondedMs?: number;
  /** Effective closure (§3.6), absent while open or when the closure does not count. */
  closedMs?: number;
  closedHow?: 'fixed' | 'mitigated';
  /** Why a recorded fix or mitigation does not count (center verification failed, regression). */
  closureVoidZh?: string;
  /** A3 deadline missed (极危 also when the response is late). */
  lateA3: boolean;
  lateResponse: boolean;
  /** LH §9(二)11 handling-start deadline (A11) and whether it was missed. */
  contractDeadlineMs: number;
  lateContract: boolean;
  /** Scored breach (A3, plus the contract deadline under cfg contractVulnHandling = score). */
  breached: boolean;
  breachPeriod?: Period;
  deduction: Exact;
}

const cache = new WeakMap<LuoheContext, VulnEval[]>();

/** The scoring class of a severity. */
export function vulnClass(severity: VulnSeverity): VulnClass {
  return severity === '极危' || severity === '高危' ? severity : '中低危';
}

function isRestDay(ctx: LuoheContext, date: string): boolean {
  if (ctx.config.vulnCivilRestDays === 'statutory-holidays') return ctx.calendar.dayInfo(date).kind === 'holiday';
  return !ctx.calendar.isWorkingDay(date);
}

/**
 * Deadline of "N 日内" from `foundMs`: elapsed N × 24 h (A12 default), or 民法典 §201–203 (start day not counted,
 * ends 24:00 of foundDate + N, moved past a last day that is a rest day).
 */
export function vulnDayDeadline(ctx: LuoheContext, foundMs: number, days: number): { deadlineMs: number; deadlineZh: string } {
  if (ctx.config.vulnDayCounting === 'elapsed') {
    return { deadlineMs: addDuration(foundMs, `P${days}D`), deadlineZh: `发现后 ${days}×24 小时` };
  }
  const nominal = addDays(localDateOf(foundMs), days);
  let last = nominal;
  while (isRestDay(ctx, last)) last = addDays(last, 1);
  return {
    deadlineMs: startOfLocalDay(addDays(last, 1)) - 1,
    deadlineZh: `民法典计日：${localDateOf(foundMs)} 次日起算 ${days} 日，至 ${last} 24:00${last !== nominal ? `（${nominal} 为休息日，顺延）` : ''}`,
  };
}

/** Every valid vulnerability ticket of the contract, evaluated at asOf. */
export function evaluateVulns(ctx: LuoheContext): VulnEval[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out = evidenceOf(ctx, 'vuln').map((r) => evaluateVuln(ctx, r));
  cache.set(ctx, out);
  return out;
}

function evaluateVuln(ctx: LuoheContext, r: Rec<'vuln'>): VulnEval {
  const v = r.data;
  const cls = vulnClass(v.severity);
  const sla = vulnSla[cls];
  const foundMs = ms(v.foundAt);
  const { deadlineMs, deadlineZh } =
    sla.hours !== undefined ? { deadlineMs: addDuration(foundMs, `PT${sla.hours}H`), deadlineZh: `发现后 ${sla.hours} 小时` } : vulnDayDeadline(ctx, foundMs, sla.days);
  const respondedMs = msOpt(v.respondedAt);
  // §3.6: closedAt = fixedAt (中低危: the earlier of fixedAt and mitigatedAt), void on a failed verification or regression.
  const fixedMs = msOpt(v.fixedAt);
  const mitigatedMs = cls === '中低危' ? msOpt(v.mitigatedAt) : undefined;
  let closedMs: number | undefined;
  let closedHow: 'fixed' | 'mitigated' | undefined;
  if (fixedMs !== undefined && (mitigatedMs === undefined || fixedMs <= mitigatedMs)) {
    closedMs = fixedMs;
    closedHow = 'fixed';
  } else if (mitigatedMs !== undefined) {
    closedMs = mitigatedMs;
    closedHow = 'mitigated';
  }
  let closureVoidZh: string | undefined;
  if (closedMs !== undefined && v.verification?.result === 'failed') closureVoidZh = '中心复查未通过';
  else if (closedMs !== undefined && (v.regression?.introducedNewVuln || v.regression?.affectedNormalUse)) {
    closureVoidZh = v.regression.introducedNewVuln ? '修复引入新漏洞' : '修复影响系统正常使用';
  }
  if (closureVoidZh !== undefined) {
    closedMs = undefined;
    closedHow = undefined;
  }
  const lateFix = closedMs === undefined ? ctx.asOfMs > deadlineMs : closedMs > deadlineMs;
  const lateResponse = cls === '极危' && (respondedMs === undefined ? ctx.asOfMs > deadlineMs : respondedMs > deadlineMs);
  const lateA3 = lateFix || lateResponse;
  // A11: LH §9(二)11 "高危漏洞，乙方需立即处理，中低危漏洞，应在 24 小时内处理" read as a response deadline.
  const contractDeadlineMs = addDuration(foundMs, cls === '中低危' ? 'PT24H' : ctx.config.immediateWithin);
  const lateContract = respondedMs === undefined ? ctx.asOfMs > contractDeadlineMs : respondedMs > contractDeadlineMs;
  const scoreContract = ctx.config.contractVulnHandling === 'score' && lateContract;
  const breached = lateA3 || scoreContract;
  // One deduction per ticket, in the period of the first missed deadline (A13).
  const missed = [...(lateA3 ? [deadlineMs] : []), ...(scoreContract ? [contractDeadlineMs] : [])];
  const breachPeriod = breached ? periodAt(ctx.periods, Math.min(...missed)) : undefined;
  return {
    record: r,
    ...(v.itemNo !== undefined && ctx.itemUnit.has(v.itemNo) ? { unitId: ctx.itemUnit.get(v.itemNo) as string, itemNo: v.itemNo } : {}),
    severity: v.severity,
    cls,
    foundMs,
    deadlineMs,
    deadlineZh,
    ...(respondedMs !== undefined ? { respondedMs } : {}),
    ...(closedMs !== undefined ? { closedMs } : {}),
    ...(closedHow !== undefined ? { closedHow } : {}),
    ...(closureVoidZh !== undefined ? { closureVoidZh } : {}),
    lateA3,
    lateResponse,
    contractDeadlineMs,
    lateContract,
    breached,
    ...(breachPeriod ? { breachPeriod } : {}),
    deduction: breached ? exact(sla.deduction) : exact(0),
  };
}

/** Periods after the breach period in which an overdue vulnerability is deducted again (cfg vulnRepeatMonthly). */
export function repeatPeriods(ctx: LuoheContext, v: VulnEval): Period[] {
  if (!ctx.config.vulnRepeatMonthly || !v.breachPeriod) return [];
  const from = v.breachPeriod.index;
  return ctx.periods.filter((p) => p.index > from && p.startMs <= ctx.asOfMs && (v.closedMs === undefined || v.closedMs >= p.startMs));
}
