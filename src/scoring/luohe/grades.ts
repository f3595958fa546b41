import type { Exact, ExactInput } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';
import type { LuoheConfig, LuoheGrade } from '../../model/registry.ts';

/** Grade bands and fee deduction rates of LH A3 §七 / LH §3(二)1 (spec §4.9), best first. */
export const luoheGradeBands = [
  { grade: '优秀', min: '90', rate: '0', rateZh: '全额支付' },
  { grade: '良好', min: '80', rate: '0.05', rateZh: '扣减当月运维费用的 5%' },
  { grade: '一般', min: '70', rate: '0.20', rateZh: '扣减当月运维费用的 20%' },
  { grade: '较差', min: undefined, rate: '1', rateZh: '扣减当月全部运维费用' },
] as const satisfies ReadonlyArray<{ grade: LuoheGrade; min: string | undefined; rate: string; rateZh: string }>;

function floorOf(x: Exact): bigint {
  const q = x.numerator / x.denominator;
  return x.numerator < 0n && q * x.denominator !== x.numerator ? q - 1n : q;
}

/** The score the bands are applied to under cfg gradeRounding (A22): unrounded, rounded half-up, or floored. */
export function gradedScore(score: ExactInput, rounding: LuoheConfig['gradeRounding']): Exact {
  const s = exact(score);
  if (rounding === 'round-half-up-int') return exact(s.roundHalfUp());
  if (rounding === 'floor-int') return exact(floorOf(s));
  return s;
}

/** Grade of a score: 优秀 ≥ 90 (含 90), 良好 [80, 90), 一般 [70, 80), 较差 < 70 (不含 70). */
export function gradeOf(score: ExactInput, rounding: LuoheConfig['gradeRounding'] = 'none'): LuoheGrade {
  const s = gradedScore(score, rounding);
  for (const band of luoheGradeBands) if (band.min === undefined || s.gte(band.min)) return band.grade;
  return '较差';
}

/** Fee deduction rate r of a grade (fraction of the monthly fee). */
export function gradeRate(grade: LuoheGrade): Exact {
  return exact(luoheGradeBands.find((b) => b.grade === grade)?.rate ?? '1');
}

/** Chinese description of a grade's fee effect. */
export function gradeRateZh(grade: LuoheGrade): string {
  return luoheGradeBands.find((b) => b.grade === grade)?.rateZh ?? '';
}
