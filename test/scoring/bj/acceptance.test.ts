import { describe, expect, it } from 'vitest';
import type { BjPeriodScore } from '../../../src/scoring/bj/index.ts';
import {
  aggregateBjAcceptance,
  BJ_CONFIG_DEFAULTS,
  bjPeriods,
  bjTailEffect,
  bjTailTerms,
  resolveBjConfig,
  scoreBjPeriod,
} from '../../../src/scoring/bj/index.ts';
import { BjInputBuilder, bjRegistry, november2026 } from './builders.ts';

const registry = bjRegistry();
const config = resolveBjConfig(registry.config);
const terms = bjTailTerms(registry.contract);

// Spec §7.4: assumed period scores up to the tail settlement date 2026-12-31.
const assumed: Record<string, string> = {
  '2026-06': '92.0',
  '2026-07': '94.5',
  '2026-08': '93.0',
  '2026-09': '96.0',
  '2026-10': '91.5',
  '2026-11': '95.0',
  '2026-12': '94.0',
};
const scores: BjPeriodScore[] = bjPeriods(config)
  .filter((p) => p.label in assumed)
  .map((p) => ({ period: p.label, days: Number(p.lastDay.slice(8)) - Number(p.firstDay.slice(8)) + 1, score: assumed[p.label] as string }));

describe('acceptance aggregation (spec §5.1, §7.4)', () => {
  it('uses the period days of the calendar-month periods (June 2026 has 22 days)', () => {
    expect(scores.map((s) => s.days)).toEqual([22, 31, 31, 30, 31, 30, 31]);
  });

  it('day-weighted mean = 19317/206 = 93.77 → 良好', () => {
    const a = aggregateBjAcceptance(scores, config);
    expect(a.score.toFractionString()).toBe('19317/206');
    expect(a.score.toFixedHalfUp(2)).toBe('93.77');
    expect(a.scoreText).toBe('93.771845');
    expect(a.grade).toBe('良好');
    expect(a.days).toBe(206);
  });

  it('is independent of the order of the period scores', () => {
    const a = aggregateBjAcceptance([...scores].reverse(), config);
    expect(a.score.toFractionString()).toBe('19317/206');
  });

  it('last-period takes the latest period', () => {
    const a = aggregateBjAcceptance([...scores].reverse(), { acceptanceAggregation: 'last-period' });
    expect([a.scoreText, a.grade, a.periods]).toEqual(['94.000000', '良好', ['2026-12']]);
  });

  it('single-annual-period takes the one whole-window scorecard and refuses monthly scores', () => {
    expect(() => aggregateBjAcceptance(scores, { acceptanceAggregation: 'single-annual-period' })).toThrow(/whole window/);
    const a = aggregateBjAcceptance([...scores, { period: '2026-06..2026-12', days: 206, score: '95.5' }], {
      acceptanceAggregation: 'single-annual-period',
    });
    expect([a.scoreText, a.grade]).toEqual(['95.500000', '优秀']);
  });

  it('single-annual-period applies caps once over the window', () => {
    const b = new BjInputBuilder();
    for (const [period, day] of [
      ['2026-11', '2026-11-0'],
      ['2026-12', '2026-12-0'],
    ] as const) {
      for (const i of [1, 2, 3, 4]) {
        b.add('hidden-danger', period, { descZh: `隐患 ${i}`, foundAt: `${day}${i}T09:00:00+08:00`, reportedAt: `${day}${i}T09:10:00+08:00`, resolvedAt: `${day}${i}T12:00:00+08:00`, routine: false });
      }
    }
    const r28 = (label: string): string | undefined => scoreBjPeriod(b.input(label)).rules.find((r) => r.ruleId === 'BJ-R28')?.points;
    expect([r28('2026-11'), r28('2026-12'), r28('2026-11..2026-12')]).toEqual(['4.000000', '4.000000', '5.000000']);
  });
});

describe('tail effect (spec §5.2, B4)', () => {
  it('takes the tail and rates from contract.json', () => {
    expect(terms.tailFen).toBe(15_885_000n);
  });

  it('良好, acceptance not passed, refund applied: claim 3177000 fen, net 12708000 fen', () => {
    const t = bjTailEffect('良好', { passed: false, refundApplied: true }, config, terms);
    expect([t.refundExposureFen, t.refundAppliedFen, t.netTailFen]).toEqual([3_177_000n, 3_177_000n, 12_708_000n]);
    expect(t.refundRate).toBe('0.2');
    expect(t.settlementDate).toBe('2026-12-31');
  });

  it('acceptance passed: exposure shown, no refund', () => {
    const t = bjTailEffect('良好', { passed: true, refundApplied: false }, config, terms);
    expect([t.refundExposureFen, t.refundAppliedFen, t.netTailFen]).toEqual([3_177_000n, 0n, 15_885_000n]);
  });

  it('not passed but refund not applied, or no decision: no refund', () => {
    expect(bjTailEffect('良好', { passed: false, refundApplied: false }, config, terms).refundAppliedFen).toBe(0n);
    expect(bjTailEffect('良好', undefined, config, terms).refundAppliedFen).toBe(0n);
  });

  it.each([
    ['优秀', 0n],
    ['良好', 3_177_000n],
    ['合格', 6_354_000n],
    ['基本合格', 9_531_000n],
    ['不合格', 15_885_000n],
  ] as const)('%s exposes %d fen', (grade, fen) => {
    expect(bjTailEffect(grade, { passed: false, refundApplied: true }, config, terms).refundAppliedFen).toBe(fen);
  });

  it('不合格 is flagged for escalation', () => {
    expect(bjTailEffect('不合格', null, config, terms).escalation).toBe(true);
    expect(bjTailEffect('合格', null, config, terms).escalation).toBe(false);
  });

  it('is written into the ledger: exposure always, refund only with an acceptance review', () => {
    const b = november2026();
    const before = scoreBjPeriod(b.input('2026-11')).money.tail;
    expect(before?.refundAppliedFen).toBe(0);
    b.review('acceptance', '2026-11', 'acceptance-final', { passed: false, refundApplied: true, decidedAt: '2026-11-30T10:00:00+08:00' });
    const after = scoreBjPeriod(b.input('2026-11')).money.tail;
    expect(after?.refundAppliedFen).toBe(after?.refundExposureFen);
    expect(after?.tailFen).toBe(15_885_000);
  });

  it('uses the spec defaults', () => {
    expect(BJ_CONFIG_DEFAULTS.tailRefundTrigger).toBe('acceptance-not-passed');
  });
});
