import { describe, expect, it } from 'vitest';
import { evaluateBjChecklist } from '../../../src/checklist/bj.ts';
import { scoreBjPeriod } from '../../../src/scoring/bj/index.ts';
import { BjInputBuilder, november2026 } from './builders.ts';

const P = '2026-11';

describe('§6.3 checklist', () => {
  it('November 2026: standing documents, inspections, reports, NDAs, sign-off', () => {
    const l = scoreBjPeriod(november2026().input(P));
    const status = Object.fromEntries(l.checklist.map((c) => [`${c.code}${c.eventRef ? `:${c.eventRef}` : ''}`, c.status]));
    expect(status).toMatchObject({
      'BJ-D01': 'present',
      'BJ-D02': 'present',
      'BJ-D04': 'present',
      'BJ-D05': 'missing',
      'BJ-D06:weekly:2026-W46': 'present',
      'BJ-D07:monthly:2026-10': 'present',
      'BJ-D11:fault:bj-kw-2026-p4/2026-11/_pkg/_unit/fault-001': 'present',
      'BJ-D13': 'present',
      'BJ-D14': 'present',
      'BJ-D15:BJ-S2': 'missing',
      'BJ-D17': 'present',
      'BJ-D20': 'missing',
    });
    expect(l.checklist.every((c) => c.scored === false)).toBe(true);
    expect(l.checklist.find((c) => c.code === 'BJ-D05')?.noteZh).toBe('应巡检 4 周，已巡检 3 周；漏检：第 47 周（2026-11-16 至 2026-11-22）');
    expect(evaluateBjChecklist(november2026().input(P))).toEqual(l.checklist);
  });

  it('a missing register proposes a BJ-R13 draft that does not count until a reviewer confirms it', () => {
    const b = new BjInputBuilder();
    const l = scoreBjPeriod(b.input(P));
    const r13 = l.rules.find((r) => r.ruleId === 'BJ-R13');
    expect(r13?.points).toBe('0.000000');
    expect(r13?.events.map((e) => [e.status, e.points, e.explanationZh.split('，')[0]])).toEqual([
      ['draft', '-0.500000', '考核期应交资料 BJ-D07 2026 年 10 月月报逾期未交（截止 2026-11-04 23:59:59）'],
      ['draft', '-0.500000', '考核期应交资料 BJ-D13“资产表及资产盘点记录”缺失'],
      ['draft', '-0.500000', '考核期应交资料 BJ-D14“项目人员名单及人员变动交接单”缺失'],
      ['draft', '-0.500000', '考核期应交资料 BJ-D17“可用性、故障率及故障响应率统计”缺失'],
    ]);
    b.review('event', P, 'r13-confirm', { ruleId: 'BJ-R13', occurredAt: '2026-11-30T10:00:00+08:00', descriptionZh: '确认资产表缺失', evidence: [], status: 'final', proposedBy: 'reviewer' });
    expect(scoreBjPeriod(b.input(P)).rules.find((r) => r.ruleId === 'BJ-R13')?.points).toBe('-0.500000');
  });

  it('acceptance materials are checked in the period of the acceptance decision', () => {
    const b = november2026();
    b.review('acceptance', P, 'acc', { passed: true, refundApplied: false, decidedAt: '2026-11-30T10:00:00+08:00' });
    b.add('archive', P, { docKind: 'BJ-D19', scope: 'package', version: '1', effectiveFrom: '2026-11-20', uploadedAt: '2026-11-20T10:00:00+08:00' });
    const c = scoreBjPeriod(b.input(P)).checklist;
    expect(c.filter((x) => x.code === 'BJ-D19' || x.code === 'BJ-D21').map((x) => [x.code, x.status])).toEqual([
      ['BJ-D19', 'present'],
      ['BJ-D21', 'missing'],
    ]);
  });

  it('special periods, surveys, drills and deliverables appear when due', () => {
    const b = new BjInputBuilder();
    b.standingDocs();
    b.add('survey', '2026-09', { issuedAt: '2026-09-10T09:00:00+08:00' });
    b.add('archive', '2026-09', { docKind: 'BJ-D12', scope: 'package', version: '1', effectiveFrom: '2026-09-01', uploadedAt: '2026-09-02T10:00:00+08:00' });
    b.add('special-period', '2026-09', { specialPeriodId: 'SP-2026-zhongqiu', labelZh: '中秋节', window: { start: '2026-09-25T00:00:00+08:00', end: '2026-09-28T00:00:00+08:00' }, planSubmittedAt: '2026-09-20T10:00:00+08:00', plan: { sha256: 'ab'.repeat(32), mime: 'application/pdf', titleZh: '保障计划' }, accidents: [] });
    const l = scoreBjPeriod(b.input('2026-09'));
    expect(l.checklist.filter((x) => ['BJ-D03', 'BJ-D12', 'BJ-D18'].includes(x.code)).map((x) => [x.code, x.status, x.eventRef ?? null])).toEqual([
      ['BJ-D03', 'present', 'SP-2026-zhongqiu'],
      ['BJ-D12', 'present', null],
      ['BJ-D18', 'missing', 'bj-kw-2026-p4/2026-09/_pkg/_unit/survey-001'],
    ]);
    expect(l.rules.find((r) => r.ruleId === 'BJ-R27')?.points).toBe('1.000000');
    expect(l.rules.find((r) => r.ruleId === 'BJ-R50')?.points).toBe('-1.000000');
  });
});
