import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays } from '../../../src/calendar/index.ts';
import { exact } from '../../../src/decimal/index.ts';
import { serializeLedger } from '../../../src/ledger/index.ts';
import { scoreLuohePeriod } from '../../../src/scoring/luohe/index.ts';
import { at, Builder } from './builders.ts';
import { ASOF, workedExample } from './fixtures.ts';

const LEVELS = ['满意', '基本满意', '一般', '不满意'] as const;
const day = fc.integer({ min: 0, max: 30 });
const time = fc.integer({ min: 0, max: 23 * 60 + 59 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const date = (d: number) => addDays('2026-10-10', d);

type Spec =
  | { k: 'visit'; d: number; t: string }
  | { k: 'inspection'; d: number; t: string; item: number }
  | { k: 'backup'; d: number; t: string; sys: string; ok: boolean }
  | { k: 'scan'; d: number; t: string; sys: string[] }
  | { k: 'fault'; d: number; t: string; item: number; level: 1 | 2 | 3 | 4; respond: number; resolve: number; open: boolean }
  | { k: 'vuln'; d: number; t: string; sys: string; severity: '极危' | '高危' | '中危' | '低危'; fixHours: number }
  | { k: 'satisfaction'; d: number; t: string; levels: string[] };

const dailyArb: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({ k: fc.constant('visit' as const), d: day, t: time }),
  fc.record({ k: fc.constant('inspection' as const), d: day, t: time, item: fc.constantFrom(46, 47, 51, 52, 53) }),
  fc.record({ k: fc.constant('backup' as const), d: day, t: time, sys: fc.constantFrom('S51a', 'S53'), ok: fc.boolean() }),
  fc.record({ k: fc.constant('scan' as const), d: day, t: time, sys: fc.subarray(['S46', 'S47', 'S51a', 'S53'], { minLength: 1 }) }),
);

const anyArb: fc.Arbitrary<Spec> = fc.oneof(
  dailyArb,
  fc.record({
    k: fc.constant('fault' as const),
    d: day,
    t: time,
    item: fc.constantFrom(44, 46, 51, 53, 55),
    level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    respond: fc.integer({ min: 0, max: 90 }),
    resolve: fc.integer({ min: 0, max: 40 * 60 }),
    open: fc.boolean(),
  }),
  fc.record({ k: fc.constant('vuln' as const), d: day, t: time, sys: fc.constantFrom('S46', 'S51a', 'S53'), severity: fc.constantFrom('极危' as const, '高危' as const, '中危' as const, '低危' as const), fixHours: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ k: fc.constant('satisfaction' as const), d: day, t: time, levels: fc.array(fc.constantFrom(...LEVELS), { minLength: 5, maxLength: 5 }) }),
);

const itemOf: Record<string, number> = { S46: 46, S47: 47, S51a: 51, S53: 53 };
const plusMinutes = (instant: string, minutes: number) => new Date(Date.parse(instant) + minutes * 60_000).toISOString().replace('Z', '+00:00');

function apply(b: Builder, s: Spec, n: number): void {
  const when = at(date(s.d), s.t);
  switch (s.k) {
    case 'visit':
      b.visit('U07', when);
      break;
    case 'inspection':
      b.inspection('U07', [s.item], when);
      break;
    case 'backup':
      b.backup('U07', s.sys, when, s.ok ? {} : { result: 'failed', backupPath: undefined });
      break;
    case 'scan':
      b.scan('U07', s.sys, when);
      break;
    case 'fault':
      b.fault('U07', s.item, {
        ticketNo: `GD-P-${n}`,
        level: s.level,
        reportedAt: when,
        respondedAt: plusMinutes(when, s.respond),
        ...(s.open ? {} : { resolvedAt: plusMinutes(when, s.respond + s.resolve) }),
      });
      break;
    case 'vuln':
      b.vuln('U07', itemOf[s.sys] ?? 51, { vulnId: `VU-P-${n}`, systemId: s.sys, severity: s.severity, foundAt: when, respondedAt: plusMinutes(when, 30), fixedAt: plusMinutes(when, s.fixHours * 60) });
      break;
    case 'satisfaction':
      b.satisfaction('U07', '2026-10', s.levels as [string, string, string, string, string], when, { dissatisfactionReasonsZh: '原因' });
      break;
  }
}

function build(specs: readonly Spec[]): Builder {
  const b = new Builder();
  specs.forEach((s, i) => apply(b, s, i));
  return b;
}

const daily = (b: Builder) => exact(scoreLuohePeriod(b.input('2026-10', ASOF)).units.find((u) => u.unitId === 'U07')?.dimensions.dailyWork ?? '0');

function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let x = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('properties', () => {
  test('adding a valid record never lowers daily work', () => {
    fc.assert(
      fc.property(fc.array(dailyArb, { maxLength: 25 }), dailyArb, (specs, extra) => {
        const before = daily(build(specs));
        const after = daily(build([...specs, extra]));
        expect(after.gte(before)).toBe(true);
      }),
      { numRuns: 40, seed: 20261010 },
    );
  });

  test('every unit score lies in [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(anyArb, { maxLength: 40 }), (specs) => {
        for (const u of scoreLuohePeriod(build(specs).input('2026-10', ASOF)).units) {
          const s = exact(u.score);
          expect(s.gte(0) && s.lte(100)).toBe(true);
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  test('permuting the input order never changes the serialised ledger', () => {
    fc.assert(
      fc.property(fc.array(anyArb, { maxLength: 30 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (specs, seed) => {
        const b = build(specs);
        b.event('2026-10', 'D2', { unitId: 'U07', points: '3' });
        b.event('2026-10', 'P4', {});
        const base = serializeLedger(scoreLuohePeriod(b.input('2026-10', ASOF)));
        const shuffled = { ...b.input('2026-10', ASOF), evidence: shuffle(b.evidence, seed), reviews: shuffle(b.reviews, seed + 1) };
        expect(serializeLedger(scoreLuohePeriod(shuffled))).toBe(base);
      }),
      { numRuns: 30, seed: 42 },
    );
  });

  test('the worked example is order independent too', () => {
    const b = workedExample();
    const input = b.input('2026-10', ASOF);
    const base = serializeLedger(scoreLuohePeriod(input));
    for (const seed of [1, 99, 12345]) {
      expect(serializeLedger(scoreLuohePeriod({ ...input, evidence: shuffle(b.evidence, seed), reviews: shuffle(b.reviews, seed) }))).toBe(base);
    }
  });

  test('two runs are byte-identical', () => {
    const input = workedExample().input('2026-10', ASOF);
    expect(serializeLedger(scoreLuohePeriod(input))).toBe(serializeLedger(scoreLuohePeriod(input)));
  });
});
