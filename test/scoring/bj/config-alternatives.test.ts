import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/ledger/index.ts';
import {
  BJ_CONFIG_DEFAULTS,
  BjConfigError,
  bjPeriods,
  bjTailEffect,
  resolveBjConfig,
  scoreBjPeriod,
  windowOf,
} from '../../../src/scoring/bj/index.ts';
import type { BjInputBuilder } from './builders.ts';
import { BjInputBuilder as Builder, bjRegistry, datesFrom, november2026 } from './builders.ts';

// Every key of spec §9 `bj`, each alternative with a test that shows its effect.

const pts = (l: Ledger, id: string): string | undefined => l.rules.find((r) => r.ruleId === id)?.points;
const score = (b: BjInputBuilder, period: string, bj: Record<string, unknown> = {}, asOf?: string): Ledger =>
  scoreBjPeriod(b.input(period, { registry: bjRegistry({ bj }), ...(asOf ? { asOf } : {}) }));

describe('config resolution', () => {
  it('the contract config.json equals the spec defaults', () => {
    expect(resolveBjConfig(bjRegistry().config)).toEqual(BJ_CONFIG_DEFAULTS);
    expect(score(november2026(), '2026-11').configNonDefault).toEqual({});
  });
  it('non-default values are listed by dotted key and change the hash', () => {
    const l = score(november2026(), '2026-11', { sickCombine: 'sum', reportDue: { ...BJ_CONFIG_DEFAULTS.reportDue, monthly: 'WM(next,5)' } });
    expect(l.configNonDefault).toEqual({ 'bj.sickCombine': 'sum', 'bj.reportDue.monthly': 'WM(next,5)' });
    expect(l.configHash).not.toBe(score(november2026(), '2026-11').configHash);
  });
  it.each([
    ['periodMode', 'service-month'],
    ['faultLevels', 'custom'],
    ['sickCombine', 'min'],
    ['pageInspectionDays', 'weekly'],
    ['serviceHours', '8x5'],
    ['reportDue', { weekly: 'WM(next,1)' }],
  ])('rejects bj.%s = %j', (key, value) => {
    expect(() => resolveBjConfig({ bj: { [key]: value } })).toThrow(BjConfigError);
  });
});

describe('bj.servicePeriod and bj.mergeShortPeriodDays (B1)', () => {
  it('the first period starts with the service (22 days in June 2026)', () => {
    const w = windowOf(bjPeriods(BJ_CONFIG_DEFAULTS), '2026-06');
    expect([w.firstDay, w.days]).toEqual(['2026-06-09', 22]);
    const moved = windowOf(bjPeriods(resolveBjConfig({ bj: { servicePeriod: ['2026-06-01', '2027-05-31'] } })), '2026-06');
    expect([moved.firstDay, moved.days]).toEqual(['2026-06-01', 30]);
  });
  it('page checks are required from the service start only', () => {
    const b = new Builder();
    const asOf = '2026-07-01T00:00:00+08:00';
    // 22 days (06-09 … 06-30) and 3 ISO weeks (Thursdays 06-11, 06-18, 06-25) versus 30 days and 4 weeks.
    expect(pts(score(b, '2026-06', {}, asOf), 'BJ-R29')).toBe('-12.500000');
    expect(pts(score(b, '2026-06', { servicePeriod: ['2026-06-01', '2027-05-31'] }, asOf), 'BJ-R29')).toBe('-17.000000');
  });
  it('a final fragment shorter than 10 days joins May 2027; with 0 it stays its own period', () => {
    const merged = bjPeriods(BJ_CONFIG_DEFAULTS).at(-1);
    expect([merged?.label, merged?.lastDay]).toEqual(['2027-05', '2027-06-09']);
    const own = bjPeriods(resolveBjConfig({ bj: { mergeShortPeriodDays: 0 } })).at(-1);
    expect([own?.label, own?.firstDay, own?.lastDay]).toEqual(['2027-06', '2027-06-01', '2027-06-09']);
  });
});

describe('bj.acceptanceAggregation (B1): the provisional tail exposure on the scorecard', () => {
  it('day-weighted mean of the periods so far, last period only, or one scorecard of the whole window', () => {
    // June–October have no evidence (R29 misses every day), November is the §7.4 month.
    const grade = (acceptanceAggregation: string): string | undefined => score(november2026(), '2026-11', { acceptanceAggregation }).money.tail?.grade;
    expect(grade('day-weighted-mean')).toBe('良好');
    expect(grade('last-period')).toBe('优秀');
    expect(grade('single-annual-period')).toBe('不合格');
  });
});

describe('bj.clampTotal (B2)', () => {
  it('no clamp by default (scores above 100 stay); {min 0, max 100} clamps', () => {
    const b = november2026();
    for (const i of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      b.add('suggestion', '2026-11', { context: 'emergency', contentZh: `建议 ${i}`, submittedAt: `2026-11-0${i}T09:00:00+08:00`, adoptedAt: `2026-11-0${i}T17:00:00+08:00` });
    }
    expect(score(b, '2026-11').package.score).toBe('104.000000');
    expect(score(b, '2026-11', { clampTotal: { min: 0, max: 100 } }).package.score).toBe('100.000000');
  });
});

describe('bj.tailRefundTrigger, bj.failTailRate, bj.tailSettlementDate (B4)', () => {
  it('always: the refund applies without an acceptance decision', () => {
    expect(score(november2026(), '2026-11').money.tail?.refundAppliedFen).toBe(0);
    const t = score(november2026(), '2026-11', { tailRefundTrigger: 'always' }).money.tail;
    expect([t?.grade, t?.refundAppliedFen]).toEqual(['良好', 3_177_000]);
  });
  it('failTailRate sets the 不合格 refund', () => {
    const cfg = resolveBjConfig({ bj: { failTailRate: 0.5 } });
    expect(bjTailEffect('不合格', { passed: false, refundApplied: true }, cfg).refundAppliedFen).toBe(7_942_500n);
    expect(bjTailEffect('不合格', { passed: false, refundApplied: true }, BJ_CONFIG_DEFAULTS).refundAppliedFen).toBe(15_885_000n);
  });
  it('the period containing tailSettlementDate carries the settlement notice', () => {
    const has = (l: Ledger): boolean => l.warnings.some((w) => w.code === 'bj/tail-settlement');
    expect(has(score(november2026(), '2026-11'))).toBe(false);
    expect(has(score(november2026(), '2026-11', { tailSettlementDate: '2026-11-30' }))).toBe(true);
  });
});

describe('bj.serviceHours (B7)', () => {
  it('a weekend outage counts under 24x7 but not under working-day office hours', () => {
    const b = new Builder();
    b.add('availability', '2026-11', {
      target: { type: 'system', id: 'BJ-SYS1' },
      windowStart: '2026-11-01T00:00:00+08:00',
      windowEnd: '2026-12-01T00:00:00+08:00',
      serviceHours: '24x7',
      plannedDowntime: [],
      outages: [{ start: '2026-11-21T08:00:00+08:00', end: '2026-11-21T16:00:00+08:00', devicesAffected: 1, cause: '宕机', controllable: true }],
      dataSource: { systemZh: '监控', sha256: 'cd'.repeat(32) },
    });
    expect(pts(score(b, '2026-11'), 'BJ-R42')).toBe('-0.500000');
    expect(pts(score(b, '2026-11', { serviceHours: { days: 'working', from: '09:00', to: '18:00' } }), 'BJ-R42')).toBe('1.000000');
  });
});

describe('bj.pageInspectionDays (B25)', () => {
  it('calendar: weekends need a page check; working: they do not', () => {
    const b = new Builder();
    const working = datesFrom('2026-11-01', '2026-11-30').filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    b.pageChecks('2026-11', working);
    b.serverChecks('2026-11', ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24']);
    expect(pts(score(b, '2026-11'), 'BJ-R29')).toBe('-4.500000');
    expect(pts(score(b, '2026-11', { pageInspectionDays: 'working' }), 'BJ-R29')).toBe('0.000000');
  });
});

describe('bj.deadlineTime, bj.reportDue, bj.annualReportDue, bj.requiredReports (B13, B26)', () => {
  it('deadlineTime moves the deadline within the due day', () => {
    const b = new Builder();
    b.add('report', '2026-11', { reportType: 'monthly', coversFrom: '2026-10-01', coversTo: '2026-10-31', submittedAt: '2026-11-04T20:00:00+08:00' });
    expect(pts(score(b, '2026-11'), 'BJ-R16')).toBe('0.000000');
    expect(pts(score(b, '2026-11', { deadlineTime: '18:00:00' }), 'BJ-R16')).toBe('-0.500000');
  });
  it('reportDue.monthly WM(next,5) and reportDue.weekly W(weekEnd,2) give later due dates', () => {
    const b = new Builder();
    b.add('report', '2026-11', { reportType: 'monthly', coversFrom: '2026-10-01', coversTo: '2026-10-31', submittedAt: '2026-11-05T09:00:00+08:00' });
    expect(pts(score(b, '2026-11'), 'BJ-R16')).toBe('-0.500000');
    expect(pts(score(b, '2026-11', { reportDue: { ...BJ_CONFIG_DEFAULTS.reportDue, monthly: 'WM(next,5)' } }), 'BJ-R16')).toBe('0.000000');
    const golden = score(november2026(), '2026-11', { reportDue: { ...BJ_CONFIG_DEFAULTS.reportDue, weekly: 'W(weekEnd,2)' } });
    expect([pts(golden, 'BJ-R16'), golden.package.score]).toEqual(['0.000000', '95.500000']);
  });
  it('reportDue.quarterly / halfYear / fault: n-th working day rules', () => {
    const b = new Builder();
    b.add('report', '2026-10', { reportType: 'quarterly', coversFrom: '2026-07-01', coversTo: '2026-09-30', submittedAt: '2026-10-13T09:00:00+08:00' });
    expect(pts(score(b, '2026-10'), 'BJ-R16')).toBe('0.000000');
    const q = score(b, '2026-10', { reportDue: { ...BJ_CONFIG_DEFAULTS.reportDue, quarterly: 'WM(nextQuarter,4)' } });
    expect(q.rules.find((r) => r.ruleId === 'BJ-R16')?.events.find((e) => e.explanationZh.includes('季报'))?.status).toBe('counted');
    const h = new Builder();
    h.add('report', '2026-07', { reportType: 'half-year', coversFrom: '2026-06-09', coversTo: '2026-06-30', submittedAt: '2026-07-07T20:00:00+08:00' });
    h.add('report', '2026-07', { reportType: 'monthly', coversFrom: '2026-06-09', coversTo: '2026-06-30', submittedAt: '2026-07-01T20:00:00+08:00' });
    expect(pts(score(h, '2026-07'), 'BJ-R16')).toBe('0.000000');
    expect(pts(score(h, '2026-07', { reportDue: { ...BJ_CONFIG_DEFAULTS.reportDue, halfYear: 'WM(nextHalf,4)' } }), 'BJ-R16')).toBe('-0.500000');
    const golden = score(november2026(), '2026-11', { reportDue: { ...BJ_CONFIG_DEFAULTS.reportDue, fault: 'W(resolvedDate,1)' } });
    expect(pts(golden, 'BJ-R16')).toBe('-1.000000');
  });
  it('annualReportDue places the annual report (required) in its period', () => {
    const annual = (l: Ledger) => l.checklist.find((c) => c.code === 'BJ-D10')?.noteZh;
    expect(annual(score(november2026(), '2026-11'))).toBeUndefined();
    expect(annual(score(november2026(), '2026-11', { annualReportDue: '2026-11-30' }))).toBe('年终总结报告逾期未交（截止 2026-11-30 23:59:59）');
    expect(pts(score(november2026(), '2026-11', { annualReportDue: '2026-11-30', missingRequiredReport: 'late' }), 'BJ-R16')).toBe('-1.000000');
  });
  it('missingRequiredReport: propose-r13 (default) leaves an R13 draft, late counts R16 at once', () => {
    const b = new Builder();
    const r13Drafts = (l: Ledger) => l.rules.find((r) => r.ruleId === 'BJ-R13')?.events.filter((e) => e.status === 'draft' && e.explanationZh.includes('BJ-D07')).length;
    expect([pts(score(b, '2026-11'), 'BJ-R16'), r13Drafts(score(b, '2026-11'))]).toEqual(['0.000000', 1]);
    expect([pts(score(b, '2026-11', { missingRequiredReport: 'late' }), 'BJ-R16'), r13Drafts(score(b, '2026-11', { missingRequiredReport: 'late' }))]).toEqual(['-0.500000', 0]);
  });
  it('requiredReports: an absent weekly report counts only when weekly is required', () => {
    const b = new Builder();
    b.add('report', '2026-11', { reportType: 'monthly', coversFrom: '2026-10-01', coversTo: '2026-10-31', submittedAt: '2026-11-02T09:00:00+08:00' });
    expect(pts(score(b, '2026-11'), 'BJ-R16')).toBe('0.000000');
    expect(pts(score(b, '2026-11', { requiredReports: ['monthly', 'weekly'], missingRequiredReport: 'late' }), 'BJ-R16')).toBe('-2.500000');
    expect(pts(score(new Builder(), '2026-11', { missingRequiredReport: 'late' }), 'BJ-R16')).toBe('-0.500000');
    expect(pts(score(new Builder(), '2026-11', { requiredReports: [], missingRequiredReport: 'late' }), 'BJ-R16')).toBe('0.000000');
  });
});

describe('bj.onsiteNotice and bj.offsiteNotice (B12)', () => {
  const change = (staffId: string, submittedAt: string): BjInputBuilder => {
    const b = new Builder();
    b.add('staff-change', '2026-11', { staffId, changeType: '调离', submittedAt, effectiveAt: '2026-11-30T09:00:00+08:00', handoverSheet: { sha256: 'ab'.repeat(32), mime: 'application/pdf', titleZh: '交接单' } });
    return b;
  };
  it('off-site staff: 10 days ahead is enough under P7D, not under P14D', () => {
    expect(pts(score(change('BJ-S2', '2026-11-20T09:00:00+08:00'), '2026-11'), 'BJ-R08')).toBe('0.000000');
    expect(pts(score(change('BJ-S2', '2026-11-20T09:00:00+08:00'), '2026-11', { offsiteNotice: 'P14D' }), 'BJ-R08')).toBe('-0.500000');
  });
  it('on-site staff: 20 days ahead is late under P1M, enough under P14D (deadline in the period)', () => {
    expect(pts(score(change('BJ-S1', '2026-11-10T09:00:00+08:00'), '2026-10'), 'BJ-R08')).toBe('-0.500000');
    expect(pts(score(change('BJ-S1', '2026-11-10T09:00:00+08:00'), '2026-11', { onsiteNotice: 'P14D' }), 'BJ-R08')).toBe('0.000000');
  });
});

describe('bj.bonusRequiresEvent (B14)', () => {
  it('false: the R36 bonus also applies in a period without emergency events', () => {
    expect(pts(score(november2026(), '2026-11'), 'BJ-R36')).toBe('0.000000');
    const l = score(november2026(), '2026-11', { bonusRequiresEvent: false });
    expect([pts(l, 'BJ-R36'), l.package.score]).toEqual(['1.000000', '96.000000']);
  });
});

describe('bj.surveyReplyDays (B18) and bj.satisfactionRateLevels (B20)', () => {
  it('an unanswered survey costs 1 once the reply days have passed', () => {
    const b = new Builder();
    b.add('survey', '2026-11', { issuedAt: '2026-11-10T09:00:00+08:00' });
    const asOf = '2026-11-18T00:00:00+08:00';
    expect(pts(score(b, '2026-11', {}, asOf), 'BJ-R50')).toBe('0.000000');
    expect(pts(score(b, '2026-11', { surveyReplyDays: 5 }, asOf), 'BJ-R50')).toBe('-1.000000');
  });
  it('the satisfaction rate counts the configured levels', () => {
    const b = new Builder();
    b.add('survey', '2026-11', { issuedAt: '2026-11-02T09:00:00+08:00', result: '满意' });
    b.add('survey', '2026-11', { issuedAt: '2026-11-09T09:00:00+08:00', result: '基本满意' });
    const has = (l: Ledger): boolean => l.warnings.some((w) => w.code === 'bj/satisfaction-rate');
    expect(has(score(b, '2026-11'))).toBe(true);
    expect(has(score(b, '2026-11', { satisfactionRateLevels: ['非常满意', '满意', '基本满意'] }))).toBe(false);
    expect(pts(score(b, '2026-11'), 'BJ-R50')).toBe('1.000000');
  });
});

describe('bj.faultSla (B24)', () => {
  it('a longer fix time removes the R40 deduction of §7.4', () => {
    const l = score(november2026(), '2026-11', { faultSla: { ...BJ_CONFIG_DEFAULTS.faultSla, fix: 'PT10H' } });
    expect([pts(l, 'BJ-R40'), l.package.score]).toEqual(['0.000000', '95.500000']);
    expect(pts(score(november2026(), '2026-11', { faultSla: { ...BJ_CONFIG_DEFAULTS.faultSla, remoteResponse: 'PT15M' } }), 'BJ-R39')).toBe('-0.500000');
    expect(pts(score(november2026(), '2026-11', { faultSla: { ...BJ_CONFIG_DEFAULTS.faultSla, onSite: 'PT45M' } }), 'BJ-R39')).toBe('-0.500000');
  });
});

describe('bj.ndaScope (B19)', () => {
  it('all-staff requires personal agreements of all five; resident-staff of S1 and S5 only', () => {
    const d15 = (l: Ledger) => l.checklist.filter((c) => c.code === 'BJ-D15' && c.eventRef !== undefined).map((c) => `${c.eventRef}:${c.status}`);
    expect(d15(score(november2026(), '2026-11'))).toEqual(['BJ-S1:present', 'BJ-S2:missing', 'BJ-S3:missing', 'BJ-S4:missing', 'BJ-S5:present']);
    const l = score(november2026(), '2026-11', { ndaScope: 'resident-staff' });
    expect(d15(l)).toEqual(['BJ-S1:present', 'BJ-S5:present']);
    expect(l.warnings.some((w) => w.code === 'bj/nda-missing')).toBe(false);
  });
});

describe('bj.faultLevels (B5) and bj.specialPeriods (B15)', () => {
  it('levels 1 and 2 are taken from the ticket, or a reviewer level-override decision', () => {
    const b = november2026();
    b.review('decision', '2026-11', 'level-1', { decisionType: 'level-override', ticketId: 'bj-kw-2026-p4/2026-11/_pkg/_unit/fault-001', level: 1, reasonZh: '核心业务中断', decidedBy: 'rv-1', decidedAt: '2026-11-13T10:00:00+08:00' });
    const l = scoreBjPeriod(b.input('2026-11'));
    expect([pts(l, 'BJ-R44'), pts(l, 'BJ-R45')]).toEqual(['-10.000000', '0.000000']);
    expect(resolveBjConfig({ bj: {} }).faultLevels).toBe('luohe-a3-definitions');
  });
  it('the designated list (registry.specialPeriods, from the bj.specialPeriods file) decides R26/R27', () => {
    const b = new Builder();
    const sp = { id: 'SP-X', labelZh: '重要会议', kind: 'party-a-notice', from: '2026-11-14', to: '2026-11-15', designatedBy: 'reviewer', confirmed: true, basisZh: '甲方通知', source: 'test' };
    const none = scoreBjPeriod(b.input('2026-11'));
    const designated = scoreBjPeriod(b.input('2026-11', { registry: bjRegistry({ specialPeriods: [sp] }) }));
    expect([pts(none, 'BJ-R26'), pts(designated, 'BJ-R26')]).toEqual(['0.000000', '-1.000000']);
  });
});

describe('engine extensions: bj.drillSchedule, bj.drillMinServiceDays, bj.availabilityTicketDefault', () => {
  it('drillSchedule half-year: December checks the second half of 2026 for a drill; none checks the plan only', () => {
    const b = new Builder();
    b.standingDocs();
    expect(pts(score(b, '2026-12'), 'BJ-R35')).toBe('-1.000000');
    expect(pts(score(b, '2026-12', { drillSchedule: 'none' }), 'BJ-R35')).toBe('0.000000');
    b.add('archive', '2026-10', { docKind: 'BJ-D02', scope: 'package', version: '演练报告', effectiveFrom: '2026-10-20', uploadedAt: '2026-10-21T10:00:00+08:00' });
    expect(pts(score(b, '2026-12'), 'BJ-R35')).toBe('0.000000');
  });
  it('drillMinServiceDays: the 22-day first half of 2026 is checked only below 22', () => {
    const b = new Builder();
    b.add('archive', '2026-06', { docKind: 'BJ-D01', scope: 'package', version: '1.0', effectiveFrom: '2026-06-01', uploadedAt: '2026-06-09T10:00:00+08:00' });
    b.add('archive', '2026-06', { docKind: 'BJ-D02', scope: 'package', version: '演练计划', effectiveFrom: '2026-06-01', uploadedAt: '2026-06-09T10:00:00+08:00' });
    expect(pts(score(b, '2026-06'), 'BJ-R35')).toBe('0.000000');
    expect(pts(score(b, '2026-06', { drillMinServiceDays: 0 }), 'BJ-R35')).toBe('-1.000000');
  });
  it('availabilityTicketDefault: a ticket without downtimeCountsForAvailability counts only with include', () => {
    const b = new Builder();
    b.add('fault', '2026-11', { ticketNo: 'GD-2', systemId: 'BJ-SYS1', level: 3, categoryZh: '系统服务', reportedAt: '2026-11-12T09:00:00+08:00', reportedBy: 'unit', remoteRespondedAt: '2026-11-12T09:10:00+08:00', resolvedAt: '2026-11-12T18:10:00+08:00', causeZh: '—', resolutionZh: '—' });
    expect(pts(score(b, '2026-11'), 'BJ-R42')).toBe('1.000000');
    expect(pts(score(b, '2026-11', { availabilityTicketDefault: 'include' }), 'BJ-R42')).toBe('-0.500000');
  });
});
