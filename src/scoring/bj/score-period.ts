import { bjChecklistForWindow } from '../../checklist/bj.ts';
import { parseInstant } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { clamp, exact, sum } from '../../decimal/index.ts';
import type { ChecklistEntry, InvalidRecord, Ledger, LedgerNotice, RuleLedger } from '../../ledger/index.ts';
import { configHash, nonDefaultValues } from '../../ledger/index.ts';
import type { AcceptanceDecision } from '../../model/index.ts';
import type { BjGrade, ScoreRule } from '../../model/registry.ts';
import { formatYuanZh } from '../../money/index.ts';
import type { ScoringInput } from '../input.ts';
import type { BjPeriodScore } from './acceptance.ts';
import { aggregateBjAcceptance, bjTailEffect, bjTailTerms } from './acceptance.ts';
import { scoreAssets } from './assets.ts';
import { scoreAttendance } from './attendance.ts';
import { scoreAvailability } from './availability.ts';
import { BJ_CONFIG_DEFAULTS } from './config-defaults.ts';
import type { BjContext, BjLine, SharedContext } from './context.ts';
import { buildContext, dateInWindow, notice, reviewsOf, sharedContext } from './context.ts';
import { scoreDocuments } from './documents.ts';
import { scoreEmergency } from './emergency.ts';
import { scoreFaults } from './faults.ts';
import { fixed6, pointsPhraseZh } from './format-zh.ts';
import { bjGradeOf, gradeBandsOf } from './grades.ts';
import { scoreInspections } from './inspections.ts';
import { compareLines, info, toLedgerLine } from './lines.ts';
import { scoreRankings } from './rankings.ts';
import { scoreReviewerEvents } from './reviewer-events.ts';
import { scoreSatisfaction } from './satisfaction.ts';
import { scoreSpecialPeriods } from './special-periods.ts';
import { scoreStaffChanges } from './staff-changes.ts';

/** Initial score (BJ T 说明 002:L486: "初始分 100 分"). */
export const BJ_INITIAL_SCORE = '100';

/** One window's scorecard before it becomes a ledger. */
export interface BjScorecard {
  rules: RuleLedger[];
  /** 100 + Σ capped rule points (then `bj.clampTotal`), exact. */
  total: Exact;
  grade: BjGrade;
  checklist: ChecklistEntry[];
}

/** External-input rules (rankings R43/R47, survey R50): not applicable when the window has no input for them. */
function isExternal(rule: ScoreRule): boolean {
  return rule.mode === 'ranking' || rule.trigger === 'survey.result';
}

function ruleLedger(ctx: BjContext, rule: ScoreRule, lines: BjLine[]): { ledger: RuleLedger; points: Exact } {
  const sorted = [...lines].sort(compareLines);
  if (rule.mode === 'once-per-period') {
    // "每考核期扣一次": further findings of the period are shown but do not count again.
    let seen = false;
    for (const l of sorted) {
      if (l.status !== 'counted') continue;
      if (seen) {
        l.status = 'informational';
        l.explanationZh = `${l.explanationZh}（本考核期已扣，不重复计分）`;
      }
      seen = true;
    }
  }
  const raw = sum(sorted.filter((l) => l.status === 'counted').map((l) => l.points));
  let points = raw;
  const cap = rule.capPerPeriod;
  if (cap?.max !== undefined && points.gt(cap.max)) points = exact(cap.max);
  if (cap?.min !== undefined && points.lt(cap.min)) points = exact(cap.min);
  if (!points.eq(raw)) {
    const bound = points.gt(raw) ? `最少${pointsPhraseZh(points)}` : `最多${pointsPhraseZh(points)}`;
    sorted.push(info(rule, `每考核期${bound}：合计 ${raw.toString()} 分按上限计为 ${points.toString()} 分`, [], ctx.window.endMs));
  }
  const status: RuleLedger['status'] = isExternal(rule) && sorted.length === 0 ? 'not-applicable' : 'applied';
  const head = { ruleId: rule.id, clause: rule.source, labelZh: rule.contentZh, points: fixed6(points), status };
  const events = sorted.map((l) => toLedgerLine(rule, l));
  if (cap === undefined) return { ledger: { ...head, events }, points };
  const c: { max?: string; min?: string } = {};
  if (cap.max !== undefined) c.max = fixed6(cap.max);
  if (cap.min !== undefined) c.min = fixed6(cap.min);
  return { ledger: { ...head, cap: c, events }, points };
}

/** Scores the window of a context: every rule of rules.json, sorted by id, plus the §6.3 checklist. */
export function scoreWindow(ctx: BjContext): BjScorecard {
  const checklist = bjChecklistForWindow(ctx);
  const lines: BjLine[] = [
    ...scoreAttendance(ctx),
    ...scoreStaffChanges(ctx),
    ...scoreDocuments(ctx),
    ...scoreAssets(ctx),
    ...scoreAvailability(ctx),
    ...scoreSpecialPeriods(ctx),
    ...scoreInspections(ctx),
    ...scoreEmergency(ctx),
    ...scoreFaults(ctx),
    ...scoreRankings(ctx),
    ...scoreSatisfaction(ctx),
    ...scoreReviewerEvents(ctx),
    ...checklist.proposals,
  ];
  const byRule = new Map<string, BjLine[]>();
  for (const l of lines) byRule.set(l.ruleId, [...(byRule.get(l.ruleId) ?? []), l]);
  const rules: RuleLedger[] = [];
  let total = exact(BJ_INITIAL_SCORE);
  for (const rule of ctx.rules.rules) {
    const { ledger, points } = ruleLedger(ctx, rule, byRule.get(rule.id) ?? []);
    rules.push(ledger);
    total = total.add(points);
  }
  const c = ctx.config.clampTotal;
  if (c !== null) total = clamp(total, String(c.min), String(c.max));
  return { rules, total, grade: bjGradeOf(total, gradeBandsOf(ctx.registry.contract)), checklist: checklist.entries };
}

/**
 * Exact scores of the periods from the first one through `throughLabel` (each its own window), for the acceptance
 * aggregate (spec §5.1).
 */
export function bjPeriodScores(input: ScoringInput, throughLabel: string, shared: SharedContext = sharedContext(input)): BjPeriodScore[] {
  const last = throughLabel.includes('..') ? (throughLabel.split('..')[1] as string) : throughLabel;
  const out: BjPeriodScore[] = [];
  for (const p of shared.periods) {
    if (p.label > last) break;
    const ctx = buildContext(input, p.label, shared);
    out.push({ period: p.label, days: ctx.window.days, score: scoreWindow(ctx).total });
  }
  return out;
}

function latestAcceptance(shared: SharedContext, throughLabel: string): AcceptanceDecision | undefined {
  return reviewsOf(shared, 'acceptance')
    .map((r) => r.data)
    .filter((a) => a.period <= throughLabel)
    .sort((a, b) => parseInstant(a.decidedAt) - parseInstant(b.decidedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .at(-1);
}

function invalidRecords(input: ScoringInput, labels: readonly string[]): InvalidRecord[] {
  const all = [...input.evidence, ...input.reviews].filter(
    (r) => !r.valid && labels.includes(r.period) && (r.data as { contractId?: unknown }).contractId === input.registry.contractId,
  );
  return all
    .map((r) => ({ id: r.id, file: r.file, reasons: [...r.problems].sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function sortNotices(list: LedgerNotice[]): LedgerNotice[] {
  const key = (n: LedgerNotice): string => JSON.stringify([n.code, n.messageZh, n.evidence]);
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Scores one Beijing period (`input.period`, or a run `A..B` of periods scored as one scorecard) into a ledger
 * (spec §5): Score = 100 + Σ per-rule capped sums, the grade of §5.2, the tail exposure of the acceptance aggregate
 * so far, the §6.3 checklist, blockers, warnings and invalid records. Pure: the same input gives the same bytes.
 */
export function scoreBjPeriod(input: ScoringInput): Ledger {
  const shared = sharedContext(input);
  const ctx = buildContext(input, input.period, shared);
  const card = scoreWindow(ctx);
  const config = shared.config;
  const w = ctx.window;
  const lastLabel = w.labels.at(-1) as string;

  // Provisional tail exposure: the acceptance aggregate of the periods so far (spec §5.2).
  const firstLabel = (shared.periods[0] as { label: string }).label;
  let aggregateGrade: BjGrade;
  if (config.acceptanceAggregation === 'single-annual-period') {
    const whole = firstLabel === w.labels[0] ? card : scoreWindow(buildContext(input, `${firstLabel}..${lastLabel}`, shared));
    aggregateGrade = aggregateBjAcceptance([{ period: `${firstLabel}..${lastLabel}`, days: 0, score: whole.total }], config, gradeBandsOf(shared.registry.contract)).grade;
  } else if (config.acceptanceAggregation === 'last-period') {
    aggregateGrade = card.grade;
  } else {
    const scores = bjPeriodScores(input, w.labels[0] as string, shared).filter((s) => !w.labels.includes(s.period));
    scores.push({ period: w.label, days: w.days, score: card.total });
    aggregateGrade = aggregateBjAcceptance(scores, config, gradeBandsOf(shared.registry.contract)).grade;
  }
  const acceptance = latestAcceptance(shared, lastLabel);
  const tail = bjTailEffect(aggregateGrade, acceptance, config, bjTailTerms(shared.registry.contract));
  if (dateInWindow(ctx, config.tailSettlementDate)) {
    notice(ctx, 'warnings', 'bj/tail-settlement', `尾款 ${formatYuanZh(tail.tailFen)} 于 ${config.tailSettlementDate} 甲方确认工作成果后全额支付（cfg bj.tailSettlementDate）；按等级退回尾款在最终验收时按全年等级计算`);
  }
  if (tail.escalation) {
    notice(ctx, 'warnings', 'bj/fail-escalation', '累计等级为不合格：甲方有权视情况追回已拨付费用并要求乙方赔偿相应损失（BJ §七.5、§十一.2）');
  }
  // The registry loads the list; its display path is relative to the working directory, so compare from contracts/.
  const loaded = shared.registry.files['special-periods'];
  const fromContracts = (p: string): string => p.slice(Math.max(0, p.lastIndexOf('contracts/')));
  if (loaded !== undefined && fromContracts(loaded) !== fromContracts(config.specialPeriods)) {
    notice(ctx, 'warnings', 'bj/special-periods-path', `特殊时段名单取自 ${loaded}，与 cfg bj.specialPeriods = ${config.specialPeriods} 不一致`);
  }
  const signed = new Set(reviewsOf(shared, 'signoff').map((r) => r.data.period));
  const blockers = sortNotices(ctx.notices.blockers);
  const status = blockers.length === 0 && w.labels.every((l) => signed.has(l)) ? 'final' : 'provisional';
  return {
    ledgerVersion: 1,
    contractId: shared.registry.contractId,
    scheme: 'bj-kw-ops',
    period: w.label,
    periodStart: w.start,
    periodEnd: w.endExclusive,
    status,
    asOf: input.asOf,
    engineVersion: input.engineVersion,
    configHash: configHash(shared.registry.config),
    configNonDefault: nonDefaultValues(config, BJ_CONFIG_DEFAULTS, 'bj'),
    package: { score: fixed6(card.total), grade: card.grade },
    units: [],
    rules: card.rules,
    money: {
      penaltiesFen: 0,
      penalties: [],
      tail: {
        tailFen: Number(tail.tailFen),
        grade: tail.grade,
        refundRate: tail.refundRate,
        refundExposureFen: Number(tail.refundExposureFen),
        refundAppliedFen: Number(tail.refundAppliedFen),
      },
    },
    checklist: card.checklist,
    blockers,
    warnings: sortNotices(ctx.notices.warnings),
    invalid: invalidRecords(input, w.labels),
  };
}
