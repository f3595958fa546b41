import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import {
  clamp,
  Exact,
  exact,
  InvalidDecimalError,
  max,
  min,
  ratio,
  sum,
  toFixedHalfUp,
} from '../../src/decimal/index.ts';

describe('parsing', () => {
  it('parses decimal strings exactly', () => {
    expect(exact('4.5').eq(ratio(9, 2))).toBe(true);
    expect(exact('-0.5').eq(ratio(-1, 2))).toBe(true);
    expect(exact('0.8').eq(ratio(4, 5))).toBe(true);
    // The float trap: 0.1 + 0.2 is exactly 0.3 here.
    expect(exact('0.1').add('0.2').eq('0.3')).toBe(true);
    expect(exact('0.1').add('0.2').toString()).toBe('0.3');
    expect(exact('007.50').toString()).toBe('7.5');
    expect(exact('-0.000').toString()).toBe('0');
    expect(exact('17/18').toFractionString()).toBe('17/18');
    expect(exact('123456789012345678901234567890.000000000000000000001').toString()).toBe(
      '123456789012345678901234567890.000000000000000000001',
    );
  });

  it.each(['', '1.', '.5', '+1', '1e3', '1,000', ' 1', '0x10', 'NaN', '1/0', '--1', '1.2.3'])(
    'rejects %j',
    (s) => {
      expect(() => exact(s)).toThrow(InvalidDecimalError);
    },
  );

  it('accepts only safe integers as numbers', () => {
    expect(exact(10).toString()).toBe('10');
    expect(() => exact(0.5)).toThrow(RangeError);
    expect(() => exact(2 ** 53)).toThrow(RangeError);
    expect(exact(2n ** 80n).toString()).toBe('1208925819614629174706176');
  });

  it('round-trips decimal strings (property)', () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 25 }),
      )
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(decimal, (s) => {
        const x = exact(s);
        const places = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
        // Printing at the input's own precision gives the input back (bar "-0.00" → "0.00").
        const expected = x.isZero() ? s.replace(/^-/, '') : s;
        expect(x.toFixedHalfUp(places)).toBe(expected);
        // toString is the canonical exact form and parses back to the same value.
        expect(exact(x.toString()).eq(x)).toBe(true);
        expect(x.toString()).not.toMatch(/\.\d*0$|^-0$|^0\d/);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies and divides exactly', () => {
    expect(exact('4.5').add('-0.5').toString()).toBe('4');
    expect(exact('30').sub('1.25').toString()).toBe('28.75');
    expect(exact('6').mul('0.8').toString()).toBe('4.8');
    expect(exact(10).mul(ratio(17, 18)).toFractionString()).toBe('85/9');
    expect(exact(1).div(3).mul(3).eq(1)).toBe(true);
    expect(exact('8').div('3').toString()).toBe('8/3');
    expect(() => exact(1).div('0.0')).toThrow(RangeError);
    expect(exact('-2.5').neg().toString()).toBe('2.5');
    expect(exact('-2.5').abs().toString()).toBe('2.5');
  });

  it('compares, min, max, clamp, sum', () => {
    expect(exact('0.8').compare('0.80')).toBe(0);
    expect(exact('-0.5').compare('-0.4')).toBe(-1);
    expect(ratio(2, 3).compare('0.666666666666666666667')).toBe(-1);
    expect(exact('90').gte('90.0')).toBe(true);
    expect(exact('89.999999').lt(90)).toBe(true);
    expect(min('4.5', '-0.5', '3').toString()).toBe('-0.5');
    expect(max('4.5', '-0.5', '3').toString()).toBe('4.5');
    expect(clamp('-3', 0, 30).toString()).toBe('0');
    expect(clamp('31.5', 0, 30).toString()).toBe('30');
    expect(clamp('12.25', 0, 30).toString()).toBe('12.25');
    expect(() => clamp(1, 2, 1)).toThrow(RangeError);
    expect(sum(['6', '6', '4.8', '6', '3.6']).toString()).toBe('26.4');
    expect(sum([]).toString()).toBe('0');
    expect(exact(0).sign()).toBe(0);
    expect(exact('-0.1').sign()).toBe(-1);
  });

  it('interoperates with fraction.js', () => {
    expect(exact(new Fraction(1n, 3n)).add(ratio(2, 3)).toString()).toBe('1');
    expect(ratio(3, 4).fraction.equals(new Fraction(3n, 4n))).toBe(true);
    expect(ratio(-6, 8).numerator).toBe(-3n);
    expect(ratio(-6, 8).denominator).toBe(4n);
  });

  it('serialises to JSON unrounded', () => {
    expect(JSON.stringify({ a: exact('4.50'), b: ratio(17, 18) })).toBe('{"a":"4.5","b":"17/18"}');
  });
});

describe('toFixedHalfUp', () => {
  it('rounds the spec cases', () => {
    expect(exact(10).mul(ratio(17, 18)).toFixedHalfUp(6)).toBe('9.444444');
    expect(
      exact('72.1')
        .add(exact(10).mul(ratio(17, 18)))
        .toFixedHalfUp(6),
    ).toBe('81.544444');
    expect(
      exact('78.66')
        .add(exact(10).mul(ratio(17, 18)))
        .toFixedHalfUp(6),
    ).toBe('88.104444');
    expect(toFixedHalfUp(ratio(2, 3), 6)).toBe('0.666667');
    expect(toFixedHalfUp(ratio(1, 8), 2)).toBe('0.13');
    expect(toFixedHalfUp(ratio(-1, 8), 2)).toBe('-0.13');
    expect(toFixedHalfUp('0.125', 2)).toBe('0.13');
    expect(toFixedHalfUp('0.124999', 2)).toBe('0.12');
    expect(toFixedHalfUp('93.765', 2)).toBe('93.77');
    expect(toFixedHalfUp(ratio(19317, 206), 2)).toBe('93.77');
    expect(toFixedHalfUp('95', 2)).toBe('95.00');
    expect(toFixedHalfUp('2.5', 0)).toBe('3');
    expect(toFixedHalfUp('-2.5', 0)).toBe('-3');
    expect(toFixedHalfUp('-0.004', 2)).toBe('0.00');
    expect(toFixedHalfUp('-0.005', 2)).toBe('-0.01');
    expect(toFixedHalfUp('0.005', 2)).toBe('0.01');
    expect(toFixedHalfUp('1.005', 2)).toBe('1.01'); // a binary float would print 1.00
    expect(() => toFixedHalfUp('1', -1)).toThrow(RangeError);
  });

  it('roundHalfUp to an integer', () => {
    expect(exact('2.5').roundHalfUp()).toBe(3n);
    expect(exact('-2.5').roundHalfUp()).toBe(-3n);
    expect(exact('2.4999').roundHalfUp()).toBe(2n);
    expect(ratio(-7, 3).roundHalfUp()).toBe(-2n);
  });

  it('matches a BigInt reference (property)', () => {
    // Reference: half-up on |x| is floor(|x|·10^dp + 1/2) = floor((2·|n|·10^dp + d) / 2d).
    const reference = (n: bigint, d: bigint, dp: number): string => {
      const neg = n < 0n;
      const abs = neg ? -n : n;
      const units = (2n * abs * 10n ** BigInt(dp) + d) / (2n * d);
      const s = units.toString().padStart(dp + 1, '0');
      const body = dp === 0 ? s : `${s.slice(0, s.length - dp)}.${s.slice(s.length - dp)}`;
      return neg && units !== 0n ? `-${body}` : body;
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 12 }),
        (n, d, dp) => {
          expect(ratio(n, d).toFixedHalfUp(dp)).toBe(reference(n, d, dp));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rounds exact ties away from zero (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        (k, dp) => {
          // k·10^-dp + 5·10^-(dp+1) is exactly half way between two dp-place values.
          const x = ratio(k * 10n + (k < 0n ? -5n : 5n), 10n ** BigInt(dp + 1));
          const expected = exact(k + (k < 0n ? -1n : 1n)).div(10n ** BigInt(dp));
          expect(x.toFixedHalfUp(dp)).toBe(expected.toFixedHalfUp(dp));
        },
      ),
    );
  });
});

describe('Exact.parse', () => {
  it('is the same as exact()', () => {
    expect(Exact.parse('4.5').eq(exact('4.5'))).toBe(true);
  });
});
