import Fraction from 'fraction.js';

// Scores are exact rationals (spec §0.2 rule 3). fraction.js keeps numerator and denominator as BigInt; this
// wrapper narrows its permissive input (it would happily take a binary float) to decimal strings, bigints and
// safe integers, and adds the half-up rounding the reports need.

/**
 * Anything that converts to an Exact without loss: a decimal or "n/d" string, a bigint, a safe integer, or a
 * fraction.js value (already an exact rational).
 */
export type ExactInput = Exact | Fraction | string | bigint | number;

/** Thrown when a string is not an exact decimal (or "n/d" fraction). */
export class InvalidDecimalError extends Error {
  override readonly name = 'InvalidDecimalError';
  /** The offending input. */
  readonly input: string;
  constructor(input: string, reason = 'Expected an exact decimal such as "4.5" or "-0.5"') {
    super(`${reason}: ${JSON.stringify(input)}`);
    this.input = input;
  }
}

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?$/;
const FRACTION_RE = /^(-?)(\d+)\/(\d+)$/;

function fractionFromString(s: string): Fraction {
  const dm = DECIMAL_RE.exec(s);
  if (dm) {
    const frac = dm[3] ?? '';
    const n = BigInt(`${dm[2]}${frac}`);
    return new Fraction(dm[1] === '-' ? -n : n, 10n ** BigInt(frac.length));
  }
  const fm = FRACTION_RE.exec(s);
  if (fm) {
    const d = BigInt(fm[3] ?? '0');
    if (d === 0n) throw new InvalidDecimalError(s, 'Zero denominator');
    const n = BigInt(fm[2] ?? '0');
    return new Fraction(fm[1] === '-' ? -n : n, d);
  }
  throw new InvalidDecimalError(s);
}

function toFraction(x: ExactInput): Fraction {
  if (x instanceof Exact) return x.fraction;
  if (x instanceof Fraction) return x;
  if (typeof x === 'string') return fractionFromString(x);
  if (typeof x === 'bigint') return new Fraction(x, 1n);
  if (!Number.isSafeInteger(x)) {
    throw new RangeError(`Only safe integers may be given as numbers (use a decimal string): ${x}`);
  }
  return new Fraction(BigInt(x), 1n);
}

function pow10(dp: number): bigint {
  if (!Number.isSafeInteger(dp) || dp < 0)
    throw new RangeError(`Decimal places must be a non-negative integer: ${dp}`);
  return 10n ** BigInt(dp);
}

/** An immutable exact rational number. */
export class Exact {
  readonly #f: Fraction;

  /** Use `exact()`, `Exact.parse()` or `ratio()`; the constructor takes any ExactInput. */
  constructor(x: ExactInput) {
    this.#f = toFraction(x);
  }

  /** Parses a decimal string ("4.5", "-0.5") or a fraction string ("17/18") exactly. */
  static parse(s: string): Exact {
    return new Exact(s);
  }

  /** The underlying fraction.js value (for interop; it is treated as immutable). */
  get fraction(): Fraction {
    return this.#f;
  }

  /** Signed numerator of the reduced fraction. */
  get numerator(): bigint {
    return this.#f.s * this.#f.n;
  }

  /** Positive denominator of the reduced fraction. */
  get denominator(): bigint {
    return this.#f.d;
  }

  /** this + y */
  add(y: ExactInput): Exact {
    return new Exact(this.#f.add(toFraction(y)));
  }

  /** this − y */
  sub(y: ExactInput): Exact {
    return new Exact(this.#f.sub(toFraction(y)));
  }

  /** this × y */
  mul(y: ExactInput): Exact {
    return new Exact(this.#f.mul(toFraction(y)));
  }

  /** this ÷ y; throws RangeError when y is zero. */
  div(y: ExactInput): Exact {
    const fy = toFraction(y);
    if (fy.n === 0n) throw new RangeError('Division by zero');
    return new Exact(this.#f.div(fy));
  }

  /** −this */
  neg(): Exact {
    return new Exact(this.#f.neg());
  }

  /** |this| */
  abs(): Exact {
    return new Exact(this.#f.abs());
  }

  /** −1, 0 or 1 as this is less than, equal to or greater than y. */
  compare(y: ExactInput): -1 | 0 | 1 {
    const fy = toFraction(y);
    // Cross-multiplication on BigInt keeps the comparison exact whatever fraction.js does internally.
    const l = this.numerator * fy.d;
    const r = fy.s * fy.n * this.#f.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /** this = y */
  eq(y: ExactInput): boolean {
    return this.compare(y) === 0;
  }

  /** this < y */
  lt(y: ExactInput): boolean {
    return this.compare(y) < 0;
  }

  /** this ≤ y */
  lte(y: ExactInput): boolean {
    return this.compare(y) <= 0;
  }

  /** this > y */
  gt(y: ExactInput): boolean {
    return this.compare(y) > 0;
  }

  /** this ≥ y */
  gte(y: ExactInput): boolean {
    return this.compare(y) >= 0;
  }

  /** −1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.#f.n === 0n ? 0 : this.#f.s < 0n ? -1 : 1;
  }

  /** True when the value is zero. */
  isZero(): boolean {
    return this.#f.n === 0n;
  }

  /** True when the value is an integer. */
  isInteger(): boolean {
    return this.#f.d === 1n;
  }

  /** Decimal places needed to write the value exactly, or null when its decimal expansion repeats. */
  exactDecimalPlaces(): number | null {
    let d = this.#f.d;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos += 1;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives += 1;
    }
    return d === 1n ? Math.max(twos, fives) : null;
  }

  /** Exact decimal string ("81.5", "-0.5") when the expansion terminates, else the fraction "n/d". */
  toString(): string {
    const dp = this.exactDecimalPlaces();
    return dp === null ? this.toFractionString() : this.toFixedHalfUp(dp);
  }

  /** The reduced fraction as "n/d" (or "n" for integers). */
  toFractionString(): string {
    return this.#f.d === 1n ? this.numerator.toString() : `${this.numerator}/${this.#f.d}`;
  }

  /** Serialised as its exact string, so stored scores stay unrounded. */
  toJSON(): string {
    return this.toString();
  }

  /** Rounds ROUND_HALF_UP (ties away from zero) to `dp` decimal places and formats it, e.g. 2/3 → "0.666667". */
  toFixedHalfUp(dp: number): string {
    const scale = pow10(dp);
    const q = this.#f.n * scale;
    let units = q / this.#f.d;
    if (2n * (q % this.#f.d) >= this.#f.d) units += 1n;
    // A value that rounds to zero prints without a minus sign.
    const negative = this.#f.s < 0n && units !== 0n;
    const digits = units.toString().padStart(dp + 1, '0');
    const body = dp === 0 ? digits : `${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
    return negative ? `-${body}` : body;
  }

  /** Rounds ROUND_HALF_UP (ties away from zero) to an integer. */
  roundHalfUp(): bigint {
    let units = this.#f.n / this.#f.d;
    if (2n * (this.#f.n % this.#f.d) >= this.#f.d) units += 1n;
    return this.#f.s < 0n ? -units : units;
  }
}

/** Converts any ExactInput to an Exact. */
export function exact(x: ExactInput): Exact {
  return x instanceof Exact ? x : new Exact(x);
}

/** The exact ratio n / d; throws RangeError when d is zero. */
export function ratio(n: ExactInput, d: ExactInput): Exact {
  return exact(n).div(d);
}

/** Sum of the values (0 for none). */
export function sum(xs: Iterable<ExactInput>): Exact {
  let acc = exact(0);
  for (const x of xs) acc = acc.add(x);
  return acc;
}

/** The smallest of one or more values. */
export function min(first: ExactInput, ...rest: ExactInput[]): Exact {
  let best = exact(first);
  for (const x of rest) if (best.gt(x)) best = exact(x);
  return best;
}

/** The largest of one or more values. */
export function max(first: ExactInput, ...rest: ExactInput[]): Exact {
  let best = exact(first);
  for (const x of rest) if (best.lt(x)) best = exact(x);
  return best;
}

/** `x` limited to [lo, hi]; throws RangeError when lo > hi. */
export function clamp(x: ExactInput, lo: ExactInput, hi: ExactInput): Exact {
  if (exact(lo).gt(hi)) throw new RangeError(`Empty clamp range [${exact(lo)}, ${exact(hi)}]`);
  return min(max(x, lo), hi);
}

/** `x` rounded ROUND_HALF_UP (ties away from zero) to `dp` places, as a string: toFixedHalfUp("1/8", 2) = "0.13". */
export function toFixedHalfUp(x: ExactInput, dp: number): string {
  return exact(x).toFixedHalfUp(dp);
}
