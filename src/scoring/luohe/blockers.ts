import { addDays, endOfLocalDay, startOfLocalDay } from '../../calendar/index.ts';
import type { LedgerNotice } from '../../ledger/index.ts';
import type { Period } from '../../period/index.ts';
import type { LuoheContext } from './context.ts';
import { evidenceOf, overrideRanges, rangeConfirmed, reviewsOf } from './context.ts';
import { paperReceipt } from './documentation.ts';
import { ms, ref } from './records.ts';
import type { PeriodResult } from './score-period.ts';

/** The period's sign-offs, latest first. */
export function signoffs(ctx: LuoheContext, p: Period) {
  return reviewsOf(ctx, 'signoff')
    .filter((r) => r.data.period === p.label)
    .sort((a, b) => ms(b.data.signedAt) - ms(a.data.signedAt) || (a.id < b.id ? 1 : -1));
}

/**
 * Blocking issues of spec §4.13 (force majeure pending, accident flag, drafts, paper receipt, level dispute, unit
 * attribution in the first period) plus the evidence freeze and a sign-off made under another config. Period-level
 * notices that do not block (retroactive month, handover, later-period attribution) are appended to `warnings`.
 */
export function collectBlockers(ctx: LuoheContext, p: Period, result: PeriodResult, warnings: LedgerNotice[]): LedgerNotice[] {
  const blockers: LedgerNotice[] = [];
  for (const u of result.units) blockers.push(...u.satisfaction.blockers, ...u.exception.blockers);
  blockers.push(...result.deductions.blockers, ...result.penalties.blockers);

  // §4.6: a missing paper receipt blocks (it never costs the vendor points).
  if (ctx.config.requirePaper && paperReceipt(ctx, p) === undefined) {
    blockers.push({ code: 'LH-PAPER-RECEIPT-MISSING', messageZh: `考核期 ${p.label} 尚未登记纸质版运维资料签收记录（或明确免除）`, evidence: [] });
  }

  // A32: unit attribution of the override ranges must be confirmed before the first period is final.
  for (const range of overrideRanges(ctx)) {
    const confirmed = rangeConfirmed(ctx, range);
    if (confirmed !== undefined) continue;
    const notice = {
      code: 'LH-UNIT-ATTRIBUTION',
      messageZh: `事项 ${range.key} 暂归属 ${range.unit}，尚待甲方确认（A32）${p.index === 1 ? '' : '；影响各单位平均分，请尽快确认'}`,
      evidence: [],
    };
    (p.index === 1 ? blockers : warnings).push(notice);
  }

  // §4.13: vendor evidence is frozen at period end + evidenceFreezeDays; before that the period is still open.
  const freeze = startOfLocalDay(addDays(p.lastDay, 1 + ctx.config.evidenceFreezeDays));
  if (ctx.asOfMs < freeze) {
    blockers.push({ code: 'LH-PERIOD-OPEN', messageZh: `证据冻结期未结束（考核期末 + ${ctx.config.evidenceFreezeDays} 日，至 ${addDays(p.lastDay, ctx.config.evidenceFreezeDays)} 24:00）`, evidence: [] });
  }

  const latest = signoffs(ctx, p)[0];
  const hash = ctx.configHash.replace(/^sha256:/, '');
  if (latest?.data.configHash !== undefined && latest.data.configHash.replace(/^sha256:/, '') !== hash) {
    blockers.push({ code: 'LH-SIGNOFF-CONFIG', messageZh: `签署 ${latest.id} 所依据的配置（${latest.data.configHash}）与当前配置（${ctx.configHash}）不一致，需重新签署`, evidence: [ref(latest, '/configHash')] });
  }

  // A28: months before the contract took effect are scored retroactively.
  if (p.startMs < startOfLocalDay(ctx.config.effectiveAt)) {
    warnings.push({ code: 'LH-RETROACTIVE', messageZh: `考核期 ${p.label} 早于合同生效日 ${ctx.config.effectiveAt}，为追溯考核；系统建议的 D6 须经审核人员确认（A28）`, evidence: [] });
  }
  // K1: handover must be complete by the handover deadline (§2.2); the engine only points at it.
  if (ctx.config.handoverDeadline >= p.firstDay && ctx.config.handoverDeadline <= p.lastDay) {
    const deadline = endOfLocalDay(ctx.config.handoverDeadline);
    const done = evidenceOf(ctx, 'archive').some((r) => r.data.docKind === 'T04' && ms(r.data.uploadedAt) <= deadline);
    const k1 = reviewsOf(ctx, 'event').some((e) => e.data.ruleId === 'K1' && e.data.period === p.label);
    if (!done && !k1) {
      warnings.push({ code: 'LH-HANDOVER', messageZh: `交接期限 ${ctx.config.handoverDeadline} 前未见交接完成记录（T04），请审核人员确认是否适用 K1 系统运维承接不及时`, evidence: [] });
    }
  }
  return blockers;
}

/** `final` only when nothing blocks and a reviewer signed the period off (§4.13, §10.1). */
export function finalStatus(ctx: LuoheContext, p: Period, blockers: readonly LedgerNotice[]): 'provisional' | 'final' {
  return blockers.length === 0 && signoffs(ctx, p).length > 0 ? 'final' : 'provisional';
}
