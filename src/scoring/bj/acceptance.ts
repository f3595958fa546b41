import type { Exact, ExactInput } from '../../decimal/index.ts';
import { exact, sum } from '../../decimal/index.ts';
import type { AcceptanceDecision } from '../../model/index.ts';
import type { AcceptanceGrade, BjGrade, Contract } from '../../model/registry.ts';
import type { Fen } from '../../money/index.ts';
import { parseYuan, ratioOfFen } from '../../money/index.ts';
import type { BjEngineConfig } from './config-defaults.ts';
import { BJ_GRADE_BANDS, bjGradeOf } from './grades.ts';

/** One period's score for the acceptance aggregate. `period` is a label, or `A..B` for a whole-window scorecard. */
export interface BjPeriodScore {
  period: string;
  /** Calendar days of the period (the weight of the day-weighted mean). */
  days: number;
  /** Unrounded score: an Exact, or an exact decimal / fraction string. */
  score: ExactInput;
}

/** The acceptance score (spec §5.1, B1). */
export interface BjAcceptanceScore {
  method: BjEngineConfig['acceptanceAggregation'];
  /** Exact, unrounded. */
  score: Exact;
  /** Six decimals, half-up. */
  scoreText: string;
  grade: BjGrade;
  days: number;
  periods: string[];
}

/**
 * Aggregates period scores into the acceptance score (`bj.acceptanceAggregation`): `day-weighted-mean`
 * Σ score × days / Σ days; `last-period` the latest period; `single-annual-period` the one scorecard of the whole
 * window (score it with `scoreBjPeriod({ period: 'A..B' })`, so caps apply once).
 */
export function aggregateBjAcceptance(
  periodScores: readonly BjPeriodScore[],
  config: Pick<BjEngineConfig, 'acceptanceAggregation'>,
  bands: readonly AcceptanceGrade[] = BJ_GRADE_BANDS,
): BjAcceptanceScore {
  if (periodScores.length === 0) throw new Error('aggregateBjAcceptance needs at least one period score');
  const sorted = [...periodScores].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const method = config.acceptanceAggregation;
  let chosen: BjPeriodScore[];
  let score: Exact;
  if (method === 'day-weighted-mean') {
    chosen = sorted;
    const days = sum(sorted.map((p) => p.days));
    if (days.isZero()) throw new Error('aggregateBjAcceptance: the periods have no days');
    score = sum(sorted.map((p) => exact(p.score).mul(p.days))).div(days);
  } else if (method === 'last-period') {
    chosen = [sorted.at(-1) as BjPeriodScore];
    score = exact((chosen[0] as BjPeriodScore).score);
  } else {
    const whole = sorted.filter((p) => p.period.includes('..'));
    if (whole.length === 1) chosen = whole;
    else if (sorted.length === 1) chosen = sorted;
    else {
      throw new Error(
        "single-annual-period needs one scorecard of the whole window: score it with scoreBjPeriod({ ...input, period: 'FIRST..LAST' })",
      );
    }
    score = exact((chosen[0] as BjPeriodScore).score);
  }
  return {
    method,
    score,
    scoreText: score.toFixedHalfUp(6),
    grade: bjGradeOf(score, bands),
    days: chosen.reduce((n, p) => n + p.days, 0),
    periods: chosen.map((p) => p.period),
  };
}

/** The tail (尾款) and the refund rate of each grade (BJ §三.2, §七.5). */
export interface BjTailTerms {
  tailFen: Fen;
  refundRates: Readonly<Partial<Record<BjGrade, string>>>;
}

/** Spec §5.2 values: tail ¥158,850.00; 良好 20%, 合格 40%, 基本合格 60% (不合格 from `bj.failTailRate`). */
export const BJ_DEFAULT_TAIL_TERMS: BjTailTerms = {
  tailFen: 15_885_000n,
  refundRates: { 优秀: '0', 良好: '0.20', 合格: '0.40', 基本合格: '0.60' },
};

/** Tail terms from contract.json: the payment labelled 尾款 (else the last one) and `acceptance.grades`. */
export function bjTailTerms(contract: Pick<Contract, 'payments' | 'acceptance'>): BjTailTerms {
  const payments = [...contract.payments].sort((a, b) => a.no - b.no);
  const tail = payments.find((p) => p.labelZh.includes('尾款')) ?? payments.at(-1);
  if (!tail) return BJ_DEFAULT_TAIL_TERMS;
  const rates: Partial<Record<BjGrade, string>> = { ...BJ_DEFAULT_TAIL_TERMS.refundRates };
  for (const g of contract.acceptance?.grades ?? []) rates[g.gradeZh] = g.tailRefundRate;
  return { tailFen: parseYuan(tail.baseAmount), refundRates: rates };
}

/** The tail's exposure and the refund actually claimed. */
export interface BjTailEffect {
  tailFen: Fen;
  grade: BjGrade;
  refundRate: string;
  /** Refund the grade would cost if acceptance is not fully passed: always shown (spec §5.2). */
  refundExposureFen: Fen;
  /** Refund claimed under `bj.tailRefundTrigger`. */
  refundAppliedFen: Fen;
  netTailFen: Fen;
  /** 不合格: "甲方有权视情况追回已拨付费用并要求乙方赔偿相应损失" (BJ §七.5, §十一.2). */
  escalation: boolean;
  /** The tail is paid in full on this date when 甲方 confirms (`bj.tailSettlementDate`). */
  settlementDate: string;
}

/**
 * Tail effect of a grade (spec §5.2, B4). The exposure is always computed; the refund is applied with
 * `acceptance-not-passed` only when a reviewer recorded acceptance not passed with the refund applied, and with
 * `always` whenever the grade is below 优秀. 不合格 uses `bj.failTailRate`. Amounts are rounded half-up to the fen.
 */
export function bjTailEffect(
  grade: BjGrade,
  acceptance: Pick<AcceptanceDecision, 'passed' | 'refundApplied'> | null | undefined,
  config: Pick<BjEngineConfig, 'tailRefundTrigger' | 'failTailRate' | 'tailSettlementDate'>,
  terms: BjTailTerms = BJ_DEFAULT_TAIL_TERMS,
): BjTailEffect {
  const rate = grade === '不合格' ? exact(String(config.failTailRate)) : exact(terms.refundRates[grade] ?? '0');
  const exposure = ratioOfFen(terms.tailFen, rate);
  const applies =
    config.tailRefundTrigger === 'always' ? !rate.isZero() : acceptance != null && !acceptance.passed && acceptance.refundApplied;
  const applied = applies ? exposure : 0n;
  return {
    tailFen: terms.tailFen,
    grade,
    refundRate: rate.toString(),
    refundExposureFen: exposure,
    refundAppliedFen: applied,
    netTailFen: terms.tailFen - applied,
    escalation: grade === '不合格',
    settlementDate: config.tailSettlementDate,
  };
}
