import { describe, expect, it } from 'vitest';
import { scoreBjPeriod } from '../../../src/scoring/bj/index.ts';
import { november2026 } from './builders.ts';

const expected: Record<string, string> = {
  'BJ-R01': '-1.000000',
  'BJ-R03': '-0.500000',
  'BJ-R04': '0.000000',
  'BJ-R16': '-0.500000',
  'BJ-R29': '-0.500000',
  'BJ-R45': '-5.000000',
  'BJ-R39': '0.000000',
  'BJ-R40': '-0.500000',
  'BJ-R42': '-0.500000',
  'BJ-R46': '1.000000',
  'BJ-R28': '2.000000',
  'BJ-R49': '0.500000',
};

describe('spec §7.4: Beijing, November 2026', () => {
  const ledger = scoreBjPeriod(november2026().input('2026-11'));

  it('scores 95.000000 优秀', () => {
    expect(ledger.package).toEqual({ score: '95.000000', grade: '优秀' });
  });

  it.each(Object.entries(expected))('%s = %s', (ruleId, points) => {
    expect(ledger.rules.find((r) => r.ruleId === ruleId)?.points).toBe(points);
  });

  it('every other rule is 0', () => {
    for (const r of ledger.rules) if (!(r.ruleId in expected)) expect([r.ruleId, r.points]).toEqual([r.ruleId, '0.000000']);
  });

  it('lists all 50 rules sorted, R43/R47/R50 not applicable', () => {
    expect(ledger.rules.map((r) => r.ruleId)).toEqual(Array.from({ length: 50 }, (_, i) => `BJ-R${String(i + 1).padStart(2, '0')}`));
    expect(ledger.rules.filter((r) => r.status === 'not-applicable').map((r) => r.ruleId)).toEqual(['BJ-R43', 'BJ-R47', 'BJ-R50']);
  });
});
