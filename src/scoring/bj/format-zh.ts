import { formatInstant } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';

// Chinese wording shared by the ledger lines of every rule.

/** `2026-11-17 09:12` (seconds only when not zero). */
export function timeZh(ms: number): string {
  const s = formatInstant(ms);
  const date = s.slice(0, 10);
  const hm = s.slice(11, 16);
  const sec = s.slice(17, 19);
  return sec === '00' ? `${date} ${hm}` : `${date} ${hm}:${sec}`;
}

/** `2026-11-16 23:59:59`: a deadline is always shown with seconds. */
export function deadlineZh(ms: number): string {
  const s = formatInstant(ms);
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

/** Exact elapsed time in words: `9 小时 10 分钟`, `30 分钟 1 秒`, `0 秒`. */
export function durationZh(ms: number): string {
  const negative = ms < 0;
  let rest = Math.abs(ms);
  const parts: string[] = [];
  const units: Array<[number, string]> = [
    [86_400_000, '天'],
    [3_600_000, '小时'],
    [60_000, '分钟'],
    [1000, '秒'],
  ];
  for (const [size, label] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${label}`);
  }
  const text = parts.length === 0 ? '0 秒' : parts.join(' ');
  return negative ? `-${text}` : text;
}

/** Absolute value of points as a short decimal: 0.5, 1, 2.5. */
export function pointsNumberZh(p: Exact): string {
  return p.abs().toString();
}

/** `扣 0.5 分` / `加 1 分` / `不扣分`. */
export function pointsPhraseZh(p: Exact): string {
  if (p.isZero()) return '不扣分';
  return p.sign() < 0 ? `扣 ${pointsNumberZh(p)} 分` : `加 ${pointsNumberZh(p)} 分`;
}

/** A ratio as a percentage with three decimals, half-up: 0.987268… → `98.727%`. */
export function percentZh(r: Exact): string {
  return `${r.mul(100).toFixedHalfUp(3)}%`;
}

/** `2026 年 11 月` from `2026-11`. */
export function monthZh(ym: string): string {
  return `${ym.slice(0, 4)} 年 ${Number(ym.slice(5, 7))} 月`;
}

/** Points to six decimals, the ledger's number format. */
export function fixed6(p: Exact | string | number): string {
  return exact(p).toFixedHalfUp(6);
}

/** Elapsed time in hours, minutes and seconds (no days): `720 小时`, `9 小时 10 分钟`. */
export function hoursZh(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const rest = ms - h * 3_600_000;
  const tail = rest === 0 ? '' : ` ${durationZh(rest)}`;
  return h === 0 ? durationZh(rest) : `${h} 小时${tail}`;
}

/** Free text quoted inside a sentence: surrounding whitespace and a final full stop removed. */
export function quoteZh(text: string): string {
  return text.trim().replace(/[。．.；;，,]+$/u, '');
}
