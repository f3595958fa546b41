import { formatInstant, localDateOf } from '../../calendar/index.ts';
import type { ExactInput } from '../../decimal/index.ts';
import { exact, toFixedHalfUp } from '../../decimal/index.ts';
import { formatYuanZh } from '../../money/index.ts';

/** Ledger number: exactly six decimals, half-up (ledger convention). */
export function six(x: ExactInput): string {
  return toFixedHalfUp(x, 6);
}

/** A score in Chinese explanations: up to six decimals without trailing zeros ("28.8", "9.444444", "10"). */
export function pts(x: ExactInput): string {
  const s = toFixedHalfUp(x, 6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Points as a negative ledger number ("-10.000000"); zero stays "0.000000". */
export function negSix(x: ExactInput): string {
  const e = exact(x);
  return six(e.isZero() ? e : e.neg());
}

/** `YYYY-MM-DD HH:mm` (with `:ss` when the seconds are not zero) in Asia/Shanghai. */
export function when(ms: number): string {
  const s = formatInstant(ms);
  const date = s.slice(0, 10);
  const hm = s.slice(11, 16);
  const sec = s.slice(17, 19);
  return `${date} ${hm}${sec === '00' ? '' : `:${sec}`}`;
}

/** Like `when`, but only `HH:mm[:ss]` when the instant falls on the same local date as `reference`. */
export function whenShort(ms: number, reference: number): string {
  const full = when(ms);
  return localDateOf(ms) === localDateOf(reference) ? full.slice(11) : full;
}

/** Money in Chinese reports: ¥968,750.00. */
export function yuan(fen: bigint): string {
  return formatYuanZh(fen);
}

/** An SLA length in Chinese as the contract writes it ("10 分钟", "4 小时", "24 小时"). */
export function durationZh(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} 小时`;
  return `${minutes} 分钟`;
}
