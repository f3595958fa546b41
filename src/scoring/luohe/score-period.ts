import type { Exact } from '../../decimal/index.ts';
import { max, min } from '../../decimal/index.ts';
import type { ChecklistEntry, Ledger, LedgerLine, LedgerNotice, UnitLedger } from '../../ledger/index.ts';
import type { LuoheGrade } from '../../model/registry.ts';
import type { Period } from '../../period/index.ts';
import type { ScoringInput } from '../input.ts';
import { collectBlockers, finalStatus } from './blockers.ts';
import { buildContext, type LuoheContext, monthlyFeeFen, periodOf, previousPeriod } from './context.ts';
import { activityRejections, computeDailyWork, type DailyWorkResult } from './daily-work.ts';
import { computeDeductions, computeLuohePackage, type DeductionResult, type Proposal, proposeD1, proposeD5, proposeD6 } from './deductions.ts';
import { computeDocumentation, type DocumentationResult } from './documentation.ts';
import { computeExceptionHandling, type ExceptionResult } from './exception-handling.ts';
import { pts, six } from './format.ts';
import { gradeOf } from './grades.ts';
import { computeMonthlyPayable, computePenalties, type PenaltyResult, proposeK3 } from './money.ts';
import { cmp, invalidEntries, type Rejection } from './records.ts';
import { computeSatisfaction, type SatisfactionResult } from './satisfaction.ts';
import { type UnitScope, unitScope } from './scope.ts';

/** One unit's full result in one period. */
export interface UnitResult {
  unitId: string;
  nameZh: string;
  scope: UnitScope;
  satisfaction: SatisfactionResult;
  daily: DailyWorkResult;
  exception: ExceptionResult;
  documentation: DocumentationResult;
  dimensions: { satisfaction: Exact; dailyWork: Exact; exceptionHandling: Exact; archive: Exact };
  score: Exact;
  grade: LuoheGrade;
}

/** One period's result before it is written as a ledger (memoised: p's C15 needs the grade of p−1). */
export interface PeriodResult {
  period: Period;
  units: UnitResult[];
  proposals: Proposal[];
  deductions: DeductionResult;
  penalties: PenaltyResult;
  feeFen: bigint;
  package: ReturnType<typeof computeLuohePackage>;
  /** False for an earlier period computed only for its grade (no engine proposals). */
  proposalsEvaluated: boolean;
}

const dailyMemo = new WeakMap<LuoheContext, Map<string, { scope: UnitScope; daily: DailyWorkResult }>>();

/** Scope and daily work of a unit in a period (memoised: D6 of p+1 reads p's credits). */
export function unitDaily(ctx: LuoheContext, unitId: string, p: Period): { scope: UnitScope; daily: DailyWorkResult } {
  const memo = dailyMemo.get(ctx) ?? new Map<string, { scope: UnitScope; daily: DailyWorkResult }>();
  dailyMemo.set(ctx, memo);
  const key = `${unitId}@${p.label}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const scope = unitScope(ctx, unitId, p);
  const value = { scope, daily: computeDailyWork(ctx, scope, p) };
  memo.set(key, value);
  return value;
}

function clampDim(ctx: LuoheContext, x: Exact, hi: number): Exact {
  return ctx.config.floorZero ? max(min(x, hi), 0) : min(x, hi);
}

/**
 * Results of earlier periods (needed only for their package grade: C15 of the next period), shared across calls
 * that score the same loaded content so that scoring a contract-year stays linear. An earlier period is judged as
 * of its own evidence freeze (or the current asOf if earlier), so its grade does not depend on which later period
 * asked for it. Keyed by the record arrays themselves: new content means new arrays and no stale hit.
 */
const earlierResults = new WeakMap<object, WeakMap<object, Map<string, PeriodResult>>>();

function earlierResult(ctx: LuoheContext, q: Period): PeriodResult {
  const freezeEnd = q.endMs + ctx.config.evidenceFreezeDays * 86_400_000;
  const asOfMs = Math.min(ctx.asOfMs, freezeEnd);
  let byReviews = earlierResults.get(ctx.input.evidence);
  if (!byReviews) earlierResults.set(ctx.input.evidence, (byReviews = new WeakMap()));
  let cache = byReviews.get(ctx.input.reviews);
  if (!cache) byReviews.set(ctx.input.reviews, (cache = new Map()));
  const key = `${ctx.configHash}|${q.index}|${asOfMs}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const prev = previousPeriod(ctx, q);
  const at: LuoheContext = { ...ctx, asOfMs, memo: new Map() };
  if (prev) at.memo.set(prev.index, earlierResult(ctx, prev));
  const result = computePeriod(at, q, false);
  cache.set(key, result);
  return result;
}

/** Computes (and memoises) the result of a period; the previous period is computed first for its grade. */
export function periodResult(ctx: LuoheContext, p: Period): PeriodResult {
  const cached = ctx.memo.get(p.index) as PeriodResult | undefined;
  if (cached?.proposalsEvaluated) return cached;
  const prev = previousPeriod(ctx, p);
  if (prev && !ctx.memo.has(prev.index)) ctx.memo.set(prev.index, earlierResult(ctx, prev));
  const result = computePeriod(ctx, p, true);
  ctx.memo.set(p.index, result);
  return result;
}

/**
 * One period. Earlier periods are computed only for their package grade (C15 of the next period), so they skip the
 * engine proposals: drafts never count, and a D5 deadline in a year without a calendar must not break later periods.
 */
function computePeriod(ctx: LuoheContext, p: Period, withProposals: boolean): PeriodResult {
  const prev = previousPeriod(ctx, p);
  const prevResult = prev ? (ctx.memo.get(prev.index) as PeriodResult | undefined) : undefined;
  const previousGrade = prev && prevResult ? { period: prev, grade: prevResult.package.grade } : undefined;
  const units: UnitResult[] = [];
  const proposals: Proposal[] = [];
  for (const unit of ctx.units) {
    const { scope, daily } = unitDaily(ctx, unit.id, p);
    if (!scope.active) continue;
    const satisfaction = computeSatisfaction(ctx, unit.id, p);
    const exception = computeExceptionHandling(ctx, unit.id, p);
    const documentation = computeDocumentation(ctx, scope, p, daily, previousGrade);
    const dimensions = {
      satisfaction: clampDim(ctx, satisfaction.score, 30),
      dailyWork: clampDim(ctx, daily.score, 30),
      exceptionHandling: clampDim(ctx, exception.score, 30),
      archive: clampDim(ctx, documentation.score, 10),
    };
    const score = dimensions.satisfaction.add(dimensions.dailyWork).add(dimensions.exceptionHandling).add(dimensions.archive);
    units.push({ unitId: unit.id, nameZh: unit.nameZh, scope, satisfaction, daily, exception, documentation, dimensions, score, grade: gradeOf(score, ctx.config.gradeRounding) });
    if (!withProposals) continue;
    if (prev) {
      const before = unitDaily(ctx, unit.id, prev);
      if (before.scope.active) proposals.push(...proposeD6(ctx, p, prev, unit.id, { scope, credits: daily.credits }, { scope: before.scope, credits: before.daily.credits }));
    }
    proposals.push(...proposeD1(ctx, p, exception.majorImpact));
  }
  if (withProposals) proposals.push(...proposeD5(ctx, p));
  const deductions = computeDeductions(ctx, p, proposals);
  const feeFen = monthlyFeeFen(ctx, p);
  const penalties = computePenalties(ctx, p, feeFen, withProposals ? proposeK3(ctx, p) : []);
  const pkg = computeLuohePackage({
    unitScores: units.map((u) => ({ unitId: u.unitId, score: u.score })),
    deductions: deductions.counted,
    deductionLevel: ctx.config.deductionLevel,
    floorZero: ctx.config.floorZero,
    gradeRounding: ctx.config.gradeRounding,
  });
  return { period: p, units, proposals, deductions, penalties, feeFen, package: pkg, proposalsEvaluated: withProposals };
}

const lineOrder = ['LH-SAT', 'LH-DAILY', 'LH-VISIT', 'LH-INSP', 'LH-BACKUP', 'LH-SCAN', 'LH-EXC', 'LH-FAULT', 'LH-VULN', 'LH-ARCH'];

function ruleRank(id: string): string {
  const i = lineOrder.indexOf(id);
  return i >= 0 ? String(i).padStart(3, '0') : `999${id}`;
}

/** Deterministic order of ledger lines: rule, item, system, first evidence id, explanation. */
export function sortLines(lines: readonly LedgerLine[]): LedgerLine[] {
  return [...lines].sort(
    (a, b) =>
      cmp(ruleRank(a.ruleId), ruleRank(b.ruleId)) ||
      cmp(a.unitId ?? '', b.unitId ?? '') ||
      (a.itemNo ?? -1) - (b.itemNo ?? -1) ||
      cmp(a.systemId ?? '', b.systemId ?? '') ||
      cmp(a.evidence[0]?.id ?? '', b.evidence[0]?.id ?? '') ||
      cmp(a.status, b.status) ||
      cmp(a.explanationZh, b.explanationZh),
  );
}

/** Deduplicated notices in a stable order. */
export function sortNotices(list: readonly LedgerNotice[]): LedgerNotice[] {
  const seen = new Map<string, LedgerNotice>();
  for (const n of list) {
    const key = `${n.code}\u0000${n.messageZh}`;
    const prior = seen.get(key);
    if (!prior) seen.set(key, { ...n, evidence: [...n.evidence] });
    else for (const e of n.evidence) if (!prior.evidence.some((x) => x.id === e.id && x.line === e.line)) prior.evidence.push(e);
  }
  return [...seen.values()]
    .map((n) => ({ ...n, evidence: [...n.evidence].sort((a, b) => cmp(a.id, b.id) || a.line - b.line) }))
    .sort((a, b) => cmp(a.code, b.code) || cmp(a.messageZh, b.messageZh));
}

function unitLedger(u: UnitResult, rounding: Parameters<typeof gradeOf>[1]): UnitLedger {
  return {
    unitId: u.unitId,
    nameZh: u.nameZh,
    score: six(u.score),
    grade: gradeOf(u.score, rounding),
    dimensions: {
      satisfaction: six(u.dimensions.satisfaction),
      dailyWork: six(u.dimensions.dailyWork),
      exceptionHandling: six(u.dimensions.exceptionHandling),
      archive: six(u.dimensions.archive),
    },
    lines: sortLines([u.satisfaction.line, ...u.daily.lines, ...u.exception.lines, u.documentation.line]),
  };
}

/** Scores one Luohe period (scheme `luohe-a3-2025`, spec §4) and writes its ledger. Pure: no I/O, no clock. */
export function scoreLuohePeriod(input: ScoringInput): Ledger {
  const ctx = buildContext(input);
  const p = periodOf(ctx, input.period);
  const result = periodResult(ctx, p);
  const pkg = result.package;
  const money = computeMonthlyPayable(result.feeFen, pkg.grade, pkg.rate, result.penalties.totalFen);
  const warnings: LedgerNotice[] = [];
  const checklist: ChecklistEntry[] = [];
  for (const u of result.units) {
    warnings.push(...u.satisfaction.warnings, ...u.daily.warnings, ...u.exception.warnings);
    checklist.push(...u.documentation.entries);
  }
  const rejections: Rejection[] = activityRejections(ctx, p);
  warnings.push(...result.deductions.warnings, ...result.penalties.warnings);
  const blockers = collectBlockers(ctx, p, result, warnings);
  const status = finalStatus(ctx, p, blockers);
  const filed = [...input.evidence, ...input.reviews].filter((r) => r.period === p.label);
  const rejectedHere = rejections.filter((j) => j.record.period === p.label);
  const deductionLevelNote = ctx.config.deductionLevel === 'unit' ? '（deductionLevel = unit）' : '';
  return {
    ledgerVersion: 1,
    contractId: ctx.contractId,
    scheme: 'luohe-a3-2025',
    period: p.label,
    periodStart: p.start,
    periodEnd: p.endExclusive,
    status,
    asOf: input.asOf,
    engineVersion: input.engineVersion,
    configHash: ctx.configHash,
    configNonDefault: ctx.configNonDefault,
    package: {
      score: six(pkg.score),
      grade: pkg.grade,
      average: six(pkg.average),
      deductionPoints: six(pkg.deductionPoints),
      deductionRate: six(pkg.rate),
      deductions: sortLines(result.deductions.lines),
      activeUnits: result.units.map((u) => u.unitId).sort(),
    },
    units: result.units.map((u) => unitLedger(u, ctx.config.gradeRounding)).sort((a, b) => cmp(a.unitId, b.unitId)),
    rules: [],
    money: {
      monthlyFeeFen: money.monthlyFeeFen as number,
      gradeDeductionRate: money.gradeDeductionRate as string,
      gradeDeductionFen: money.gradeDeductionFen as number,
      penaltiesFen: money.penaltiesFen,
      payableFen: money.payableFen as number,
      unrecoveredFen: money.unrecoveredFen as number,
      penalties: sortLines([
        ...result.penalties.lines,
        {
          ruleId: 'LH-GRADE',
          clause: 'LH A3 §七; LH §3(二)1.1–1.4',
          labelZh: '考核结果运用',
          points: six(0),
          amountFen: -(money.gradeDeductionFen as number),
          status: 'informational',
          explanationZh: `运维得分 ${pts(pkg.average)}${pkg.deductionPoints.isZero() ? '' : ` − 扣分项 ${pts(pkg.deductionPoints)}${deductionLevelNote}`} = ${pts(pkg.score)} 分，评定为${pkg.grade}；${money.explanationZh}`,
          evidence: [],
        },
      ]),
    },
    checklist: checklist.sort(
      (a, b) => cmp(a.unitId ?? '', b.unitId ?? '') || cmp(a.code, b.code) || (a.itemNo ?? 0) - (b.itemNo ?? 0) || cmp(a.eventRef ?? '', b.eventRef ?? ''),
    ),
    blockers: sortNotices(blockers),
    warnings: sortNotices(warnings),
    invalid: invalidEntries(filed, rejectedHere),
  };
}

/** Exact package score of a period (for callers that need more than the ledger's six decimals). */
export function scoreLuohePeriodExact(input: ScoringInput): PeriodResult {
  const ctx = buildContext(input);
  return periodResult(ctx, periodOf(ctx, input.period));
}
