import { addDays, civilDayPeriod, daysBetween, startOfLocalDay } from '../../calendar/index.ts';
import { exact } from '../../decimal/index.ts';
import type { EvidenceRef, LedgerNotice } from '../../ledger/index.ts';
import { maxFen, parseYuan } from '../../money/index.ts';
import type { ScoringInput } from '../input.ts';
import { buildContext, type LuoheContext, reviewsOf } from './context.ts';
import { yuan } from './format.ts';
import { cmp, ms, ref, refs } from './records.ts';
import { centralReviewRule } from './rules.ts';
import { statusAt, statusTimelines } from './scope.ts';

/** Reasons of LH §3(二)2.1 that put an interrupted item under 集中复核. */
export const crReasons = ['迁云上云', '整合替代', '部门要求'] as const;

/** One item of 集中复核. */
export interface CentralReviewItem {
  itemNo: number;
  unservicedDays: number;
  historicContractAnnualFeeFen?: bigint;
  compressionRatio?: string;
  /** notional × unservicedDays / 365, rounded half-up to the fen. */
  reductionFen: bigint;
  recognizedFen: bigint;
  vouchers: Array<{ ref: string; amountFen: bigint; recognized: boolean; reasonZh: string }>;
  evidence: EvidenceRef[];
  explanationZh: string;
}

/** 集中复核 result (spec §4.12): CR_net goes to installment 4; a surplus is reported only (cfg crSurplus). */
export interface CentralReviewResult {
  ruleId: string;
  clause: string;
  items: CentralReviewItem[];
  totalReductionFen: bigint;
  totalRecognizedFen: bigint;
  netFen: bigint;
  surplusFen: bigint;
  /** Items with a qualifying interruption but no cr-input yet. */
  missingInputs: number[];
  warnings: LedgerNotice[];
  /** Last day to object: 7 calendar days after the written conclusion is received (一周内, A34). */
  objectionDeadline?: string;
}

/** Whole days of the service period in which the item is not active (cfg crDayCounting). */
function unservicedDays(ctx: LuoheContext, itemNo: number): number {
  const { start, end } = ctx.registry.contract.servicePeriod;
  const steps = statusTimelines(ctx).get(itemNo) ?? [];
  const n = daysBetween(start, end) + 1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const day = addDays(start, i);
    const from = startOfLocalDay(day);
    const to = startOfLocalDay(addDays(day, 1));
    const inside = steps.filter((s) => s.atMs > from && s.atMs < to);
    const atStart = statusAt(ctx, itemNo, from);
    const off =
      ctx.config.crDayCounting === 'whole-days'
        ? atStart !== 'active' && !inside.some((s) => s.status === 'active')
        : atStart !== 'active' || inside.some((s) => s.status !== 'active');
    if (off) count += 1;
  }
  return count;
}

/** 集中复核 from the status changes and the reviewers' `cr-input` files (all periods; the latest per item wins). */
export function computeCentralReview(input: ScoringInput, options: { conclusionReceivedOn?: string } = {}): CentralReviewResult {
  const ctx = buildContext(input);
  const warnings: LedgerNotice[] = [];
  const qualifying = new Map<number, EvidenceRef[]>();
  for (const [itemNo, steps] of [...statusTimelines(ctx)].sort(([a], [b]) => a - b)) {
    for (const s of steps) {
      const d = s.record.data;
      if (s.status !== 'active' && d.nonVendorCause && (crReasons as readonly string[]).includes(d.reasonZh)) {
        qualifying.set(itemNo, [...(qualifying.get(itemNo) ?? []), ref(s.record, '/reasonZh')]);
      }
    }
  }
  const crInputs = reviewsOf(ctx, 'cr-input').sort((a, b) => cmp(a.data.period, b.data.period) || cmp(a.id, b.id));
  const inputs = new Map<number, (typeof crInputs)[number]>();
  for (const r of crInputs) inputs.set(r.data.itemNo, r);
  const ratioFactor = (ratio: string) => (ctx.config.crRatioMeaning === 'removed' ? exact(1).sub(ratio) : exact(ratio));
  const items: CentralReviewItem[] = [];
  for (const [itemNo, evidence] of qualifying) {
    const days = unservicedDays(ctx, itemNo);
    const cr = inputs.get(itemNo);
    if (!cr) {
      items.push({ itemNo, unservicedDays: days, reductionFen: 0n, recognizedFen: 0n, vouchers: [], evidence: refs(evidence), explanationZh: `事项 ${itemNo} 因非乙方原因中断 ${days} 日，尚无集中复核输入（历史运维合同金额、压缩比例）` });
      continue;
    }
    const historic = parseYuan(cr.data.historicContractAnnualFee);
    const notional = exact(historic).mul(ratioFactor(cr.data.compressionRatio));
    const reductionFen = notional.mul(days).div(365).roundHalfUp();
    const deadline = cr.data.voucherDeadline !== undefined ? ms(cr.data.voucherDeadline) : undefined;
    const vouchers = [...cr.data.vouchers]
      .sort((a, b) => cmp(a.ref, b.ref))
      .map((v) => {
        const amountFen = parseYuan(v.amount);
        const late = deadline !== undefined && ms(v.submittedAt) > deadline;
        const recognized = v.accepted && !late;
        return { ref: v.ref, amountFen, recognized, reasonZh: !v.accepted ? '甲方未认定' : late ? '凭证晚于甲方规定时间提交，不予认定（2.3）' : '已认定' };
      });
    const recognizedFen = vouchers.filter((v) => v.recognized).reduce((a, v) => a + v.amountFen, 0n);
    items.push({
      itemNo,
      unservicedDays: days,
      historicContractAnnualFeeFen: historic,
      compressionRatio: cr.data.compressionRatio,
      reductionFen,
      recognizedFen,
      vouchers,
      evidence: refs([...evidence, ref(cr, '/historicContractAnnualFee')]),
      explanationZh: `事项 ${itemNo}：历史运维合同 ${yuan(historic)} × ${ctx.config.crRatioMeaning === 'removed' ? `(1 − ${cr.data.compressionRatio})` : cr.data.compressionRatio} × ${days}/365 = 核减 ${yuan(reductionFen)}；认定乙方配合费用 ${yuan(recognizedFen)}`,
    });
  }
  const missingInputs = items.filter((i) => i.historicContractAnnualFeeFen === undefined).map((i) => i.itemNo);
  for (const [itemNo, r] of inputs) {
    if (!qualifying.has(itemNo)) {
      warnings.push({ code: 'LH-CR-NO-INTERRUPTION', messageZh: `事项 ${itemNo} 有集中复核输入，但无非乙方原因（迁云上云、整合替代、部门要求）的中断记录，未计入`, evidence: [ref(r)] });
    }
  }
  const totalReductionFen = items.reduce((a, i) => a + i.reductionFen, 0n);
  const totalRecognizedFen = items.reduce((a, i) => a + i.recognizedFen, 0n);
  const surplusFen = maxFen(0n, totalRecognizedFen - totalReductionFen);
  if (surplusFen > 0n) {
    warnings.push({ code: 'LH-CR-SURPLUS', messageZh: `认定费用超出核减金额 ${yuan(surplusFen)}：依 LH §3(一) 仅报告，不自动支付（crSurplus = report-only）`, evidence: [] });
  }
  return {
    ruleId: centralReviewRule.id,
    clause: centralReviewRule.clause,
    items: items.sort((a, b) => a.itemNo - b.itemNo),
    totalReductionFen,
    totalRecognizedFen,
    netFen: maxFen(0n, totalReductionFen - totalRecognizedFen),
    surplusFen,
    missingInputs,
    warnings,
    ...(options.conclusionReceivedOn !== undefined ? { objectionDeadline: civilDayPeriod(options.conclusionReceivedOn, 7).lastDay } : {}),
  };
}
