import { type ChecklistFault, evaluateLuoheChecklist } from '../../checklist/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { exact, sum } from '../../decimal/index.ts';
import type { ChecklistEntry, EvidenceRef, LedgerLine } from '../../ledger/index.ts';
import type { LuoheGrade } from '../../model/registry.ts';
import type { Period } from '../../period/index.ts';
import type { LuoheContext } from './context.ts';
import { evidenceOf, monthEndDeadline, reviewsOf } from './context.ts';
import type { DailyWorkResult } from './daily-work.ts';
import { evaluateFaults } from './faults.ts';
import { pts, six } from './format.ts';
import { cmp, ms, type RevRec, refs } from './records.ts';
import { luoheRule } from './rules.ts';
import type { UnitScope } from './scope.ts';

/** Documentation of one unit in one period (spec §4.6). */
export interface DocumentationResult {
  score: Exact;
  entries: ChecklistEntry[];
  line: LedgerLine;
}

/** The period's paper receipt: the latest (by receivedAt, then id). */
export function paperReceipt(ctx: LuoheContext, p: Period): RevRec<'paper-receipt'> | undefined {
  return reviewsOf(ctx, 'paper-receipt')
    .filter((r) => r.data.period === p.label)
    .sort((a, b) => cmp(a.data.receivedAt ?? '', b.data.receivedAt ?? '') || cmp(a.id, b.id))
    .at(-1);
}

const paperIds = new WeakMap<LuoheContext, Map<string, Set<string>>>();

function receivedOnPaper(ctx: LuoheContext, p: Period, deadline: number): Set<string> {
  const perCtx = paperIds.get(ctx) ?? new Map<string, Set<string>>();
  paperIds.set(ctx, perCtx);
  const cached = perCtx.get(p.label);
  if (cached) return cached;
  const out = new Set<string>();
  for (const list of ctx.evidence.values()) for (const r of list) if (r.data.paper && ms(r.data.paper.receivedAt) <= deadline) out.add(r.id);
  perCtx.set(p.label, out);
  return out;
}

/** S_arch = 10 × present / |R| (pooled) or the mean of the per-scope shares (cfg archiveMode, A15). */
export function archiveScore(entries: readonly ChecklistEntry[], mode: 'pooled' | 'mean-per-scope'): { score: Exact; detail: string } {
  const scored = entries.filter((e) => e.scored);
  const ok = (e: ChecklistEntry) => e.status !== 'missing';
  if (scored.length === 0) return { score: exact(10), detail: '本期无应归档资料，按满分 10 分' };
  if (mode === 'pooled') {
    const n = scored.filter(ok).length;
    return { score: exact(10).mul(n).div(scored.length), detail: `应归档 ${scored.length} 份，已归档 ${n} 份：10×${n}/${scored.length}` };
  }
  const groups = (['package', 'unit', 'item', 'event'] as const)
    .map((scope) => ({ scope, list: scored.filter((e) => e.scope === scope) }))
    .filter((g) => g.list.length > 0);
  const shares = groups.map((g) => exact(g.list.filter(ok).length).div(g.list.length));
  const labels: Record<string, string> = { package: '包级', unit: '单位级', item: '事项级', event: '事件级' };
  return {
    score: exact(10).mul(sum(shares)).div(groups.length),
    detail: `按范围分别计算后取平均（archiveMode = mean-per-scope）：${groups.map((g) => `${labels[g.scope]} ${g.list.filter(ok).length}/${g.list.length}`).join('，')}`,
  };
}

/** Evaluates the unit's checklist (src/checklist) and turns it into S_arch with its ledger line. */
export function computeDocumentation(
  ctx: LuoheContext,
  scope: UnitScope,
  p: Period,
  daily: DailyWorkResult,
  previous: { period: Period; grade: LuoheGrade } | undefined,
): DocumentationResult {
  const deadlineMs = monthEndDeadline(ctx, p);
  const faults: ChecklistFault[] = evaluateFaults(ctx)
    .filter((f) => f.unitId === scope.unitId && f.itemNo !== undefined)
    .map((f) => ({ record: f.record, level: f.level, itemNo: f.itemNo as number, ...(f.resolvedMs !== undefined ? { resolvedMs: f.resolvedMs } : {}) }));
  const receipt = paperReceipt(ctx, p);
  const entries = evaluateLuoheChecklist({
    period: p,
    periods: ctx.periods,
    ...(previous ? { previous } : {}),
    unitId: scope.unitId,
    hwItems: scope.hw,
    lineItems: scope.line,
    catalogue: ctx.registry.catalogue,
    deadlineMs,
    handoverDeadline: ctx.config.handoverDeadline,
    drillSchedule: ctx.config.drillSchedule,
    trainingSchedule: ctx.config.trainingSchedule,
    reportGraceDays: ctx.config.reportGraceDays,
    archives: evidenceOf(ctx, 'archive'),
    reports: evidenceOf(ctx, 'report'),
    rectifications: evidenceOf(ctx, 'rectification'),
    inspectionsByItem: daily.inspectionsByItem,
    inspectionWaiversByItem: daily.inspectionWaiversByItem,
    faults,
    paper: { required: ctx.config.requirePaper, ...(receipt ? { receipt } : {}), receivedIds: receivedOnPaper(ctx, p, deadlineMs) },
    undeclaredCoverage: ctx.config.archiveUndeclaredCoverage,
    c09Source: ctx.config.c09Source,
  });
  const { score, detail } = archiveScore(entries, ctx.config.archiveMode);
  const missing = entries.filter((e) => e.status === 'missing');
  const r = luoheRule('LH-ARCH');
  const evidence: EvidenceRef[] = refs(entries.flatMap((e) => e.fulfilledBy));
  const missingText =
    missing.length > 0
      ? `；缺失：${missing.map((e) => `${e.code} ${e.labelZh}${e.itemNo !== undefined ? `（事项 ${e.itemNo}${e.eventRef ? `，${e.eventRef}` : ''}）` : ''}`).join('；')}`
      : '';
  return {
    score,
    entries,
    line: {
      ruleId: r.id,
      clause: r.clause,
      labelZh: r.labelZh,
      points: six(score),
      status: 'counted',
      explanationZh: `${detail} = ${pts(score)} 分${missingText}`,
      evidence,
      unitId: scope.unitId,
    },
  };
}
