import { localDateOf } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';
import type { EvidenceRef, LedgerLine, LedgerNotice, MoneyLedger } from '../../ledger/index.ts';
import type { LuoheGrade } from '../../model/registry.ts';
import { maxFen, ratioOfFen } from '../../money/index.ts';
import type { Period } from '../../period/index.ts';
import { exactConfigNumber } from './config-defaults.ts';
import type { LuoheContext } from './context.ts';
import { evidenceOf, reviewsOf } from './context.ts';
import { eventUnit, type Proposal, takesOver } from './deductions.ts';
import { pts, six, yuan } from './format.ts';
import { gradeRateZh } from './grades.ts';
import { ms, ref, refs } from './records.ts';
import { type MoneyRule, moneyRule } from './rules.ts';

const MONEY_IDS = new Set(['P1', 'P2', 'P3', 'P4', 'P5', 'K1', 'K2', 'K3', 'K4', 'K5', 'N1']);

/** A money proposal (K3 online-rate) before a reviewer takes it over. */
export interface MoneyProposal extends Proposal {
  amountFen: bigint;
}

/** Money events (处罚清单, 重点监管, 协商扣减) of a period: counted amounts, drafts and blockers. */
export interface PenaltyResult {
  lines: LedgerLine[];
  totalFen: bigint;
  warnings: LedgerNotice[];
  blockers: LedgerNotice[];
}

/** Amount of a final money event: amountFen, else percentOfMonthlyFee × gross F, else the rule's fixed amount or share. */
function amountOf(rule: MoneyRule | undefined, feeFen: bigint, amountFen: number | undefined, share: string | undefined): { fen?: bigint; how: string } {
  if (amountFen !== undefined) return { fen: BigInt(amountFen), how: `审核金额 ${yuan(BigInt(amountFen))}` };
  if (share !== undefined) {
    const fen = ratioOfFen(feeFen, share);
    return { fen, how: `当月运维费用 ${yuan(feeFen)} × ${pts(exact(share).mul(100))}% = ${yuan(fen)}` };
  }
  if (rule?.amountFen !== undefined) return { fen: rule.amountFen, how: `每次 ${yuan(rule.amountFen)}` };
  if (rule?.share !== undefined) {
    const fen = ratioOfFen(feeFen, rule.share);
    return { fen, how: `当月运维费用的 ${pts(exact(rule.share).mul(100))}% = ${yuan(fen)}` };
  }
  return { how: '' };
}

/** P/K/N1 events of the period (spec §4.10) plus K3 proposals not yet taken over. */
export function computePenalties(ctx: LuoheContext, p: Period, feeFen: bigint, proposals: readonly MoneyProposal[]): PenaltyResult {
  const lines: LedgerLine[] = [];
  const warnings: LedgerNotice[] = [];
  const blockers: LedgerNotice[] = [];
  let totalFen = 0n;
  for (const record of reviewsOf(ctx, 'event').filter((e) => e.data.period === p.label && MONEY_IDS.has(e.data.ruleId))) {
    const e = record.data;
    const rule = moneyRule(e.ruleId);
    if (e.ruleId === 'N1' && e.amountFen === undefined && e.percentOfMonthlyFee === undefined) continue;
    const unitId = eventUnit(ctx, e);
    const head = { ruleId: e.ruleId, clause: rule?.clause ?? 'LH A4.2 说明5', labelZh: rule?.labelZh ?? '协商扣减', ...(unitId ? { unitId } : {}), ...(e.itemNo !== undefined ? { itemNo: e.itemNo } : {}) };
    const evidence = refs([ref(record, e.amountFen !== undefined ? '/amountFen' : e.percentOfMonthlyFee !== undefined ? '/percentOfMonthlyFee' : '/ruleId'), ...relatedRefs(ctx, e.relatedIds ?? [])]);
    const { fen, how } = amountOf(rule, feeFen, e.amountFen, e.percentOfMonthlyFee);
    if (e.status === 'draft') {
      lines.push({ ...head, points: six(0), ...(fen !== undefined ? { amountFen: Number(-fen) } : {}), status: 'draft', explanationZh: `草稿：${e.descriptionZh}${how ? `（${how}）` : ''}；待审核人员确定`, evidence });
      blockers.push({ code: 'LH-DRAFT-EVENT', messageZh: `处罚事件 ${e.id}（${e.ruleId}）仍为草稿`, evidence: [ref(record)] });
      continue;
    }
    if (fen === undefined) {
      lines.push({ ...head, points: six(0), status: 'informational', explanationZh: `${e.descriptionZh}：未填写扣减金额或比例，暂不扣减`, evidence });
      blockers.push({ code: 'LH-EVENT-AMOUNT-MISSING', messageZh: `处罚事件 ${e.id}（${e.ruleId}）未填写金额或比例`, evidence: [ref(record)] });
      continue;
    }
    if (rule?.shareRange && e.percentOfMonthlyFee !== undefined) {
      const key = e.keySupervisionAggravated === true || (e.itemNo !== undefined && ctx.itemByNo.get(e.itemNo)?.keySupervision === true);
      const lo = key ? exact('0.20') : exact(rule.shareRange.min);
      const pct = exact(e.percentOfMonthlyFee);
      if (pct.lt(lo) || pct.gt(rule.shareRange.max)) {
        warnings.push({ code: 'LH-PENALTY-RANGE', messageZh: `处罚事件 ${e.id}（${e.ruleId}）比例 ${pts(pct.mul(100))}% 不在 ${pts(lo.mul(100))}%–${pts(exact(rule.shareRange.max).mul(100))}% 内`, evidence: [ref(record, '/percentOfMonthlyFee')] });
      }
    }
    totalFen += fen;
    lines.push({ ...head, points: six(0), amountFen: Number(-fen), status: 'counted', explanationZh: `${e.descriptionZh}：${how}，直接扣减当月运维费用`, evidence });
  }
  const reviewerEvents = reviewsOf(ctx, 'event').map((r) => r.data);
  for (const prop of proposals) {
    if (prop.period !== p.label || reviewerEvents.some((e) => takesOver(e, prop))) continue;
    const rule = moneyRule(prop.ruleId);
    lines.push({
      ruleId: prop.ruleId,
      clause: rule?.clause ?? '',
      labelZh: rule?.labelZh ?? '',
      points: six(0),
      amountFen: Number(-prop.amountFen),
      status: 'draft',
      explanationZh: `系统建议（${prop.id}）：${prop.explanationZh}；待审核人员确认`,
      evidence: prop.evidence,
      ...(prop.unitId ? { unitId: prop.unitId } : {}),
      ...(prop.itemNo !== undefined ? { itemNo: prop.itemNo } : {}),
    });
    blockers.push({ code: 'LH-DRAFT-PROPOSAL', messageZh: `系统建议的 ${prop.ruleId}（${rule?.labelZh ?? ''}）${prop.id} 尚待审核人员确认或驳回`, evidence: prop.evidence });
  }
  return { lines, totalFen, warnings, blockers };
}

function relatedRefs(ctx: LuoheContext, ids: readonly string[]): EvidenceRef[] {
  const out: EvidenceRef[] = [];
  for (const id of ids) for (const list of ctx.evidence.values()) for (const r of list) if (r.id === id) out.push(ref(r));
  return out;
}

/** K3 (A26): one proposal per listed item below the monthly minimum, plus one per designated key period below its minimum. */
export function proposeK3(ctx: LuoheContext, p: Period): MoneyProposal[] {
  const cfg = ctx.config.k3OnlineRate;
  const monthlyMin = exactConfigNumber(cfg.monthlyMin);
  const keyMin = exactConfigNumber(cfg.keyPeriodMin);
  const amountFen = moneyRule('K3')?.amountFen ?? 2_000_000n;
  const out: MoneyProposal[] = [];
  const records = evidenceOf(ctx, 'availability').filter((r) => ms(r.data.windowStart) < p.endMs && ms(r.data.windowEnd) > p.startMs);
  for (const item of [...cfg.items].sort((a, b) => a - b)) {
    const mine = records.filter((r) => (r.data.itemNos ?? []).includes(item));
    if (mine.length === 0) continue;
    const unitId = ctx.itemUnit.get(item);
    const samples = mine.flatMap((r) => (r.data.samples ?? []).filter((s) => s.date >= p.firstDay && s.date <= p.lastDay));
    const given = mine.map((r) => r.data.onlineRate).find((x) => x !== undefined);
    const online = samples.reduce((a, s) => a + s.online, 0);
    const total = samples.reduce((a, s) => a + s.total, 0);
    const rate: Exact | undefined = given !== undefined ? exact(given) : total > 0 ? exact(online).div(total) : undefined;
    if (rate !== undefined && rate.lt(monthlyMin)) {
      out.push({
        id: `auto-K3-${p.label}-${item}-month`,
        ruleId: 'K3',
        period: p.label,
        amountFen,
        ...(unitId ? { unitId } : {}),
        itemNo: item,
        explanationZh: `事项 ${item} 本期在线率 ${pts(rate.mul(100))}% 低于 ${pts(monthlyMin.mul(100))}%（上级考核指标），扣减 ${yuan(amountFen)}`,
        evidence: refs(mine.map((r) => ref(r, given !== undefined ? '/onlineRate' : '/samples'))),
        keys: [`K3:${p.label}:${item}:month`],
      });
    }
    const keyPeriods = mine.flatMap((r) => (r.data.keyPeriods ?? []).map((k) => ({ k, r })));
    keyPeriods.sort((a, b) => ms(a.k.start) - ms(b.k.start) || (a.k.labelZh < b.k.labelZh ? -1 : 1));
    keyPeriods.forEach(({ k, r }, i) => {
      const from = localDateOf(ms(k.start));
      const to = localDateOf(ms(k.end) - 1);
      const inKey = samples.filter((s) => s.date >= from && s.date <= to);
      const t = inKey.reduce((a, s) => a + s.total, 0);
      if (t === 0) return;
      const kr = exact(inKey.reduce((a, s) => a + s.online, 0)).div(t);
      if (!kr.lt(keyMin)) return;
      out.push({
        id: `auto-K3-${p.label}-${item}-key-${i + 1}`,
        ruleId: 'K3',
        period: p.label,
        amountFen,
        ...(unitId ? { unitId } : {}),
        itemNo: item,
        explanationZh: `事项 ${item} 重要时间节点“${k.labelZh}”（${from} 至 ${to}）在线率 ${pts(kr.mul(100))}% 低于 ${pts(keyMin.mul(100))}%，扣减 ${yuan(amountFen)}`,
        evidence: [ref(r, '/keyPeriods')],
        keys: [`K3:${p.label}:${item}:key:${k.labelZh}`],
      });
    });
  }
  return out;
}

/** Monthly payable (spec §4.11): F × (1 − r) − M, floored at 0; the excess is reported as unrecovered. */
export function computeMonthlyPayable(feeFen: bigint, grade: LuoheGrade, rate: Exact, penaltiesFen: bigint): Pick<MoneyLedger, 'monthlyFeeFen' | 'gradeDeductionRate' | 'gradeDeductionFen' | 'penaltiesFen' | 'payableFen' | 'unrecoveredFen'> & {
  explanationZh: string;
} {
  const gradeDeductionFen = ratioOfFen(feeFen, rate);
  const afterGrade = feeFen - gradeDeductionFen;
  const payable = maxFen(0n, afterGrade - penaltiesFen);
  const unrecovered = maxFen(0n, penaltiesFen - afterGrade);
  return {
    monthlyFeeFen: Number(feeFen),
    gradeDeductionRate: six(rate),
    gradeDeductionFen: Number(gradeDeductionFen),
    penaltiesFen: Number(penaltiesFen),
    payableFen: Number(payable),
    unrecoveredFen: Number(unrecovered),
    explanationZh: `当月运维费用 ${yuan(feeFen)}，考核等级${grade}（${gradeRateZh(grade)}）扣减 ${yuan(gradeDeductionFen)}，处罚清单及重点监管事项扣减 ${yuan(penaltiesFen)}，应付 ${yuan(payable)}${unrecovered > 0n ? `，另有 ${yuan(unrecovered)} 超出当月可扣金额未能扣回` : ''}`,
  };
}
