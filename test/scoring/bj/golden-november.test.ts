import { describe, expect, it } from 'vitest';
import { serializeLedger } from '../../../src/ledger/index.ts';
import { scoreBjPeriod } from '../../../src/scoring/bj/index.ts';
import { getValidator } from '../../../src/validate/index.ts';
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

  it('validates against schemas/ledger.schema.json, units empty, money in fen', () => {
    const validate = getValidator('ledger.schema.json');
    expect(validate?.(JSON.parse(serializeLedger(ledger))), JSON.stringify(validate?.errors?.slice(0, 3))).toBe(true);
    expect(ledger.units).toEqual([]);
    expect(ledger.money).toEqual({
      penaltiesFen: 0,
      penalties: [],
      tail: { tailFen: 15885000, grade: '良好', refundRate: '0.2', refundExposureFen: 3177000, refundAppliedFen: 0 },
    });
    expect([ledger.periodStart, ledger.periodEnd, ledger.scheme]).toEqual(['2026-11-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00', 'bj-kw-ops']);
  });

  it('explains the availability lines with the exact formula', () => {
    const r42 = ledger.rules.find((r) => r.ruleId === 'BJ-R42')?.events[0];
    expect(r42?.explanationZh).toBe('数据资源中心系统（BJ-SYS1）可用性 A = (720 小时 − 9 小时 10 分钟) / 720 小时 = 98.727%，落在 [90%, 99%)，扣 0.5 分');
    expect(r42?.systemId).toBe('BJ-SYS1');
    const r46 = ledger.rules.find((r) => r.ruleId === 'BJ-R46')?.events[0];
    expect(r46?.explanationZh).toBe('网络、安全设备可用性 A = (720 小时 × 24 − (3 小时 × 1)) / (720 小时 × 24) = 99.983%，落在 [99%, +∞)，加 1 分');
  });
});
