import { addDuration } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { clamp, exact } from '../../decimal/index.ts';
import type { FaultLevel, ForceMajeureDecision } from '../../model/index.ts';
import { type Period, periodAt } from '../../period/index.ts';
import type { ScoredRecord } from '../input.ts';
import type { LuoheContext } from './context.ts';
import { evidenceOf, forceMajeureDecision, levelOverrideDecision } from './context.ts';
import { ms, msOpt, type Rec } from './records.ts';

/** Fault SLA of LH A3 §五(三)1(2): response R and resolution X (minutes) and the A4.2 deduction. */
export const faultSla = [
  { level: 1, respondMinutes: 10, resolveMinutes: 120, deduction: '10' },
  { level: 2, respondMinutes: 10, resolveMinutes: 240, deduction: '10' },
  { level: 3, respondMinutes: 20, resolveMinutes: 1440, deduction: '5' },
  { level: 4, respondMinutes: 30, resolveMinutes: 1440, deduction: '5' },
] as const satisfies ReadonlyArray<{ level: FaultLevel; respondMinutes: number; resolveMinutes: number; deduction: string }>;

/** Force-majeure state of a ticket: from the reviewer's decision file; a claim without one is pending (A9). */
export type ForceMajeureState = 'none' | 'pending' | 'waived' | 'reduced' | 'not-waived';

/** One fault ticket against its SLA (spec §4.5). */
export interface FaultEval {
  record: Rec<'fault'>;
  unitId?: string;
  itemNo?: number;
  level: FaultLevel;
  levelSource: 'ticket' | 'ticket-override' | 'decision';
  /** The ticket carries a level override that no reviewer decision confirms (§4.13 ticket level dispute). */
  levelDisputed: boolean;
  reportedMs: number;
  respondByMs: number;
  resolveByMs: number;
  respondedMs?: number;
  resolvedMs?: number;
  respondMinutes: number;
  resolveMinutes: number;
  lateResponse: boolean;
  lateResolution: boolean;
  breached: boolean;
  /** Period of the missed deadline (response if late, else resolution). */
  breachPeriod?: Period;
  /** SLA deduction before force majeure and major impact (10 for L1/L2, 5 for L3/L4). */
  base: Exact;
  /** d_fault: what is deducted from S_exc in the breach period. */
  deduction: Exact;
  forceMajeure: ForceMajeureState;
  forceMajeureDecision?: ScoredRecord<ForceMajeureDecision>;
  /** "造成重大影响的，参照扣分项处理": routed to D1 instead (A10). */
  majorImpact: boolean;
}

const cache = new WeakMap<LuoheContext, FaultEval[]>();

/** Every valid Luohe fault ticket of the contract, evaluated at asOf. */
export function evaluateFaults(ctx: LuoheContext): FaultEval[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out = evidenceOf(ctx, 'fault').map((r) => evaluateFault(ctx, r));
  cache.set(ctx, out);
  return out;
}

function evaluateFault(ctx: LuoheContext, r: Rec<'fault'>): FaultEval {
  const t = r.data;
  const decision = levelOverrideDecision(ctx, r.id);
  const level: FaultLevel = decision?.data.level ?? t.levelOverride?.level ?? t.level;
  const levelSource = decision ? 'decision' : t.levelOverride ? 'ticket-override' : 'ticket';
  const sla = faultSla.find((s) => s.level === level) ?? faultSla[3];
  // cfg faultClockStart = reportedAt (A8): both clocks run from the first report.
  const reportedMs = ms(t.reportedAt);
  const respondByMs = addDuration(reportedMs, `PT${sla.respondMinutes}M`);
  const resolveByMs = addDuration(reportedMs, `PT${sla.resolveMinutes}M`);
  const respondedMs = msOpt(t.respondedAt);
  const resolvedMs = msOpt(t.resolvedAt);
  // 0.2 rule 1: "以内" includes the limit, so exactly at the deadline is on time. A missing time is late only
  // once the deadline has passed at asOf (an open ticket is still evaluated against its deadlines, §3.5).
  const lateResponse = respondedMs === undefined ? ctx.asOfMs > respondByMs : respondedMs > respondByMs;
  const lateResolution = resolvedMs === undefined ? ctx.asOfMs > resolveByMs : resolvedMs > resolveByMs;
  const breached = lateResponse || lateResolution;
  const breachPeriod = breached ? periodAt(ctx.periods, lateResponse ? respondByMs : resolveByMs) : undefined;
  const fmDecision = forceMajeureDecision(ctx, r.id);
  const forceMajeure: ForceMajeureState = fmDecision ? fmDecision.data.decision : t.forceMajeure?.claimed ? 'pending' : 'none';
  const base = exact(sla.deduction);
  const majorImpact = t.majorImpact === true;
  let deduction = exact(0);
  if (breached && !majorImpact) {
    if (forceMajeure === 'waived') deduction = exact(0);
    else if (forceMajeure === 'reduced') deduction = clamp(exact(fmDecision?.data.reducedPoints ?? '0'), 0, base);
    else deduction = base;
  }
  return {
    record: r,
    ...(t.itemNo !== undefined && ctx.itemUnit.has(t.itemNo) ? { unitId: ctx.itemUnit.get(t.itemNo) as string, itemNo: t.itemNo } : {}),
    level,
    levelSource,
    levelDisputed: levelSource === 'ticket-override' && t.levelOverride?.level !== t.level,
    reportedMs,
    respondByMs,
    resolveByMs,
    ...(respondedMs !== undefined ? { respondedMs } : {}),
    ...(resolvedMs !== undefined ? { resolvedMs } : {}),
    respondMinutes: sla.respondMinutes,
    resolveMinutes: sla.resolveMinutes,
    lateResponse,
    lateResolution,
    breached,
    ...(breachPeriod ? { breachPeriod } : {}),
    base,
    deduction,
    forceMajeure,
    ...(fmDecision ? { forceMajeureDecision: fmDecision } : {}),
    majorImpact,
  };
}
