import type { WorkCalendar } from '../../calendar/index.ts';
import { daysBetween } from '../../calendar/index.ts';
import { exact } from '../../decimal/index.ts';
import type { Ledger } from '../../ledger/index.ts';
import type { LuoheConfig, LuoheGrade } from '../../model/registry.ts';
import { maxFen, minFen, percentOfFen, ratioOfFen } from '../../money/index.ts';
import { gradeOf, gradeRate, gradeRateZh } from './grades.ts';
import { yuan } from './format.ts';
import { installmentRule } from './rules.ts';

/** One month of an installment: the result of that month's ledger (or the spec's assumed months). */
export interface LuoheMonthResult {
  period: string;
  /** The month's grade; derived from `score` (cfg gradeRounding) when absent. */
  grade?: LuoheGrade;
  score?: string;
  /** Gross monthly fee F (fen). */
  monthlyFeeFen: bigint;
  /** M(p): final 处罚清单 / 重点监管 amounts of the month (fen). */
  penaltiesFen: bigint;
}

/** Options of `computeLuoheInstallment`. */
export interface LuoheInstallmentOptions {
  /** Installment number q = 1…4. */
  installmentNo: number;
  /** Base amount before deductions (¥2,906,250.00). */
  baseAmountFen?: bigint;
  penaltyOverflow?: LuoheConfig['penaltyOverflow'];
  gradeRounding?: LuoheConfig['gradeRounding'];
  /** Σ K1 核减(q): "相关运维费用进行核减" amounts decided by the reviewer (fen). */
  k1ReductionFen?: bigint;
  /** CR_net of 集中复核 (§4.12), deducted in installment 4 only. */
  centralReviewNetFen?: bigint;
  /** Due date inputs: the calendar, the quarter-assessment close date and the invoice date (local dates). */
  calendar?: WorkCalendar;
  quarterAssessmentClosedOn?: string;
  invoiceDate?: string;
  /** "30 个工作日内". */
  dueWorkingDays?: number;
  /** Informational 甲方 late-payment penalty (LH §8.1, A39): payment date and the contract total. */
  paidOn?: string;
  totalFeeFen?: bigint;
}

/** One month's money inside an installment. */
export interface LuoheInstallmentMonth {
  period: string;
  grade: LuoheGrade;
  rate: string;
  monthlyFeeFen: bigint;
  gradeDeductionFen: bigint;
  penaltiesFen: bigint;
  /** Payable(p) = max(0, F × (1 − r) − M(p)). */
  payableFen: bigint;
  unrecoveredFen: bigint;
}

/** Installment(q) of spec §4.11. */
export interface LuoheInstallment {
  installmentNo: number;
  baseFen: bigint;
  months: LuoheInstallmentMonth[];
  /** Σ Payable(p), or under carry-within-installment max(0, Σ (F(1 − r) − M)). */
  payableSumFen: bigint;
  k1ReductionFen: bigint;
  centralReviewFen: bigint;
  installmentFen: bigint;
  /** base − installment. */
  deductedFen: bigint;
  /** Penalties that could not be recovered in this installment. */
  unrecoveredFen: bigint;
  dueDate?: string;
  latePayment?: { daysLate: number; penaltyFen: bigint };
  explanationZh: string;
  ruleId: string;
  clause: string;
}

const BASE_FEN = 290_625_000n;

/** The month result a ledger stands for (its grade, gross fee and final penalties). */
export function monthResultFromLedger(ledger: Ledger): LuoheMonthResult {
  return {
    period: ledger.period,
    grade: ledger.package.grade as LuoheGrade,
    score: ledger.package.score,
    monthlyFeeFen: BigInt(ledger.money.monthlyFeeFen ?? 0),
    penaltiesFen: BigInt(ledger.money.penaltiesFen),
  };
}

/**
 * Installment(q) = Σ Payable(p) − Σ K1 核减(q) − (q = 4 ? CR_net : 0) and its due date
 * addWorkingDays(max(quarter assessment closed, invoice date), 30). Throws CalendarMissingError when the due date
 * needs a year without a calendar file.
 */
export function computeLuoheInstallment(monthResults: readonly LuoheMonthResult[], options: LuoheInstallmentOptions): LuoheInstallment {
  const overflow = options.penaltyOverflow ?? 'floor-and-report';
  const baseFen = options.baseAmountFen ?? BASE_FEN;
  const months = [...monthResults]
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map((m): LuoheInstallmentMonth => {
      const grade = m.grade ?? gradeOf(m.score ?? '0', options.gradeRounding ?? 'none');
      const rate = gradeRate(grade);
      const gradeDeductionFen = ratioOfFen(m.monthlyFeeFen, rate);
      const afterGrade = m.monthlyFeeFen - gradeDeductionFen;
      return {
        period: m.period,
        grade,
        rate: rate.toFixedHalfUp(6),
        monthlyFeeFen: m.monthlyFeeFen,
        gradeDeductionFen,
        penaltiesFen: m.penaltiesFen,
        payableFen: maxFen(0n, afterGrade - m.penaltiesFen),
        unrecoveredFen: maxFen(0n, m.penaltiesFen - afterGrade),
      };
    });
  let payableSumFen = months.reduce((a, m) => a + m.payableFen, 0n);
  let unrecoveredFen = months.reduce((a, m) => a + m.unrecoveredFen, 0n);
  if (overflow === 'carry-within-installment') {
    // A23 alternative: a month's excess nets against the other months of the same quarter.
    const net = months.reduce((a, m) => a + (m.monthlyFeeFen - m.gradeDeductionFen - m.penaltiesFen), 0n);
    payableSumFen = maxFen(0n, net);
    unrecoveredFen = maxFen(0n, -net);
  }
  const k1ReductionFen = options.k1ReductionFen ?? 0n;
  const centralReviewFen = options.installmentNo === 4 ? (options.centralReviewNetFen ?? 0n) : 0n;
  const gross = payableSumFen - k1ReductionFen - centralReviewFen;
  const installmentFen = maxFen(0n, gross);
  unrecoveredFen += maxFen(0n, -gross);
  let dueDate: string | undefined;
  if (options.calendar && (options.quarterAssessmentClosedOn !== undefined || options.invoiceDate !== undefined)) {
    const anchors = [options.quarterAssessmentClosedOn, options.invoiceDate].filter((d): d is string => d !== undefined).sort();
    dueDate = options.calendar.addWorkingDays(anchors.at(-1) as string, options.dueWorkingDays ?? 30);
  }
  let latePayment: LuoheInstallment['latePayment'];
  if (dueDate !== undefined && options.paidOn !== undefined) {
    const daysLate = Math.max(0, daysBetween(dueDate, options.paidOn));
    // LH §8.1: 1% of the installment base per full 5 days, capped at 20% of the total (A39; informational).
    const raw = percentOfFen(baseFen, exact(Math.floor(daysLate / 5)));
    const cap = options.totalFeeFen !== undefined ? percentOfFen(options.totalFeeFen, 20) : raw;
    latePayment = { daysLate, penaltyFen: minFen(raw, cap) };
  }
  const monthText = months
    .map((m) => `${m.period} ${m.grade}（${gradeRateZh(m.grade)}${m.penaltiesFen > 0n ? `，处罚 ${yuan(m.penaltiesFen)}` : ''}）应付 ${yuan(m.payableFen)}`)
    .join('；');
  return {
    installmentNo: options.installmentNo,
    baseFen,
    months,
    payableSumFen,
    k1ReductionFen,
    centralReviewFen,
    installmentFen,
    deductedFen: baseFen - installmentFen,
    unrecoveredFen,
    ...(dueDate !== undefined ? { dueDate } : {}),
    ...(latePayment ? { latePayment } : {}),
    explanationZh: `第 ${options.installmentNo} 次支付：${monthText}${k1ReductionFen > 0n ? `；K1 核减 ${yuan(k1ReductionFen)}` : ''}${centralReviewFen > 0n ? `；集中复核核减 ${yuan(centralReviewFen)}` : ''}；合计 ${yuan(installmentFen)}（基数 ${yuan(baseFen)}，扣减 ${yuan(baseFen - installmentFen)}）${dueDate !== undefined ? `；付款期限 ${dueDate}` : ''}`,
    ruleId: installmentRule.id,
    clause: installmentRule.clause,
  };
}
