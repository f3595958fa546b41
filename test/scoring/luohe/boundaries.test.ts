import { describe, expect, test } from 'vitest';
import { formatInstant, parseInstant } from '../../../src/calendar/index.ts';
import { gradeOf, scoreLuohePeriod } from '../../../src/scoring/luohe/index.ts';
import { at, Builder } from './builders.ts';

const ASOF = at('2026-11-20', '12:00');
const REPORTED = at('2026-10-21', '10:00');
const plus = (instant: string, seconds: number) => formatInstant(parseInstant(instant) + seconds * 1000);

function u10Lines(b: Builder, rule: string) {
  const ledger = scoreLuohePeriod(b.input('2026-10', ASOF));
  const unit = ledger.units.find((u) => u.unitId === 'U10');
  return { lines: unit?.lines.filter((l) => l.ruleId === rule) ?? [], unit };
}

function fault(level: 1 | 2 | 3 | 4, respondSeconds: number, resolveSeconds: number) {
  const b = new Builder();
  b.fault('U10', 62, { ticketNo: `GD-L${level}`, level, reportedAt: REPORTED, respondedAt: plus(REPORTED, respondSeconds), resolvedAt: plus(REPORTED, resolveSeconds) });
  return u10Lines(b, 'LH-FAULT');
}

const levels = [
  { level: 1, respond: 10 * 60, resolve: 2 * 3600, deduction: '-10.000000' },
  { level: 2, respond: 10 * 60, resolve: 4 * 3600, deduction: '-10.000000' },
  { level: 3, respond: 20 * 60, resolve: 24 * 3600, deduction: '-5.000000' },
  { level: 4, respond: 30 * 60, resolve: 24 * 3600, deduction: '-5.000000' },
] as const;

describe('fault SLA boundaries (以内 includes the limit)', () => {
  for (const c of levels) {
    test(`L${c.level}: response exactly at ${c.respond / 60} min is on time`, () => {
      const { lines, unit } = fault(c.level, c.respond, c.respond + 60);
      expect(lines[0]?.points).toBe('0.000000');
      expect(unit?.dimensions.exceptionHandling).toBe('30.000000');
    });
    test(`L${c.level}: response one second after ${c.respond / 60} min is late`, () => {
      const { lines, unit } = fault(c.level, c.respond + 1, c.respond + 60);
      expect(lines[0]?.points).toBe(c.deduction);
      expect(lines[0]?.explanationZh).toContain('晚于时限');
      expect(unit?.dimensions.exceptionHandling).toBe(`${30 + Number.parseInt(c.deduction, 10)}.000000`);
    });
    test(`L${c.level}: resolution exactly at ${c.resolve / 3600} h is on time`, () => {
      expect(fault(c.level, 60, c.resolve).lines[0]?.points).toBe('0.000000');
    });
    test(`L${c.level}: resolution one second after ${c.resolve / 3600} h is late`, () => {
      const { lines } = fault(c.level, 60, c.resolve + 1);
      expect(lines[0]?.points).toBe(c.deduction);
      expect(lines[0]?.explanationZh).toMatch(/解决时间 .* 晚于时限/);
    });
  }
  test('one deduction per ticket when both response and resolution are late (A7)', () => {
    expect(fault(1, 3600, 5 * 3600).lines[0]?.points).toBe('-10.000000');
  });
  test('an open ticket past its deadline at asOf is a breach; before it, not yet', () => {
    const b = new Builder();
    b.fault('U10', 62, { ticketNo: 'GD-OPEN', level: 3, reportedAt: at('2026-11-09', '12:00'), respondedAt: at('2026-11-09', '12:05') });
    const before = scoreLuohePeriod(b.input('2026-10', at('2026-11-09', '23:00'))).units.find((u) => u.unitId === 'U10');
    expect(before?.lines.find((l) => l.ruleId === 'LH-FAULT')?.explanationZh).toContain('尚未超时');
    // Deadline 11-10 12:00 lies in 2026-11: the breach is attributed there, not to 2026-10.
    const after = scoreLuohePeriod(b.input('2026-11', at('2026-12-20'))).units.find((u) => u.unitId === 'U10');
    expect(after?.lines.find((l) => l.ruleId === 'LH-FAULT')?.points).toBe('-5.000000');
    const oct = scoreLuohePeriod(b.input('2026-10', at('2026-12-20'))).units.find((u) => u.unitId === 'U10');
    expect(oct?.lines.find((l) => l.ruleId === 'LH-FAULT')?.explanationZh).toContain('计入 2026-11 考核期');
    expect(oct?.dimensions.exceptionHandling).toBe('30.000000');
  });
});

function vuln(severity: '极危' | '高危' | '中危', foundAt: string, closeSeconds: number, how: 'fixedAt' | 'mitigatedAt' = 'fixedAt') {
  const b = new Builder();
  b.vuln('U10', 62, { vulnId: `VU-${severity}`, systemId: 'S62', severity, foundAt, respondedAt: plus(foundAt, 60), [how]: plus(foundAt, closeSeconds) });
  return u10Lines(b, 'LH-VULN').lines[0];
}

describe('vulnerability deadlines (elapsed time, A12)', () => {
  const H = 3600;
  test('极危 fixed exactly at 24 h is on time', () => expect(vuln('极危', REPORTED, 24 * H)?.points).toBe('0.000000'));
  test('极危 fixed one second after 24 h: −10', () => expect(vuln('极危', REPORTED, 24 * H + 1)?.points).toBe('-10.000000'));
  test('高危 fixed exactly at 7 d is on time', () => expect(vuln('高危', at('2026-10-15'), 7 * 24 * H)?.points).toBe('0.000000'));
  test('高危 fixed one second after 7 d: −5', () => expect(vuln('高危', at('2026-10-15'), 7 * 24 * H + 1)?.points).toBe('-5.000000'));
  test('中危 mitigated exactly at 15 d is on time', () => expect(vuln('中危', at('2026-10-20'), 15 * 24 * H, 'mitigatedAt')?.points).toBe('0.000000'));
  test('中危 mitigated one second after 15 d: −1', () => expect(vuln('中危', at('2026-10-20'), 15 * 24 * H + 1, 'mitigatedAt')?.points).toBe('-1.000000'));
  test('高危 cannot close by mitigation alone', () => expect(vuln('高危', at('2026-10-15'), 24 * H, 'mitigatedAt')?.points).toBe('-5.000000'));
  test('极危 responded late but fixed in time still breaches (响应并修复)', () => {
    const b = new Builder();
    b.vuln('U10', 62, { vulnId: 'VU-X', systemId: 'S62', severity: '极危', foundAt: REPORTED, fixedAt: plus(REPORTED, 3600) });
    expect(u10Lines(b, 'LH-VULN').lines[0]?.points).toBe('-10.000000');
  });
  test('a failed center verification voids the fix', () => {
    const b = new Builder();
    b.vuln('U10', 62, {
      vulnId: 'VU-F',
      systemId: 'S62',
      severity: '高危',
      foundAt: at('2026-10-15'),
      respondedAt: at('2026-10-15', '10:10'),
      fixedAt: at('2026-10-16'),
      verification: { by: 'center', at: at('2026-10-17'), result: 'failed' },
    });
    const line = u10Lines(b, 'LH-VULN').lines[0];
    expect(line?.points).toBe('-5.000000');
    expect(line?.explanationZh).toContain('中心复查未通过');
  });
});

describe('grade bands (A22, half-open on the unrounded score)', () => {
  test.each([
    ['90', '优秀'],
    ['89.999999', '良好'],
    ['80', '良好'],
    ['79.999999', '一般'],
    ['70', '一般'],
    ['69.999999', '较差'],
    ['0', '较差'],
  ])('%s → %s', (score, grade) => expect(gradeOf(score)).toBe(grade));
});
