import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, ratio } from '../../src/decimal/index.ts';
import {
  formatYuan,
  formatYuanZh,
  InvalidYuanError,
  maxFen,
  minFen,
  parseYuan,
  percentOfFen,
  ratioOfFen,
  sumFen,
} from '../../src/money/index.ts';

describe('parseYuan', () => {
  it('converts yuan with two decimals to fen without rounding', () => {
    expect(parseYuan('968750.00')).toBe(96875000n);
    expect(parseYuan('2906250.00')).toBe(290625000n);
    expect(parseYuan('158850.00')).toBe(15885000n);
    expect(parseYuan('0.01')).toBe(1n);
    expect(parseYuan('0.00')).toBe(0n);
    expect(parseYuan('-31770.00')).toBe(-3177000n);
    expect(parseYuan('90071992547409.93')).toBe(9007199254740993n); // beyond 2^53: no float on the way
  });

  it.each([
    '968750',
    '968750.0',
    '968750.000',
    '968,750.00',
    '¥968750.00',
    ' 1.00',
    '1.00 ',
    '.50',
    '1e3.00',
    '',
    '+1.00',
  ])('rejects %j', (s) => {
    expect(() => parseYuan(s)).toThrow(InvalidYuanError);
  });

  it('rejects non-strings', () => {
    expect(() => parseYuan(968750 as unknown as string)).toThrow(InvalidYuanError);
  });
});

describe('formatting', () => {
  it('formats plain and Chinese', () => {
    expect(formatYuan(90031250n)).toBe('900312.50');
    expect(formatYuanZh(90031250n)).toBe('¥900,312.50');
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatYuanZh(0n)).toBe('¥0.00');
    expect(formatYuanZh(290625000n)).toBe('¥2,906,250.00');
    expect(formatYuanZh(100000n)).toBe('¥1,000.00');
    expect(formatYuanZh(99999n)).toBe('¥999.99');
    expect(formatYuan(-105n)).toBe('-1.05');
    expect(formatYuanZh(-12345678n)).toBe('-¥123,456.78');
  });

  it('parse and format round-trip (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (fen) => {
        expect(parseYuan(formatYuan(fen))).toBe(fen);
        expect(formatYuanZh(fen).replaceAll(',', '').replace('¥', '')).toBe(formatYuan(fen));
      }),
    );
  });
});

describe('percent of an amount, rounded half-up once to the fen', () => {
  it('spec §4.11 and §7.4 amounts', () => {
    expect(percentOfFen(parseYuan('968750.00'), '95')).toBe(92031250n);
    expect(percentOfFen(parseYuan('158850.00'), exact('20'))).toBe(3177000n);
    expect(percentOfFen(parseYuan('158850.00'), '40')).toBe(6354000n);
    expect(ratioOfFen(parseYuan('968750.00'), '0.95')).toBe(92031250n);
    expect(parseYuan('158850.00') - percentOfFen(parseYuan('158850.00'), '20')).toBe(parseYuan('127080.00'));
    expect(formatYuanZh(percentOfFen(parseYuan('968750.00'), '95'))).toBe('¥920,312.50');
  });

  it('rounds half-up, ties away from zero', () => {
    expect(percentOfFen(1n, '50')).toBe(1n); // 0.5 fen → 1
    expect(percentOfFen(1n, '49.999')).toBe(0n);
    expect(percentOfFen(-1n, '50')).toBe(-1n);
    expect(percentOfFen(333n, '0.5')).toBe(2n); // 1.665 → 2
    expect(percentOfFen(96875000n, ratio(100, 3))).toBe(32291667n); // 32291666.67
    expect(ratioOfFen(10n, ratio(1, 4))).toBe(3n); // 2.5 → 3
  });

  it('rounds once, not per step (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 100_000n }),
        (fen, pctThousandths) => {
          const pct = ratio(pctThousandths, 1000);
          // Reference on BigInt: fen × p / 100000, half-up.
          const num = fen * pctThousandths;
          const expected = (2n * num + 100_000n) / 200_000n;
          expect(percentOfFen(fen, pct)).toBe(expected);
        },
      ),
    );
  });
});

describe('sums and bounds', () => {
  it('sums, max, min', () => {
    expect(sumFen([92031250n, 92031250n, -3177000n])).toBe(180885500n);
    expect(sumFen([])).toBe(0n);
    expect(maxFen(0n, -5n)).toBe(0n);
    expect(minFen(0n, -5n)).toBe(-5n);
  });
});
