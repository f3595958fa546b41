import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/ledger/index.ts';
import { bjGradeOf, buildContext, reportInstancesDue, scoreBjPeriod } from '../../../src/scoring/bj/index.ts';
import { BjInputBuilder, bjRegistry, november2026 } from './builders.ts';

const rule = (l: Ledger, id: string) => l.rules.find((r) => r.ruleId === id);
const pts = (l: Ledger, id: string): string | undefined => rule(l, id)?.points;

describe('grade bands (spec §5.2, §5.4)', () => {
  it.each([
    ['100', '优秀'],
    ['95', '优秀'],
    ['94.999999', '良好'],
    ['80', '良好'],
    ['79.999999', '合格'],
    ['70', '合格'],
    ['69.999999', '基本合格'],
    ['60', '基本合格'],
    ['59.999999', '不合格'],
    ['-3', '不合格'],
  ])('%s → %s', (score, grade) => {
    expect(bjGradeOf(score)).toBe(grade);
    expect(bjGradeOf(score, bjRegistry().contract.acceptance?.grades)).toBe(grade);
  });

  it('on a ledger: 95 − 0.5 (R11) = 94.5 良好; 95 − 20 (R24) + 5 × 1 (R38) = 80 良好', () => {
    const b = november2026();
    b.review('event', '2026-11', 'ev-r11', { ruleId: 'BJ-R11', occurredAt: '2026-11-20T10:00:00+08:00', descriptionZh: '变更未走审批', evidence: [], status: 'final', proposedBy: 'reviewer' });
    expect(scoreBjPeriod(b.input('2026-11')).package).toEqual({ score: '94.500000', grade: '良好' });

    const c = november2026();
    c.review('event', '2026-11', 'ev-r24', { ruleId: 'BJ-R24', occurredAt: '2026-11-20T10:00:00+08:00', descriptionZh: '误操作影响业务，处级领导点名批评', evidence: [], points: '-20', status: 'final', proposedBy: 'reviewer' });
    for (const i of [1, 2, 3, 4, 5]) {
      c.add('suggestion', '2026-11', { context: 'emergency', contentZh: `建议 ${i}`, submittedAt: `2026-11-0${i}T09:00:00+08:00`, adoptedAt: `2026-11-0${i}T17:00:00+08:00` });
    }
    const l = scoreBjPeriod(c.input('2026-11'));
    expect([pts(l, 'BJ-R24'), pts(l, 'BJ-R38'), l.package.score, l.package.grade]).toEqual(['-20.000000', '5.000000', '80.000000', '良好']);
  });
});

describe('late arrival and early leave at 60 / 61 minutes (B11)', () => {
  const one = (type: 'late' | 'early-leave', minutes: number): Ledger => {
    const b = new BjInputBuilder();
    b.add('attendance', '2026-11', { staffId: 'BJ-S5', date: '2026-11-10', type, minutes, sourceZh: '门禁' });
    return scoreBjPeriod(b.input('2026-11'));
  };
  it('late 60 min is 迟到 (R01 −0.5), 61 min is 旷工 (R07 −2)', () => {
    expect([pts(one('late', 60), 'BJ-R01'), pts(one('late', 60), 'BJ-R07')]).toEqual(['-0.500000', '0.000000']);
    expect([pts(one('late', 61), 'BJ-R01'), pts(one('late', 61), 'BJ-R07')]).toEqual(['0.000000', '-2.000000']);
  });
  it('early leave 60 min is 早退 (R02 −0.5), 61 min is 旷工 (R07 −2)', () => {
    expect([pts(one('early-leave', 60), 'BJ-R02'), pts(one('early-leave', 60), 'BJ-R07')]).toEqual(['-0.500000', '0.000000']);
    expect([pts(one('early-leave', 61), 'BJ-R02'), pts(one('early-leave', 61), 'BJ-R07')]).toEqual(['0.000000', '-2.000000']);
  });
});

describe('sick leave: individual (R03) versus team (R04), bj.sickCombine (B10)', () => {
  const sick = (days: Record<string, number>, sickCombine: 'max' | 'sum' = 'max'): Ledger => {
    const b = new BjInputBuilder();
    for (const [staffId, n] of Object.entries(days)) b.add('attendance', '2026-11', { staffId, date: '2026-11-16', type: 'sick-leave', sickDays: n, sourceZh: '请假单' });
    return scoreBjPeriod(b.input('2026-11', { registry: bjRegistry({ bj: { sickCombine } }) }));
  };
  it('§7.4: S1 4 days, team 4 → individual −0.5, team 0', () => {
    const l = sick({ 'BJ-S1': 4 });
    expect([pts(l, 'BJ-R03'), pts(l, 'BJ-R04')]).toEqual(['-0.500000', '0.000000']);
  });
  it('exactly at the allowances (3 each, team 6 → 1 excess day): only the team rule deducts', () => {
    const l = sick({ 'BJ-S1': 3, 'BJ-S5': 3 });
    expect([pts(l, 'BJ-R03'), pts(l, 'BJ-R04')]).toEqual(['0.000000', '-0.500000']);
  });
  it('individual larger: S1 7 days (−2) vs team 7 (−1) → max keeps R03', () => {
    const l = sick({ 'BJ-S1': 7 });
    expect([pts(l, 'BJ-R03'), pts(l, 'BJ-R04')]).toEqual(['-2.000000', '0.000000']);
    expect(rule(l, 'BJ-R04')?.events[0]?.status).toBe('informational');
    expect(rule(l, 'BJ-R04')?.events[0]?.explanationZh).toMatch(/取较大者/);
  });
  it('team larger: S1 5 (−1), S5 4 (−0.5) vs team 9 (−2) → max keeps R04', () => {
    const l = sick({ 'BJ-S1': 5, 'BJ-S5': 4 });
    expect([pts(l, 'BJ-R03'), pts(l, 'BJ-R04')]).toEqual(['0.000000', '-2.000000']);
  });
  it('tie: S1 5 (−1) vs team 7 (−1) → the individual deduction is kept', () => {
    const l = sick({ 'BJ-S1': 5, 'BJ-S5': 2 });
    expect([pts(l, 'BJ-R03'), pts(l, 'BJ-R04')]).toEqual(['-1.000000', '0.000000']);
  });
  it('sum: both rules count', () => {
    const l = sick({ 'BJ-S1': 5, 'BJ-S5': 4 }, 'sum');
    expect([pts(l, 'BJ-R03'), pts(l, 'BJ-R04')]).toEqual(['-1.500000', '-2.000000']);
  });
  it('a one-person resident team has no team rule', () => {
    const b = new BjInputBuilder();
    b.add('attendance', '2026-11', { staffId: 'BJ-S1', date: '2026-11-16', type: 'sick-leave', sickDays: 9, sourceZh: '请假单' });
    const registry = bjRegistry({ staff: (s) => s.map((x) => (x.id === 'BJ-S5' ? { ...x, resident: false } : x)) });
    const l = scoreBjPeriod(b.input('2026-11', { registry }));
    expect([pts(l, 'BJ-R03'), pts(l, 'BJ-R04')]).toEqual(['-3.000000', '0.000000']);
  });
});

describe('report due dates across 国庆 with 调休 (spec §5.8)', () => {
  const october = (submittedAt?: string): BjInputBuilder => {
    const b = new BjInputBuilder();
    if (submittedAt) b.add('report', '2026-10', { reportType: 'monthly', coversFrom: '2026-09-01', coversTo: '2026-09-30', submittedAt });
    return b;
  };
  it('the September 2026 monthly report is due WM(2026-10, 3) = Sat 2026-10-10 (make-up working day)', () => {
    const ctx = buildContext(october().input('2026-10'), '2026-10');
    const due = reportInstancesDue(ctx);
    expect(due.find((i) => i.key === 'monthly:2026-09')?.dueDate).toBe('2026-10-10');
    expect(due.find((i) => i.key === 'quarterly:2026-Q3')).toBeUndefined(); // quarterly: not required, not submitted
    expect(ctx.calendar.nthWorkingDayOfMonth(2026, 10, 5)).toBe('2026-10-13');
    expect(ctx.calendar.nthWorkingDayAfter('2026-10-04', 1)).toBe('2026-10-08'); // weekly report of ISO week 40
  });
  it('submitted 2026-10-10 23:59:59 is on time, 2026-10-11 00:00:00 is late', () => {
    const r16 = (at: string) => rule(scoreBjPeriod(october(at).input('2026-10')), 'BJ-R16')?.events.find((e) => e.explanationZh.startsWith('2026 年 9 月月报'));
    expect(r16('2026-10-10T23:59:59+08:00')?.status).toBe('informational');
    const late = r16('2026-10-11T00:00:00+08:00');
    expect([late?.status, late?.points]).toEqual(['counted', '-0.500000']);
    expect(late?.explanationZh).toBe('2026 年 9 月月报应于 2026-10-10 23:59:59 前提交，实际 2026-10-11 00:00 提交，扣 0.5 分');
  });
  it('a required report never submitted: a BJ-R13 proposal once its deadline has passed (§6.3)', () => {
    const l = scoreBjPeriod(october().input('2026-10', { asOf: '2026-10-11T00:00:00+08:00' }));
    expect(rule(l, 'BJ-R16')?.events.find((e) => e.explanationZh.startsWith('2026 年 9 月月报'))?.status).toBe('informational');
    const proposal = rule(l, 'BJ-R13')?.events.find((e) => e.explanationZh.includes('月报'));
    expect([proposal?.status, proposal?.points, proposal?.explanationZh]).toEqual([
      'draft',
      '-0.500000',
      '考核期应交资料 BJ-D07 2026 年 9 月月报逾期未交（截止 2026-10-10 23:59:59），拟扣 0.5 分（系统提出，待审核人员以 BJ-R13 审核事件确认）',
    ]);
    const early = scoreBjPeriod(october().input('2026-10', { asOf: '2026-10-10T12:00:00+08:00' }));
    expect(rule(early, 'BJ-R16')?.events.some((e) => e.explanationZh.startsWith('2026 年 9 月月报'))).toBe(false);
    expect(rule(early, 'BJ-R13')?.events.some((e) => e.explanationZh.includes('月报'))).toBe(false);
  });
  it('the weekly report example of §7.4 reads as in the spec', () => {
    const e = rule(scoreBjPeriod(november2026().input('2026-11')), 'BJ-R16')?.events.find((x) => x.status === 'counted');
    expect(e?.explanationZh).toBe('第 46 周周报（2026-11-09 至 2026-11-15）应于 2026-11-16 23:59:59 前提交，实际 2026-11-17 09:12 提交，扣 0.5 分');
    expect(e?.evidence).toEqual([{ id: 'bj-kw-2026-p4/2026-11/_pkg/_unit/report-003', file: 'content/evidence/bj-kw-2026-p4/2026-11/_pkg/_unit/report-003.json', line: 5 }]);
  });
});

describe('fault SLA boundaries (spec §5.6)', () => {
  const ticket = (fields: Record<string, unknown>): Ledger => {
    const b = new BjInputBuilder();
    b.add('fault', '2026-11', {
      ticketNo: 'GD-1',
      level: 4,
      categoryZh: '系统服务',
      reportedAt: '2026-11-12T09:00:00+08:00',
      notifiedAt: '2026-11-12T09:00:00+08:00',
      reportedBy: 'unit',
      remoteRespondedAt: '2026-11-12T09:10:00+08:00',
      resolvedAt: '2026-11-12T10:00:00+08:00',
      causeZh: '—',
      resolutionZh: '—',
      ...fields,
    } as never);
    return scoreBjPeriod(b.input('2026-11'));
  };
  it('R39 remote response at exactly 30 min is on time, 30 min + 1 s is late', () => {
    expect(pts(ticket({ remoteRespondedAt: '2026-11-12T09:30:00+08:00' }), 'BJ-R39')).toBe('0.000000');
    expect(pts(ticket({ remoteRespondedAt: '2026-11-12T09:30:01+08:00' }), 'BJ-R39')).toBe('-0.500000');
  });
  it('R39 on-site at exactly 1 h is on time, 1 h + 1 s is late; both late is one deduction', () => {
    expect(pts(ticket({ onSiteRequired: true, onSiteArrivedAt: '2026-11-12T10:00:00+08:00' }), 'BJ-R39')).toBe('0.000000');
    expect(pts(ticket({ onSiteRequired: true, onSiteArrivedAt: '2026-11-12T10:00:01+08:00' }), 'BJ-R39')).toBe('-0.500000');
    expect(pts(ticket({ remoteRespondedAt: '2026-11-12T09:45:00+08:00', onSiteRequired: true, onSiteArrivedAt: '2026-11-12T11:00:00+08:00' }), 'BJ-R39')).toBe('-0.500000');
  });
  it('R40 resolution at exactly 8 h is on time, 8 h + 1 s is late, third-party vendor cases are exempt', () => {
    expect(pts(ticket({ resolvedAt: '2026-11-12T17:00:00+08:00' }), 'BJ-R40')).toBe('0.000000');
    const late = ticket({ resolvedAt: '2026-11-12T17:00:01+08:00' });
    expect(pts(late, 'BJ-R40')).toBe('-0.500000');
    expect(rule(late, 'BJ-R40')?.events[0]?.explanationZh).toBe('故障工单 GD-1 于 2026-11-12 09:00 接到通知，2026-11-12 17:00:01 解决，用时 8 小时 1 秒，超过 8 小时，扣 0.5 分');
    expect(pts(ticket({ resolvedAt: '2026-11-13T17:00:00+08:00', thirdPartyVendor: true }), 'BJ-R40')).toBe('0.000000');
  });
  it('an unresolved ticket breaches R40 once 8 h have passed', () => {
    expect(pts(ticket({ resolvedAt: undefined }), 'BJ-R40')).toBe('-0.500000');
  });
});
