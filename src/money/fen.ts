import type { ExactInput } from '../decimal/index.ts';
import { exact } from '../decimal/index.ts';

// Money is integer fen held as bigint (spec §0.2 rule 3): yuan strings convert without rounding, and a percent
// of an amount is rounded half-up to the fen exactly once, at the end.

/** Money in integer fen (1 yuan = 100 fen). */
export type Fen = bigint;

/** Thrown when a yuan string is not of the form "968750.00". */
export class InvalidYuanError extends Error {
  override readonly name = 'InvalidYuanError';
  /** The offending input. */
  readonly input: string;
  constructor(input: string) {
    super(`Expected yuan with exactly two decimals, e.g. "968750.00": ${JSON.stringify(input)}`);
    this.input = input;
  }
}

// Same shape as common.schema.json#/$defs/yuan, plus an optional sign for computed (negative) amounts.
const YUAN_RE = /^(-?)(\d+)\.(\d{2})$/;

/** Parses yuan with exactly two decimals into fen: "968750.00" → 96875000n. Throws InvalidYuanError otherwise. */
export function parseYuan(yuan: string): Fen {
  const m = typeof yuan === 'string' ? YUAN_RE.exec(yuan) : null;
  if (!m) throw new InvalidYuanError(String(yuan));
  const fen = BigInt(`${m[2]}${m[3]}`);
  return m[1] === '-' ? -fen : fen;
}

function splitFen(fen: Fen): { sign: string; yuan: string; cents: string } {
  if (typeof fen !== 'bigint') throw new TypeError(`Fen must be a bigint: ${String(fen)}`);
  const abs = fen < 0n ? -fen : fen;
  return {
    sign: fen < 0n ? '-' : '',
    yuan: (abs / 100n).toString(),
    cents: (abs % 100n).toString().padStart(2, '0'),
  };
}

/** Formats fen as a plain yuan string: 90031250n → "900312.50" (negative: "-1.05"). */
export function formatYuan(fen: Fen): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${yuan}.${cents}`;
}

/** Formats fen for Chinese reports: 90031250n → "¥900,312.50" (negative: "-¥1.05"). */
export function formatYuanZh(fen: Fen): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}¥${yuan.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}

/** `pct` percent of an amount, rounded half-up (away from zero) to the fen: percentOfFen(96875000n, "95") = 92031250n. */
export function percentOfFen(fen: Fen, pct: ExactInput): Fen {
  return exact(fen).mul(pct).div(100).roundHalfUp();
}

/** An amount times an exact ratio (0.95 = 95%), rounded half-up (away from zero) to the fen. */
export function ratioOfFen(fen: Fen, r: ExactInput): Fen {
  return exact(fen).mul(r).roundHalfUp();
}

/** Sum of amounts (0n for none). */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}

/** The larger of two amounts, e.g. maxFen(0n, x) for the floor-at-zero rules. */
export function maxFen(a: Fen, b: Fen): Fen {
  return a > b ? a : b;
}

/** The smaller of two amounts. */
export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}
