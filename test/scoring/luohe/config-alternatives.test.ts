import { describe, expect, test } from 'vitest';
import type { Ledger } from '../../../src/ledger/index.ts';
import type { ContractConfig } from '../../../src/model/registry.ts';
import {
  computeCentralReview,
  computeLuoheInstallment,
  computeLuohePackage,
  exactConfigNumber,
  gradeOf,
  LUOHE_CONFIG_DEFAULTS,
  LuoheConfigError,
  resolveLuoheConfig,
  scoreLuohePeriod,
  scoreLuohePeriodExact,
} from '../../../src/scoring/luohe/index.ts';
import { exact } from '../../../src/decimal/index.ts';
import { at, Builder, fullMonth, registry, standingDocs } from './builders.ts';
import { ASOF, workedExample } from './fixtures.ts';

const unitOf = (l: Ledger, id: string) => {
  const u = l.units.find((x) => x.unitId === id);
  if (!u) throw new Error(id);
  return u;
};
const score = (b: Builder, luohe: Record<string, unknown> = {}, period = '2026-10', asOf = ASOF) => scoreLuohePeriod(b.input(period, asOf, registry(luohe)));

describe('config: defaults and validation', () => {
  test('the §9 defaults are the constant, and the file in content/ equals them', () => {
    expect(resolveLuoheConfig(registry().config).luohe).toMatchObject(LUOHE_CONFIG_DEFAULTS as unknown as Record<string, unknown>);
    expect(scoreLuohePeriod(workedExample().input('2026-10', ASOF)).configNonDefault).toEqual({});
  });
  test.each([
    ['faultClockStart', 'respondedAt'],
    ['faultBreachCount', 'per-breach'],
    ['d6Granularity', 'per-unit'],
    ['unitWeighting', 'by-items'],
    ['rectificationDue', 'p+2'],
    ['latePaymentBase', 'net'],
    ['crSurplus', 'pay'],
    ['gradeRounding', 'ceil'],
  ])('single-valued or unknown alternative %s = %s is rejected', (key, value) => {
    expect(() => resolveLuoheConfig({ luohe: { [key]: value } } as unknown as ContractConfig)).toThrow(LuoheConfigError);
  });
  test('config numbers are read exactly: 0.8 → 4/5, 0.6666666666666666 → 2/3', () => {
    expect(exactConfigNumber(0.8).toFractionString()).toBe('4/5');
    expect(exactConfigNumber(2 / 3).toFractionString()).toBe('2/3');
    expect(exactConfigNumber(0.95).toFractionString()).toBe('19/20');
    expect(exactConfigNumber('1/3').toFractionString()).toBe('1/3');
  });
  test('the config hash changes with the config and non-default values are listed', () => {
    const a = score(workedExample());
    const b = score(workedExample(), { inspectionCoverage: 'any' });
    expect(a.configHash).not.toBe(b.configHash);
    expect(b.configNonDefault).toEqual({ 'luohe.inspectionCoverage': 'any' });
  });
});

describe('config: daily work', () => {
  test("inspectionCoverage 'any': N = distinct dates of the unit (U07: 9 → 8 points)", () => {
    const l = score(workedExample(), { inspectionCoverage: 'any' });
    expect(unitOf(l, 'U07').dimensions.dailyWork).toBe('26.500000');
  });
  test("mixedUnitDailyWork 'item-weighted': U07 (5×24.5 + 7×30)/12", () => {
    const l = score(workedExample(), { mixedUnitDailyWork: 'item-weighted' });
    expect(unitOf(l, 'U07').dimensions.dailyWork).toBe('27.708333');
    expect(unitOf(l, 'U07').lines.find((x) => x.ruleId === 'LH-DAILY')?.explanationZh).toContain('item-weighted');
  });
  test("weeklyDistribution 'score': four inspections in one ISO week count once", () => {
    const b = workedExample();
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'inspection' && r.data.unitId === 'U10' && r.period === '2026-10'));
    for (const d of ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15']) b.inspection('U10', [62], at(d));
    expect(unitOf(score(b), 'U10').dimensions.dailyWork).toBe('30.000000');
    expect(unitOf(score(b, { weeklyDistribution: 'score' }), 'U10').dimensions.dailyWork).toBe('24.000000');
  });
  test("filingWaiver: 'unless-rejected' counts a timely filing, 'approved-only' needs approval, 'none' ignores it", () => {
    const b = workedExample();
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'visit' && r.data.unitId === 'U10' && r.period === '2026-10'));
    const filing = b.filing('U10', 'visit', { fromDate: '2026-10-12', toDate: '2026-11-09', waivedCount: 1, filedAt: at('2026-10-11') });
    const visit = (l: Ledger) => unitOf(l, 'U10').lines.find((x) => x.ruleId === 'LH-VISIT');
    expect(visit(score(b))).toMatchObject({ points: '8.000000', status: 'waived' });
    expect(visit(score(b, { filingWaiver: 'approved-only' }))?.points).toBe('0.000000');
    expect(visit(score(b, { filingWaiver: 'none' }))?.points).toBe('0.000000');
    b.decision('2026-10', 'filing', { evidenceId: filing.id, approved: true });
    expect(visit(score(b, { filingWaiver: 'approved-only' }))?.points).toBe('8.000000');
    b.decision('2026-10', 'filing', { evidenceId: filing.id, approved: false, decidedAt: at('2026-11-01') });
    expect(visit(score(b))?.points).toBe('0.000000');
  });
  test('a filing made on or after the first waived day is not 提前 and does not count', () => {
    const b = workedExample();
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'visit' && r.data.unitId === 'U10' && r.period === '2026-10'));
    b.filing('U10', 'visit', { fromDate: '2026-10-12', toDate: '2026-11-09', waivedCount: 1, filedAt: at('2026-10-12', '08:00') });
    const l = score(b);
    expect(unitOf(l, 'U10').lines.find((x) => x.ruleId === 'LH-VISIT')?.points).toBe('0.000000');
    expect(l.warnings.some((w) => w.code === 'LH-FILING-INEFFECTIVE')).toBe(true);
  });
  test('platformGraceDays extends the platform deadline', () => {
    const b = workedExample();
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'scan' && r.data.unitId === 'U10' && r.period === '2026-10'));
    b.scan('U10', ['S62'], at('2026-10-14'), { platform: { ref: 'x', submittedAt: at('2026-11-11') } });
    expect(unitOf(score(b), 'U10').dimensions.dailyWork).toBe('20.000000');
    expect(unitOf(score(b, { platformGraceDays: 2 }), 'U10').dimensions.dailyWork).toBe('30.000000');
  });
  test('visitRequiresSignedScan (engine extra) false accepts an unsigned 回访记录表', () => {
    const b = workedExample();
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'visit' && r.data.unitId === 'U10' && r.period === '2026-10'));
    b.visit('U10', at('2026-10-16'), { attachments: [] });
    expect(unitOf(score(b), 'U10').dimensions.dailyWork).toBe('22.000000');
    const l = score(b, { visitRequiresSignedScan: false });
    expect(unitOf(l, 'U10').dimensions.dailyWork).toBe('30.000000');
    expect(l.configNonDefault).toEqual({ 'luohe.visitRequiresSignedScan': false });
  });
});

describe('config: satisfaction and deadlines', () => {
  test('satisfaction.levelValues linear {1, ⅔, ⅓, 0}: U07 = 3×6 + 2×6×⅔ = 26 exactly', () => {
    const l = score(workedExample(), { satisfaction: { levelValues: { 满意: 1, 基本满意: 2 / 3, 一般: 1 / 3, 不满意: 0 } } });
    expect(unitOf(l, 'U07').dimensions.satisfaction).toBe('26.000000');
  });
  test('satisfaction.rowWeights [10,5,5,5,5]: U10 = 10 + 5 + 4 + 5 + 5', () => {
    const l = score(workedExample(), { satisfaction: { rowWeights: [10, 5, 5, 5, 5] } });
    expect(unitOf(l, 'U10').dimensions.satisfaction).toBe('29.000000');
  });
  test("monthEndDeadline 'calendar-month-end' accepts a form received on 11-15; acceptLatePolicy 'reviewer' too", () => {
    const b = workedExample();
    const form = b.satisfaction('U03', '2026-10', ['不满意', '满意', '满意', '满意', '满意'], at('2026-11-15'), { dissatisfactionReasonsZh: '差' });
    expect(unitOf(score(b), 'U03').dimensions.satisfaction).toBe('30.000000');
    expect(unitOf(score(b, { monthEndDeadline: 'calendar-month-end' }), 'U03').dimensions.satisfaction).toBe('24.000000');
    b.decision('2026-10', 'accept-late-satisfaction', { evidenceId: form.id });
    const accepted = score(b);
    expect(unitOf(accepted, 'U03').dimensions.satisfaction).toBe('24.000000');
    expect(unitOf(accepted, 'U03').lines[0]?.explanationZh).toContain('逾期但经审核人员同意采用');
  });
  test('an unsealed form is treated as not submitted (deemed satisfied)', () => {
    const b = workedExample();
    b.satisfaction('U03', '2026-10', ['不满意', '不满意', '不满意', '不满意', '不满意'], at('2026-11-01'), { signedAndSealed: false, dissatisfactionReasonsZh: '差' });
    expect(unitOf(score(b), 'U03').dimensions.satisfaction).toBe('30.000000');
  });
  test('evidenceFreezeDays 0 ends the open period at the period end', () => {
    const codes = (l: Ledger) => l.blockers.map((x) => x.code);
    expect(codes(score(workedExample(), {}, '2026-10', at('2026-11-10', '12:00')))).toContain('LH-PERIOD-OPEN');
    expect(codes(score(workedExample(), { evidenceFreezeDays: 0 }, '2026-10', at('2026-11-10', '12:00')))).not.toContain('LH-PERIOD-OPEN');
  });
  test('effectiveAt decides which months are retroactive', () => {
    const b = new Builder();
    fullMonth(b, '2026-07');
    expect(score(b, {}, '2026-07').warnings.some((w) => w.code === 'LH-RETROACTIVE')).toBe(true);
    expect(score(b, { effectiveAt: '2026-06-10' }, '2026-07').warnings.some((w) => w.code === 'LH-RETROACTIVE')).toBe(false);
  });
  test('handoverDeadline: C01 is due from the period containing it, and a missing T04 points at K1', () => {
    const b = new Builder();
    standingDocs(b);
    fullMonth(b, '2026-07');
    const c01 = (l: Ledger) => l.checklist.filter((c) => c.code === 'C01').length;
    expect(c01(score(b, {}, '2026-07'))).toBe(0);
    const early = score(b, { handoverDeadline: '2026-07-20' }, '2026-07');
    expect(c01(early)).toBe(10);
    expect(early.warnings.some((w) => w.code === 'LH-HANDOVER')).toBe(true);
  });
});

describe('config: exception handling', () => {
  test("vulnDayCounting 'civil-code': 7 日 ending on 10-01 (国庆) runs to 10-08 24:00", () => {
    const b = new Builder();
    b.vuln('U10', 62, { vulnId: 'VU-CC', systemId: 'S62', severity: '高危', foundAt: at('2026-09-24'), respondedAt: at('2026-09-24', '10:10'), fixedAt: at('2026-10-05') });
    const vuln = (l: Ledger) => unitOf(l, 'U10').lines.find((x) => x.ruleId === 'LH-VULN');
    expect(vuln(score(b, {}, '2026-09'))?.points).toBe('-5.000000');
    const civil = vuln(score(b, { vulnDayCounting: 'civil-code' }, '2026-09'));
    expect(civil?.points).toBe('0.000000');
    expect(civil?.explanationZh).toContain('至 2026-10-08 24:00（2026-10-01 为休息日，顺延）');
  });
  test("vulnCivilRestDays (engine extra): a Saturday last day moves only under 'non-working-days'", () => {
    const b = new Builder();
    b.vuln('U10', 62, { vulnId: 'VU-SAT', systemId: 'S62', severity: '高危', foundAt: at('2026-10-24'), respondedAt: at('2026-10-24', '10:10'), fixedAt: at('2026-11-01', '12:00') });
    const pts = (extra: Record<string, unknown>) => unitOf(score(b, { vulnDayCounting: 'civil-code', ...extra }), 'U10').lines.find((x) => x.ruleId === 'LH-VULN')?.points;
    expect(pts({})).toBe('0.000000');
    expect(pts({ vulnCivilRestDays: 'statutory-holidays' })).toBe('-5.000000');
  });
  test('vulnRepeatMonthly: an overdue open vulnerability is deducted again in the next period', () => {
    const b = new Builder();
    b.vuln('U10', 62, { vulnId: 'VU-OPEN', systemId: 'S62', severity: '高危', foundAt: at('2026-09-12'), respondedAt: at('2026-09-12', '10:10') });
    const exc = (l: Ledger) => unitOf(l, 'U10').dimensions.exceptionHandling;
    expect(exc(score(b, {}, '2026-09'))).toBe('25.000000');
    expect(exc(score(b, {}, '2026-10'))).toBe('30.000000');
    expect(exc(score(b, { vulnRepeatMonthly: true }, '2026-10'))).toBe('25.000000');
  });
  test("contractVulnHandling 'score' and immediateWithin: a 高危 handled after 3 h", () => {
    const b = new Builder();
    b.vuln('U10', 62, { vulnId: 'VU-SLOW', systemId: 'S62', severity: '高危', foundAt: at('2026-10-15'), respondedAt: at('2026-10-15', '13:00'), fixedAt: at('2026-10-16') });
    const warn = score(b);
    expect(unitOf(warn, 'U10').dimensions.exceptionHandling).toBe('30.000000');
    expect(warn.warnings.some((w) => w.code === 'LH-VULN-CONTRACT')).toBe(true);
    expect(unitOf(score(b, { contractVulnHandling: 'score' }), 'U10').dimensions.exceptionHandling).toBe('25.000000');
    expect(score(b, { immediateWithin: 'PT4H' }).warnings.some((w) => w.code === 'LH-VULN-CONTRACT')).toBe(false);
  });
  test('l12EscalationWithin: the L2 ticket escalated after 5–6 minutes warns only under PT2M', () => {
    expect(score(workedExample()).warnings.some((w) => w.code === 'LH-ESCALATION')).toBe(false);
    expect(score(workedExample(), { l12EscalationWithin: 'PT2M' }).warnings.some((w) => w.code === 'LH-ESCALATION')).toBe(true);
  });
  test('floorZero false lets exception handling go below 0', () => {
    const b = new Builder();
    for (const n of [1, 2, 3, 4]) b.fault('U10', 62, { ticketNo: `GD-${n}`, level: 1, reportedAt: at(`2026-10-2${n}`), respondedAt: at(`2026-10-2${n}`, '11:00'), resolvedAt: at(`2026-10-2${n}`, '15:00') });
    expect(unitOf(score(b), 'U10').dimensions.exceptionHandling).toBe('0.000000');
    expect(unitOf(score(b, { floorZero: false }), 'U10').dimensions.exceptionHandling).toBe('-10.000000');
  });
});

describe('config: documentation', () => {
  test("archiveMode 'mean-per-scope': U07 = 10 × mean(5/5, 1/1, 10/10, 1/2) = 8.75", () => {
    expect(unitOf(score(workedExample(), { archiveMode: 'mean-per-scope' }), 'U07').dimensions.archive).toBe('8.750000');
  });
  test('requirePaper: a receipt that omits documents makes them missing unless paper is not required', () => {
    const b = workedExample();
    b.reviews = b.reviews.filter((r) => !(r.data.kind === 'paper-receipt' && r.period === '2026-10'));
    b.paperReceipt('2026-10', at('2026-11-09', '20:00'), ['luohe-2026-b/2026-06/_pkg/_unit/archive-0001']);
    const strict = score(b);
    expect(exact(unitOf(strict, 'U10').dimensions.archive).lt(10)).toBe(true);
    expect(strict.checklist.some((c) => c.noteZh.includes('纸质版签收记录未列入'))).toBe(true);
    expect(unitOf(score(b, { requirePaper: false }), 'U10').dimensions.archive).toBe('10.000000');
    b.reviews = b.reviews.filter((r) => r.data.kind !== 'paper-receipt' || r.period !== '2026-10');
    expect(score(b, { requirePaper: false }).blockers.map((x) => x.code)).not.toContain('LH-PAPER-RECEIPT-MISSING');
  });
  test('drillSchedule and trainingSchedule decide when C13/C14 are due', () => {
    const l = score(workedExample(), { drillSchedule: [5], trainingSchedule: [5, 11] });
    expect(l.checklist.filter((c) => c.unitId === 'U10').map((c) => c.code)).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C13', 'C14']);
    expect(unitOf(l, 'U10').dimensions.archive).toBe('8.181818');
  });
  test('reportGraceDays: a ticket resolved in the last 3 days of p is due in p+1', () => {
    const b = workedExample();
    b.fault('U10', 62, { ticketNo: 'GD-LATE', level: 4, reportedAt: at('2026-11-08'), respondedAt: at('2026-11-08', '10:10'), resolvedAt: at('2026-11-08', '12:00') });
    const c09 = (l: Ledger) => l.checklist.filter((c) => c.unitId === 'U10' && c.code === 'C09').length;
    expect(c09(score(b))).toBe(1);
    expect(c09(score(b, { reportGraceDays: 0 }))).toBe(2);
    expect(c09(score(b, {}, '2026-11', at('2026-12-20')))).toBe(1);
  });
  test('archiveUndeclaredCoverage and c09Source (engine extras)', () => {
    const b = workedExample();
    b.archive('C01', 'package', at('2026-10-20'), { approvedByPartyAAt: at('2026-10-20'), version: '2.0' });
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'archive' && (r.data as { docKind?: string }).docKind === 'C01' && r.period === '2026-06'));
    expect(unitOf(score(b), 'U10').dimensions.archive).toBe('10.000000');
    expect(unitOf(score(b, { archiveUndeclaredCoverage: 'missing' }), 'U10').dimensions.archive).toBe('8.888889');
    expect(unitOf(score(workedExample(), { c09Source: 'archive-only' }), 'U10').dimensions.archive).toBe('8.888889');
  });
  test('rectificationDue: after a 一般/较差 month, C15 is due in the next one', () => {
    const b = new Builder();
    standingDocs(b);
    fullMonth(b, '2026-10', ['U10']);
    const nov = score(b, {}, '2026-11', at('2026-12-20'));
    expect(nov.checklist.some((c) => c.code === 'C15' && c.status === 'missing')).toBe(true);
    b.add({ kind: 'rectification', forPeriod: '2026-10', submittedAt: at('2026-11-20'), rootCausesZh: '原因', actions: [] }, { time: at('2026-11-20') });
    expect(score(b, {}, '2026-11', at('2026-12-20')).checklist.some((c) => c.code === 'C15' && c.status === 'present')).toBe(true);
  });
});

describe('config: package, grade and money', () => {
  test("deductionLevel 'unit' end to end: a U05 D3 is diluted over ten units", () => {
    const b = workedExample();
    b.event('2026-10', 'D3', { itemNo: 14, notice: { levelZh: '市级' } });
    const units = scoreLuohePeriodExact(b.input('2026-10', ASOF)).units.map((u) => ({ unitId: u.unitId, score: u.score }));
    const sumU = units.reduce((a, u) => a.add(u.score), exact(0));
    expect(score(b).package.score).toBe(sumU.div(10).sub(5).toFixedHalfUp(6));
    expect(score(b, { deductionLevel: 'unit' }).package.score).toBe(sumU.sub(5).div(10).toFixedHalfUp(6));
    expect(computeLuohePackage({ unitScores: units, deductions: [{ points: '5', unitId: 'U05' }], deductionLevel: 'unit' }).score.toFixedHalfUp(6)).toBe(sumU.sub(5).div(10).toFixedHalfUp(6));
  });
  test('gradeRounding: 89.5 is 良好 unrounded, 优秀 rounded half-up, 良好 floored', () => {
    expect(gradeOf('89.5', 'none')).toBe('良好');
    expect(gradeOf('89.5', 'round-half-up-int')).toBe('优秀');
    expect(gradeOf('89.99', 'floor-int')).toBe('良好');
    expect(computeLuohePackage({ unitScores: [{ unitId: 'U01', score: '89.5' }], deductions: [], gradeRounding: 'round-half-up-int' }).grade).toBe('优秀');
    expect(score(workedExample(), { gradeRounding: 'floor-int' }).configNonDefault).toEqual({ 'luohe.gradeRounding': 'floor-int' });
  });
  test('monthlyFee and periodMode calendar-month (partial June prorated 21/30)', () => {
    expect(score(workedExample(), { monthlyFee: '1000000.00' }).money.monthlyFeeFen).toBe(100_000_000);
    const june = score(new Builder(), { periodMode: 'calendar-month' }, '2026-06', at('2026-07-20'));
    expect(june.periodEnd).toBe('2026-07-01T00:00:00+08:00');
    expect(june.money.monthlyFeeFen).toBe(67_812_500);
  });
  test("penaltyOverflow 'carry-within-installment' nets a month's excess against the quarter", () => {
    const months = [
      { period: '2026-09', grade: '优秀' as const, monthlyFeeFen: 96_875_000n, penaltiesFen: 0n },
      { period: '2026-10', grade: '较差' as const, monthlyFeeFen: 96_875_000n, penaltiesFen: 2_000_000n },
    ];
    const floor = computeLuoheInstallment(months, { installmentNo: 2 });
    expect([floor.installmentFen, floor.unrecoveredFen]).toEqual([96_875_000n, 2_000_000n]);
    const carry = computeLuoheInstallment(months, { installmentNo: 2, penaltyOverflow: 'carry-within-installment' });
    expect([carry.installmentFen, carry.unrecoveredFen]).toEqual([94_875_000n, 0n]);
  });
  test('aggravation.maxFactor and requireJustification', () => {
    const b = workedExample();
    b.event('2026-10', 'D4', { unitId: 'U02', points: '10', adjustment: { kind: '加重扣分', deltaPoints: '15', justificationZh: '拒不改正' } });
    expect(score(b).package.deductionPoints).toBe('20.000000');
    expect(score(b, { aggravation: { maxFactor: 3 } }).package.deductionPoints).toBe('25.000000');
    const c = workedExample();
    c.event('2026-10', 'D4', { unitId: 'U02', points: '10', adjustment: { kind: '加重扣分', deltaPoints: '5', justificationZh: ' ' } });
    expect(score(c).package.deductionPoints).toBe('10.000000');
    expect(score(c, { aggravation: { requireJustification: false } }).package.deductionPoints).toBe('15.000000');
  });
  test('k3OnlineRate: item 14 at 94% → K3 draft; a lower minimum or another item list → none', () => {
    const b = workedExample();
    b.add(
      {
        kind: 'availability',
        itemNos: [14],
        target: { type: 'camera-set', id: 'S14' },
        windowStart: at('2026-10-10', '00:00'),
        windowEnd: at('2026-11-10', '00:00'),
        serviceHours: '24x7',
        plannedDowntime: [],
        outages: [],
        onlineRate: '0.94',
        samples: [
          { date: '2026-10-20', online: 90, total: 100 },
          { date: '2026-10-21', online: 99, total: 100 },
        ],
        keyPeriods: [{ start: at('2026-10-20', '00:00'), end: at('2026-10-22', '00:00'), labelZh: '重要会议' }],
        dataSource: { systemZh: '监控平台', sha256: 'a'.repeat(64) },
      },
      { unit: 'U05', item: 14, time: at('2026-10-10', '00:00') },
    );
    const k3 = (l: Ledger) => l.money.penalties.filter((x) => x.ruleId === 'K3');
    expect(k3(score(b)).map((x) => [x.status, x.amountFen])).toEqual([
      ['draft', -2_000_000],
      ['draft', -2_000_000],
    ]);
    expect(k3(score(b, { k3OnlineRate: { monthlyMin: 0.9, keyPeriodMin: 0.9 } }))).toHaveLength(0);
    expect(k3(score(b, { k3OnlineRate: { items: [3] } }))).toHaveLength(0);
  });
  test('changeFilingWorkingDays: 10 working days make a 10-20 filing timely', () => {
    const b = workedExample();
    b.statusChange('U10', 63, at('2026-10-12'), 'terminated', { filedWithCenterAt: at('2026-10-20') });
    const d5 = (l: Ledger) => (l.package.deductions ?? []).filter((d) => d.ruleId === 'D5').length;
    expect(d5(score(b))).toBe(1);
    expect(d5(score(b, { changeFilingWorkingDays: 10 }))).toBe(0);
  });
  test('unitOverrides moves 44–50 to U06 (confirmed: no attribution notice for that range)', () => {
    const l = score(workedExample(), { unitOverrides: { '44-50': { unit: 'U06', confirmed: true }, '40-43': { unit: 'U06', confirmed: true } } });
    expect(l.checklist.filter((c) => c.unitId === 'U07' && c.code === 'C07').map((c) => c.itemNo)).toEqual([51, 52, 53]);
    expect(l.checklist.filter((c) => c.unitId === 'U06' && c.code === 'C07').map((c) => c.itemNo)).toEqual([38, 46, 47]);
    expect(l.warnings.some((w) => w.code === 'LH-UNIT-ATTRIBUTION')).toBe(false);
  });
});

describe('集中复核 (§4.12) and its config', () => {
  function crInput() {
    const b = new Builder();
    b.statusChange('U10', 63, at('2026-12-10', '12:00'), 'terminated', { reasonZh: '迁云上云', nonVendorCause: true, filedWithCenterAt: at('2026-12-10', '13:00') });
    b.review({
      kind: 'cr-input',
      period: '2027-05',
      itemNo: 63,
      historicContractAnnualFee: '120000.00',
      compressionRatio: '0.2',
      voucherDeadline: at('2027-05-20'),
      vouchers: [
        { ref: 'V1', amount: '1000.00', submittedAt: at('2027-05-01'), accepted: true },
        { ref: 'V2', amount: '500.00', submittedAt: at('2027-05-21'), accepted: true },
        { ref: 'V3', amount: '700.00', submittedAt: at('2027-05-01'), accepted: false },
      ],
    });
    return b;
  }
  test('181 unserviced whole days × 120,000 × (1 − 0.2) / 365, minus recognized vouchers', () => {
    const cr = computeCentralReview(crInput().input('2026-10', ASOF), { conclusionReceivedOn: '2027-06-01' });
    expect(cr.items[0]).toMatchObject({ itemNo: 63, unservicedDays: 181, reductionFen: 4_760_548n, recognizedFen: 100_000n });
    expect(cr.netFen).toBe(4_660_548n);
    expect(cr.objectionDeadline).toBe('2027-06-08');
    expect(computeLuoheInstallment([], { installmentNo: 4, centralReviewNetFen: cr.netFen }).centralReviewFen).toBe(4_660_548n);
    expect(computeLuoheInstallment([], { installmentNo: 3, centralReviewNetFen: cr.netFen }).centralReviewFen).toBe(0n);
  });
  test("crRatioMeaning 'kept' and crDayCounting 'any-part'", () => {
    const b = crInput();
    expect(computeCentralReview(b.input('2026-10', ASOF, registry({ crRatioMeaning: 'kept' }))).items[0]?.reductionFen).toBe(1_190_137n);
    expect(computeCentralReview(b.input('2026-10', ASOF, registry({ crDayCounting: 'any-part' }))).items[0]?.unservicedDays).toBe(182);
  });
  test('a vendor-caused interruption is not reviewed; a surplus is reported only', () => {
    const b = new Builder();
    b.statusChange('U10', 64, at('2026-12-10'), 'suspended', { nonVendorCause: false });
    b.review({ kind: 'cr-input', period: '2027-05', itemNo: 64, historicContractAnnualFee: '1000.00', compressionRatio: '0', vouchers: [] });
    const cr = computeCentralReview(b.input('2026-10', ASOF));
    expect(cr.items).toEqual([]);
    expect(cr.warnings.map((w) => w.code)).toEqual(['LH-CR-NO-INTERRUPTION']);
    const s = crInput();
    s.review({ kind: 'cr-input', period: '2027-05', itemNo: 63, historicContractAnnualFee: '1.00', compressionRatio: '0', vouchers: [{ ref: 'V9', amount: '9000.00', submittedAt: at('2027-05-01'), accepted: true }] });
    const surplus = computeCentralReview(s.input('2026-10', ASOF));
    expect(surplus.netFen).toBe(0n);
    expect(surplus.surplusFen).toBeGreaterThan(0n);
  });
});
