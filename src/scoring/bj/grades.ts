import type { ExactInput } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';
import type { AcceptanceGrade, BjGrade, Contract } from '../../model/registry.ts';

/**
 * Grade bands of BJ T 说明 (002:L486) as decided in spec §5.2/§5.4 (B3): [95, ∞) 优秀, [80, 95) 良好, [70, 80) 合格,
 * [60, 70) 基本合格, (−∞, 60) 不合格, with the tail refund rates of BJ §七.5 (不合格: `bj.failTailRate`).
 */
export const BJ_GRADE_BANDS: readonly AcceptanceGrade[] = [
  { gradeZh: '优秀', lo: '95', loIncl: true, tailRefundRate: '0', tailRefundAmount: '0.00' },
  { gradeZh: '良好', lo: '80', loIncl: true, hi: '95', hiIncl: false, tailRefundRate: '0.20', tailRefundAmount: '31770.00' },
  { gradeZh: '合格', lo: '70', loIncl: true, hi: '80', hiIncl: false, tailRefundRate: '0.40', tailRefundAmount: '63540.00' },
  { gradeZh: '基本合格', lo: '60', loIncl: true, hi: '70', hiIncl: false, tailRefundRate: '0.60', tailRefundAmount: '95310.00' },
  { gradeZh: '不合格', hi: '60', hiIncl: false, tailRefundRate: '1', tailRefundAmount: '158850.00' },
];

/** The contract's bands (contract.json `acceptance.grades`), or the spec's. */
export function gradeBandsOf(contract: Pick<Contract, 'acceptance'>): readonly AcceptanceGrade[] {
  const g = contract.acceptance?.grades;
  return g !== undefined && g.length > 0 ? g : BJ_GRADE_BANDS;
}

/** The grade of an unrounded score: 94.999999 is 良好, 95 is 优秀. */
export function bjGradeOf(score: ExactInput, bands: readonly AcceptanceGrade[] = BJ_GRADE_BANDS): BjGrade {
  const s = exact(score);
  for (const b of bands) {
    if (b.lo !== undefined) {
      const c = s.compare(b.lo);
      if (c < 0 || (c === 0 && b.loIncl === false)) continue;
    }
    if (b.hi !== undefined) {
      const c = s.compare(b.hi);
      if (c > 0 || (c === 0 && b.hiIncl !== true)) continue;
    }
    return b.gradeZh;
  }
  throw new Error(`No grade band contains ${s.toString()}: check acceptance.grades in contract.json`);
}
