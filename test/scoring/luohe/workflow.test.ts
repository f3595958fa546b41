import { describe, expect, test } from 'vitest';
import type { Ledger } from '../../../src/ledger/index.ts';
import { scoreLuohePeriod } from '../../../src/scoring/luohe/index.ts';
import { at, Builder, fullMonth, registry, standingDocs } from './builders.ts';
import { ASOF, workedExample } from './fixtures.ts';

const codes = (l: Ledger) => l.blockers.map((b) => b.code);
const unitOf = (l: Ledger, id: string) => l.units.find((u) => u.unitId === id);

/** Compliant months for U10 only, with S62 scans removed in the given months. */
function u10Months(labels: string[], noScan: string[]): Builder {
  const b = new Builder();
  standingDocs(b);
  for (const label of labels) fullMonth(b, label);
  b.evidence = b.evidence.filter((r) => !(r.data.kind === 'scan' && noScan.includes(r.period) && (r.data.systemIds ?? []).includes('S62')));
  return b;
}

describe('D6 日常工作开展不力 (auto-proposed drafts, sliding window)', () => {
  const d6 = (l: Ledger) => (l.package.deductions ?? []).filter((d) => d.ruleId === 'D6' && d.systemId === 'S62');
  test('a 2-month gap (09, 10) proposes one D6 in 10 only', () => {
    const b = u10Months(['2026-08', '2026-09', '2026-10'], ['2026-09', '2026-10']);
    expect(d6(scoreLuohePeriod(b.input('2026-09', ASOF)))).toHaveLength(0);
    const oct = d6(scoreLuohePeriod(b.input('2026-10', ASOF)));
    expect(oct).toHaveLength(1);
    expect(oct[0]).toMatchObject({ status: 'draft', points: '-5.000000', unitId: 'U10', itemNo: 62 });
    expect(oct[0]?.explanationZh).toContain('2026-09、2026-10 连续两个月未开展漏洞扫描');
  });
  test('a 3-month gap (08, 09, 10) proposes D6 in months 2 and 3', () => {
    const b = u10Months(['2026-07', '2026-08', '2026-09', '2026-10'], ['2026-08', '2026-09', '2026-10']);
    expect(d6(scoreLuohePeriod(b.input('2026-08', ASOF)))).toHaveLength(0);
    expect(d6(scoreLuohePeriod(b.input('2026-09', ASOF)))).toHaveLength(1);
    expect(d6(scoreLuohePeriod(b.input('2026-10', ASOF)))).toHaveLength(1);
  });
  test('a waived scan (书面报备) is a credited activity: no D6', () => {
    const b = u10Months(['2026-08', '2026-09', '2026-10'], ['2026-09', '2026-10']);
    b.filing('U10', 'scan', { fromDate: '2026-09-10', toDate: '2026-10-09', waivedCount: 1, filedAt: at('2026-09-01'), systemIds: ['S62'] });
    expect(d6(scoreLuohePeriod(b.input('2026-10', ASOF)))).toHaveLength(0);
  });
  test('period k = 1 has no predecessor; a retroactive month is flagged for confirmation', () => {
    const b = u10Months(['2026-06', '2026-07'], ['2026-06', '2026-07']);
    expect(d6(scoreLuohePeriod(b.input('2026-06', ASOF)))).toHaveLength(0);
    const jul = scoreLuohePeriod(b.input('2026-07', ASOF));
    expect(d6(jul)[0]?.explanationZh).toContain('追溯期');
    expect(jul.warnings.some((w) => w.code === 'LH-RETROACTIVE')).toBe(true);
  });
  test('one D6 per subject per period even when backup and scan are both missing', () => {
    const b = u10Months(['2026-09', '2026-10'], ['2026-09', '2026-10']);
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'backup' && (r.data.systemIds ?? []).includes('S62')));
    const lines = d6(scoreLuohePeriod(b.input('2026-10', ASOF)));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.explanationZh).toContain('数据备份、漏洞扫描');
  });
  test('a reviewer file with the proposal id takes it over: final counts, the draft disappears', () => {
    const b = u10Months(['2026-09', '2026-10'], ['2026-09', '2026-10']);
    b.event('2026-10', 'D6', { unitId: 'U10', itemNo: 62, proposedBy: 'engine', points: '5', descriptionZh: 'S62 连续两月未扫描' }, 'auto-D6-2026-10-system-S62');
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(d6(l)).toHaveLength(0);
    expect((l.package.deductions ?? []).filter((d) => d.ruleId === 'D6')).toEqual([expect.objectContaining({ status: 'counted', points: '-5.000000' })]);
    expect(l.package.deductionPoints).toBe('5.000000');
    expect(codes(l)).not.toContain('LH-DRAFT-PROPOSAL');
  });
});

describe('D5 未履行报备义务 (auto-proposed)', () => {
  function change(filedWithCenterAt?: string) {
    const b = workedExample();
    b.statusChange('U10', 63, at('2026-10-12'), 'terminated', filedWithCenterAt ? { filedWithCenterAt } : {});
    return b;
  }
  const d5 = (l: Ledger) => (l.package.deductions ?? []).filter((d) => d.ruleId === 'D5');
  test('no filing within 5 working days → D5 draft', () => {
    const l = scoreLuohePeriod(change().input('2026-10', ASOF));
    expect(d5(l)).toEqual([expect.objectContaining({ status: 'draft', points: '-5.000000', itemNo: 63 })]);
    expect(d5(l)[0]?.explanationZh).toContain('5 个工作日内（2026-10-19）');
  });
  test('filed on the 5th working day → no D5; one day later → D5', () => {
    expect(d5(scoreLuohePeriod(change(at('2026-10-19', '23:00')).input('2026-10', ASOF)))).toHaveLength(0);
    expect(d5(scoreLuohePeriod(change(at('2026-10-20', '09:00')).input('2026-10', ASOF)))).toHaveLength(1);
  });
  test('a reviewer D5 naming the status change in relatedIds takes the proposal over', () => {
    const b = change();
    const id = b.evidence.at(-1)?.id ?? '';
    b.event('2026-10', 'D5', { itemNo: 63, relatedIds: [id], proposedBy: 'engine' });
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(d5(l)).toEqual([expect.objectContaining({ status: 'counted', points: '-5.000000' })]);
  });
  test('a terminated item leaves the scope from the effective instant', () => {
    const b = workedExample();
    b.statusChange('U10', 62, at('2026-10-13'), 'terminated', { filedWithCenterAt: at('2026-10-13', '12:00') });
    const nov = scoreLuohePeriod(b.input('2026-11', at('2026-12-20')));
    const u10 = unitOf(nov, 'U10');
    // Only LINE items remain: daily work at full marks, no C07/C08 for item 62.
    expect(u10?.lines.find((x) => x.ruleId === 'LH-DAILY')?.points).toBe('30.000000');
    expect(nov.checklist.filter((c) => c.unitId === 'U10' && c.itemNo === 62)).toEqual([]);
    // In 2026-10 item 62 was active at the start, so it is still in scope.
    const oct = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(oct.checklist.filter((c) => c.unitId === 'U10' && c.itemNo === 62).map((c) => c.code)).toEqual(['C07', 'C08', 'C09']);
  });
});

describe('drafts and reviewer events', () => {
  test('a draft D2 is shown but not counted, and blocks', () => {
    const b = workedExample();
    b.event('2026-10', 'D2', { unitId: 'U04', points: '4', status: 'draft' });
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(l.package.deductionPoints).toBe('0.000000');
    expect(l.package.deductions?.[0]).toMatchObject({ status: 'draft', ruleId: 'D2' });
    expect(codes(l)).toContain('LH-DRAFT-EVENT');
  });
  test('key-supervision aggravation warns below the raised minimum; 加重扣分 caps at 2 × max', () => {
    const b = workedExample();
    b.event('2026-10', 'D1', { unitId: 'U02', points: '3', keySupervisionAggravated: true });
    b.event('2026-10', 'D4', { unitId: 'U02', points: '10', adjustment: { kind: '加重扣分', deltaPoints: '15', justificationZh: '拒不改正' } });
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(l.package.deductionPoints).toBe('23.000000');
    expect(l.warnings.filter((w) => w.code === 'LH-DEDUCTION-RANGE')).toHaveLength(2);
  });
  test('酌情减免 lowers a D3 to 2 points', () => {
    const b = workedExample();
    b.event('2026-10', 'D3', { itemNo: 14, notice: { levelZh: '市级', correctedWithinDeadline: true }, adjustment: { kind: '酌情减免', deltaPoints: '-3', justificationZh: '及时改正' } });
    expect(scoreLuohePeriod(b.input('2026-10', ASOF)).package.deductionPoints).toBe('2.000000');
  });
  test('a P2 percent of the gross fee, a K1 default amount, and an N1 协商扣减', () => {
    const b = workedExample();
    b.event('2026-10', 'P2', { percentOfMonthlyFee: '0.10' });
    b.event('2026-10', 'K1', {});
    b.event('2026-10', 'N1', { points: '1.5', descriptionZh: '协商扣减', adjustment: undefined });
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(l.money.penaltiesFen).toBe(9_687_500 + 1_000_000);
    expect(l.package.deductionPoints).toBe('1.500000');
  });
  test('penalties beyond the fee after grade are reported as unrecovered (floor-and-report)', () => {
    const b = workedExample();
    b.event('2026-10', 'P1', {});
    b.event('2026-10', 'P3', {});
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(l.money).toMatchObject({ payableFen: 0, penaltiesFen: 98_875_000, unrecoveredFen: 2_000_000 });
  });
});

describe('finalisation blockers → provisional', () => {
  const signed = () => {
    const b = workedExample();
    b.signoff('2026-10', at('2026-11-18'));
    return b;
  };
  test('baseline: signed and nothing blocks → final', () => {
    expect(scoreLuohePeriod(signed().input('2026-10', ASOF)).status).toBe('final');
  });
  test('force majeure pending; waived and reduced decisions', () => {
    const b = signed();
    const t = b.fault('U10', 62, {
      ticketNo: 'GD-FM',
      level: 3,
      reportedAt: at('2026-10-25', '10:00'),
      respondedAt: at('2026-10-25', '10:05'),
      resolvedAt: at('2026-10-27', '10:00'),
      forceMajeure: { claimed: true, typeZh: '自然灾害', writtenStatement: { sha256: 'd'.repeat(64), mime: 'application/pdf', titleZh: '书面说明' } },
    });
    const pending = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(pending.status).toBe('provisional');
    expect(codes(pending)).toContain('LH-FORCE-MAJEURE-PENDING');
    b.decision('2026-10', 'force-majeure', { ticketId: t.id, decision: 'reduced', reducedPoints: '2' });
    const reduced = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(unitOf(reduced, 'U10')?.lines.find((x) => x.ruleId === 'LH-FAULT' && x.explanationZh.includes('GD-FM'))?.points).toBe('-2.000000');
    expect(reduced.status).toBe('final');
    b.decision('2026-10', 'force-majeure', { ticketId: t.id, decision: 'waived', decidedAt: at('2026-11-10') });
    expect(unitOf(scoreLuohePeriod(b.input('2026-10', ASOF)), 'U10')?.dimensions.exceptionHandling).toBe('30.000000');
  });
  test('accident flag unresolved, then resolved', () => {
    const b = signed();
    const f = b.satisfaction('U03', '2026-10', ['满意', '满意', '满意', '满意', '满意'], at('2026-11-01'), { accidentOccurred: true });
    expect(codes(scoreLuohePeriod(b.input('2026-10', ASOF)))).toContain('LH-ACCIDENT-UNRESOLVED');
    b.decision('2026-10', 'accident-resolution', { evidenceId: f.id, outcomeZh: '不处理' });
    expect(scoreLuohePeriod(b.input('2026-10', ASOF)).status).toBe('final');
  });
  test('paper receipt missing blocks but costs no points', () => {
    const b = signed();
    b.reviews = b.reviews.filter((r) => !(r.data.kind === 'paper-receipt' && r.period === '2026-10'));
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(codes(l)).toEqual(['LH-PAPER-RECEIPT-MISSING']);
    expect(unitOf(l, 'U10')?.dimensions.archive).toBe('10.000000');
  });
  test('a ticket level dispute blocks until a level-override decision', () => {
    const b = signed();
    const t = b.fault('U10', 62, { ticketNo: 'GD-LV', level: 3, levelOverride: { level: 2, by: 'unit', reasonZh: '影响核心' }, reportedAt: at('2026-10-25'), respondedAt: at('2026-10-25', '10:05'), resolvedAt: at('2026-10-25', '11:00'), escalation: { centerAt: at('2026-10-25', '10:01'), unitAt: at('2026-10-25', '10:01') }, sealedReport: { sha256: 'e'.repeat(64), mime: 'application/pdf', titleZh: '报告' }, analysisReport: { sha256: 'f'.repeat(64), mime: 'application/pdf', titleZh: '分析' } });
    expect(codes(scoreLuohePeriod(b.input('2026-10', ASOF)))).toContain('LH-LEVEL-DISPUTE');
    b.decision('2026-10', 'level-override', { ticketId: t.id, level: 2, reasonZh: '确认 2 级' });
    expect(scoreLuohePeriod(b.input('2026-10', ASOF)).status).toBe('final');
  });
  test('unit attribution 40–43 / 44–50 blocks the first period until confirmed', () => {
    const b = new Builder();
    standingDocs(b);
    fullMonth(b, '2026-06');
    b.signoff('2026-06', at('2026-07-20'));
    const first = scoreLuohePeriod(b.input('2026-06', ASOF));
    expect(codes(first).filter((c) => c === 'LH-UNIT-ATTRIBUTION')).toHaveLength(2);
    b.decision('2026-06', 'unit-attribution', { itemNos: [40, 41, 42, 43], unitId: 'U06', confirmed: true });
    b.decision('2026-06', 'unit-attribution', { itemNos: [44, 45, 46, 47, 48, 49, 50], unitId: 'U07', confirmed: true });
    const confirmed = scoreLuohePeriod(b.input('2026-06', ASOF));
    expect(codes(confirmed)).not.toContain('LH-UNIT-ATTRIBUTION');
    // In later periods an unconfirmed attribution is a warning only.
    expect(codes(scoreLuohePeriod(workedExample().input('2026-10', ASOF)))).not.toContain('LH-UNIT-ATTRIBUTION');
  });
  test('the evidence freeze (period end + 3 days) keeps the period open', () => {
    const b = signed();
    expect(codes(scoreLuohePeriod(b.input('2026-10', at('2026-11-12', '12:00'))))).toContain('LH-PERIOD-OPEN');
    expect(codes(scoreLuohePeriod(b.input('2026-10', at('2026-11-13', '00:00'))))).not.toContain('LH-PERIOD-OPEN');
  });
  test('a sign-off under another config hash must be renewed', () => {
    const b = workedExample();
    b.signoff('2026-10', at('2026-11-18'), { configHash: '0'.repeat(64) });
    expect(codes(scoreLuohePeriod(b.input('2026-10', ASOF)))).toContain('LH-SIGNOFF-CONFIG');
  });
});

describe('invalid records', () => {
  test('valid: false never counts and is listed; engine rejections are listed with their reason', () => {
    const b = workedExample();
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'visit' && r.data.unitId === 'U10' && r.period === '2026-10'));
    b.add({ kind: 'visit', visitedAt: at('2026-10-16'), platform: { ref: 'x', submittedAt: at('2026-10-16') }, attachments: [] }, { unit: 'U10', time: at('2026-10-16'), valid: false });
    b.visit('U10', at('2026-10-17'), { platform: { ref: 'x', submittedAt: at('2026-11-10', '08:00') } });
    b.visit('U10', at('2026-10-18'), { attachments: [] });
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(unitOf(l, 'U10')?.lines.find((x) => x.ruleId === 'LH-VISIT')?.points).toBe('0.000000');
    expect(l.invalid.map((i) => i.reasons[0]?.code)).toEqual(['schema/required', 'luohe/platform-late', 'luohe/visit-unsigned']);
  });
  test('platformGraceDays lets a next-day platform entry count', () => {
    const b = workedExample();
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'visit' && r.data.unitId === 'U10' && r.period === '2026-10'));
    b.visit('U10', at('2026-10-17'), { platform: { ref: 'x', submittedAt: at('2026-11-10', '08:00') } });
    const l = scoreLuohePeriod(b.input('2026-10', ASOF, registry({ platformGraceDays: 1 })));
    expect(unitOf(l, 'U10')?.lines.find((x) => x.ruleId === 'LH-VISIT')?.points).toBe('8.000000');
    expect(l.configNonDefault).toEqual({ 'luohe.platformGraceDays': 1 });
  });
});

describe('major impact (A10) → D1', () => {
  test('the SLA deduction is replaced by a D1 proposal; a final D1 counts', () => {
    const b = workedExample();
    const t = b.fault('U10', 62, { ticketNo: 'GD-MAJOR', level: 2, majorImpact: true, reportedAt: at('2026-10-25', '10:00'), respondedAt: at('2026-10-25', '10:30'), resolvedAt: at('2026-10-25', '11:00') });
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(unitOf(l, 'U10')?.lines.find((x) => x.explanationZh.includes('GD-MAJOR'))).toMatchObject({ points: '0.000000' });
    expect(l.package.deductions).toEqual([expect.objectContaining({ ruleId: 'D1', status: 'draft' })]);
    b.event('2026-10', 'D1', { itemNo: 62, points: '6', relatedIds: [t.id] });
    const f = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(f.package.deductions).toEqual([expect.objectContaining({ ruleId: 'D1', status: 'counted', points: '-6.000000' })]);
  });
});
