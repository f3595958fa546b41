import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/ledger/index.ts';
import { rankingPoints, scoreBjPeriod } from '../../../src/scoring/bj/index.ts';
import { attachment, BjInputBuilder, bjRegistry, november2026 } from './builders.ts';

const P = '2026-11';
const rule = (l: Ledger, id: string) => l.rules.find((r) => r.ruleId === id);
const pts = (l: Ledger, id: string): string | undefined => rule(l, id)?.points;
const run = (b: BjInputBuilder, asOf?: string): Ledger => scoreBjPeriod(b.input(P, asOf ? { asOf } : {}));

describe('rules are read from rules.json', () => {
  it('points and caps come from the data', () => {
    const registry = bjRegistry({
      rules: (rules) => rules.map((r) => (r.id === 'BJ-R01' ? { ...r, points: '-1' } : r.id === 'BJ-R28' ? { ...r, capPerPeriod: { max: '1' } } : r)),
    });
    const l = scoreBjPeriod(november2026().input(P, { registry }));
    expect([pts(l, 'BJ-R01'), pts(l, 'BJ-R28'), rule(l, 'BJ-R28')?.cap]).toEqual(['-2.000000', '1.000000', { max: '1.000000' }]);
    expect(rule(l, 'BJ-R28')?.events.at(-1)?.explanationZh).toBe('每考核期最多加 1 分：合计 2 分按上限计为 1 分');
  });
  it('each rule carries its clause and label from rules.json', () => {
    const r16 = rule(scoreBjPeriod(november2026().input(P)), 'BJ-R16');
    expect([r16?.clause, r16?.labelZh, r16?.events[0]?.clause]).toEqual(["BJ T '文档及时性' (002:L448)", '文档及时性', "BJ T '文档及时性' (002:L448)"]);
  });
  it('a rule table without a trigger the engine needs is an error with a hint', () => {
    const registry = bjRegistry({ rules: (rules) => rules.filter((r) => r.id !== 'BJ-R01') });
    expect(() => scoreBjPeriod(november2026().input(P, { registry }))).toThrow(/attendance\.late.*rules\.json/);
  });
});

describe('attendance R05–R10', () => {
  it('off-post, chatting with a complaint, absence, vacancy days and dress code', () => {
    const b = new BjInputBuilder();
    const a = (type: string, extra: Record<string, unknown> = {}) => b.add('attendance', P, { staffId: 'BJ-S5', date: '2026-11-10', type, sourceZh: '考勤', ...extra } as never);
    a('off-post');
    a('chatting-noise', { complaintRef: '投诉-2026-11-03' });
    a('chatting-noise', { complaintRef: ' ' });
    a('absent');
    a('vacancy-day');
    a('vacancy-day', { date: '2026-11-11' });
    a('dress-code');
    const l = run(b);
    expect(['BJ-R05', 'BJ-R06', 'BJ-R07', 'BJ-R09', 'BJ-R10'].map((id) => pts(l, id))).toEqual(['-0.500000', '-0.500000', '-2.000000', '-1.000000', '-0.500000']);
  });
  it('records of non-resident staff are shown but do not count', () => {
    const b = new BjInputBuilder();
    b.add('attendance', P, { staffId: 'BJ-S2', date: '2026-11-10', type: 'late', minutes: 20, sourceZh: '考勤' });
    const l = run(b);
    expect([pts(l, 'BJ-R01'), rule(l, 'BJ-R01')?.events[0]?.status]).toEqual(['0.000000', 'informational']);
    expect(l.warnings.map((w) => w.code)).toContain('bj/attendance-not-resident');
  });
});

describe('documents R12–R18', () => {
  it('R12: overdue tasks, done by completion or feedback', () => {
    const b = new BjInputBuilder();
    b.add('task', P, { titleZh: '接口改造', assignedAt: '2026-11-02T09:00:00+08:00', dueAt: '2026-11-05T18:00:00+08:00', feedbackAt: '2026-11-05T17:00:00+08:00' });
    b.add('task', P, { titleZh: '数据核查', assignedAt: '2026-11-02T09:00:00+08:00', dueAt: '2026-11-05T18:00:00+08:00', completedAt: '2026-11-06T10:00:00+08:00' });
    b.add('task', P, { titleZh: '账号清理', assignedAt: '2026-11-02T09:00:00+08:00', dueAt: '2026-11-20T18:00:00+08:00' });
    expect(pts(run(b), 'BJ-R12')).toBe('-1.000000');
    expect(pts(run(b, '2026-11-20T12:00:00+08:00'), 'BJ-R12')).toBe('-0.500000');
  });
  it('R13–R15, R17, R18 from doc-quality reviews; typos per document ceil(n/5) × 0.5; R17 once per period', () => {
    const b = new BjInputBuilder();
    const doc = b.add('report', P, { reportType: 'monthly', coversFrom: '2026-10-01', coversTo: '2026-10-31', submittedAt: '2026-11-02T09:00:00+08:00', typoCount: 99 });
    b.review('doc-quality', P, 'dq-1', { documentId: doc.id, reviewedAt: '2026-11-06T10:00:00+08:00', typoCount: 4, inaccuracies: ['可用率 99.9% 与监控不符'], missingSections: ['故障统计', '下月计划'] });
    b.review('doc-quality', P, 'dq-2', { documentId: doc.id, reviewedAt: '2026-11-08T10:00:00+08:00', typoCount: 2, filingFindings: [{ rule: '分类保管', descZh: '巡检报告未归档' }, { rule: '分类保管', descZh: '周报未分类' }, { rule: '规范落实', descZh: '命名不规范' }] });
    b.review('doc-quality', P, 'dq-3', { reviewedAt: '2026-11-09T10:00:00+08:00', typoCount: 5 });
    const l = run(b);
    expect(['BJ-R13', 'BJ-R14', 'BJ-R15', 'BJ-R17', 'BJ-R18'].map((id) => pts(l, id))).toEqual(['-1.000000', '-0.500000', '-1.500000', '-0.500000', '-0.500000']);
    expect(rule(l, 'BJ-R15')?.events.map((e) => e.explanationZh)).toContain(
      `文档 ${doc.id}（monthly 报告，2026-10-01 至 2026-10-31）错别字 6 个，每 5 个扣一次、不足 5 个按 5 个算，计 2 次，扣 1 分`,
    );
    expect(rule(l, 'BJ-R17')?.events.filter((e) => e.status === 'counted')).toHaveLength(1);
  });
  it("the vendor's own typo count is not scored without a reviewer record", () => {
    const b = new BjInputBuilder();
    b.add('report', P, { reportType: 'monthly', coversFrom: '2026-10-01', coversTo: '2026-10-31', submittedAt: '2026-11-02T09:00:00+08:00', typoCount: 12 });
    const l = run(b);
    expect([pts(l, 'BJ-R15'), l.warnings.some((w) => w.code === 'bj/doc-quality-unreviewed')]).toEqual(['0.000000', true]);
  });
});

describe('assets R19–R21', () => {
  it('inventory missed, human loss, register updated within 7 days (civil-code)', () => {
    const b = new BjInputBuilder();
    b.add('asset', P, { occurredAt: '2026-11-01T09:00:00+08:00', recordType: 'inventory', assetZh: '服务器', inventory: { scheduledBy: '2026-11-15T18:00:00+08:00' } });
    b.add('asset', P, { occurredAt: '2026-11-03T09:00:00+08:00', recordType: 'loss', assetZh: '笔记本', loss: { date: '2026-11-03', cause: 'human' } });
    b.add('asset', P, { occurredAt: '2026-11-04T09:00:00+08:00', recordType: 'loss', assetZh: '硬盘', loss: { date: '2026-11-04', cause: 'other' } });
    b.add('asset', P, { occurredAt: '2026-11-02T10:00:00+08:00', recordType: 'change', assetZh: '交换机', change: { confirmedAt: '2026-11-02T10:00:00+08:00', ledgerUpdatedAt: '2026-11-09T23:59:59+08:00' } });
    b.add('asset', P, { occurredAt: '2026-11-02T10:00:00+08:00', recordType: 'change', assetZh: '防火墙', change: { confirmedAt: '2026-11-02T10:00:00+08:00', ledgerUpdatedAt: '2026-11-10T00:00:00+08:00' } });
    const l = run(b);
    expect(['BJ-R19', 'BJ-R20', 'BJ-R21'].map((id) => pts(l, id))).toEqual(['-0.500000', '-1.000000', '-0.500000']);
  });
});

describe('assurance R22/R23 (threshold bands from rules.json)', () => {
  const task = (level: '重要保障' | '一般保障', downMinutes: number, controllable = true): Ledger => {
    const b = new BjInputBuilder();
    const t = b.add('assurance', P, { levelZh: level, window: { start: '2026-11-10T00:00:00+08:00', end: '2026-11-10T10:00:00+08:00' }, labelZh: '年度工作会' });
    const outages = downMinutes === 0 ? [] : [{ start: '2026-11-10T01:00:00+08:00', end: new Date(Date.parse('2026-11-10T01:00:00+08:00') + downMinutes * 60_000).toISOString(), devicesAffected: 1, cause: '中断', controllable }];
    b.add('availability', P, { target: { type: 'assurance-task', id: t.id }, windowStart: '2026-11-10T00:00:00+08:00', windowEnd: '2026-11-10T10:00:00+08:00', serviceHours: '24x7', plannedDowntime: [], outages, dataSource: { systemZh: '监控', sha256: 'cd'.repeat(32) } });
    return run(b);
  };
  it('重要保障: 100% +0.5, 99.5% 0, exactly 99% −0.5, exactly 90% −0.5, below 90% −1', () => {
    expect(pts(task('重要保障', 0), 'BJ-R22')).toBe('0.500000');
    expect(pts(task('重要保障', 3), 'BJ-R22')).toBe('0.000000');
    expect(pts(task('重要保障', 6), 'BJ-R22')).toBe('-0.500000');
    expect(pts(task('重要保障', 60), 'BJ-R22')).toBe('-0.500000');
    expect(pts(task('重要保障', 61), 'BJ-R22')).toBe('-1.000000');
  });
  it('一般保障: exactly 90% −0.5 and 80% −0.5; uncontrollable interruptions do not count', () => {
    expect(pts(task('一般保障', 60), 'BJ-R23')).toBe('-0.500000');
    expect(pts(task('一般保障', 120), 'BJ-R23')).toBe('-0.500000');
    expect(pts(task('一般保障', 121), 'BJ-R23')).toBe('-1.000000');
    expect(pts(task('一般保障', 121, false), 'BJ-R23')).toBe('0.500000');
  });
  it('a task without availability data blocks the period', () => {
    const b = new BjInputBuilder();
    b.add('assurance', P, { levelZh: '重要保障', window: { start: '2026-11-10T00:00:00+08:00', end: '2026-11-10T10:00:00+08:00' }, labelZh: '会议' });
    expect(run(b).blockers.map((x) => x.code)).toEqual(['bj/assurance-no-availability']);
  });
});

describe('special periods R26–R28', () => {
  const sp = { id: 'SP-1', labelZh: '重要会议', kind: 'party-a-notice', from: '2026-11-14', to: '2026-11-15', designatedBy: 'reviewer', confirmed: true, basisZh: '甲方通知', source: 'test' };
  const registry = bjRegistry({ specialPeriods: [sp] });
  it('plan before the start and no accident: +1; late plan −1; human accidents −1 each and no bonus', () => {
    const ok = new BjInputBuilder();
    ok.add('special-period', P, { specialPeriodId: 'SP-1', labelZh: '重要会议', window: { start: '2026-11-14T00:00:00+08:00', end: '2026-11-16T00:00:00+08:00' }, plan: attachment('保障计划'), planSubmittedAt: '2026-11-12T10:00:00+08:00', accidents: [] });
    const l = scoreBjPeriod(ok.input(P, { registry }));
    expect([pts(l, 'BJ-R26'), pts(l, 'BJ-R27')]).toEqual(['0.000000', '1.000000']);

    const bad = new BjInputBuilder();
    bad.add('special-period', P, {
      specialPeriodId: 'SP-1',
      labelZh: '重要会议',
      window: { start: '2026-11-14T00:00:00+08:00', end: '2026-11-16T00:00:00+08:00' },
      plan: attachment('保障计划'),
      planSubmittedAt: '2026-11-14T10:00:00+08:00',
      accidents: [
        { occurredAt: '2026-11-14T12:00:00+08:00', descZh: '误删配置', humanCaused: true },
        { occurredAt: '2026-11-15T12:00:00+08:00', descZh: '误操作重启', humanCaused: true },
        { occurredAt: '2026-11-15T13:00:00+08:00', descZh: '市电中断', humanCaused: false },
      ],
    });
    const m = scoreBjPeriod(bad.input(P, { registry }));
    expect([pts(m, 'BJ-R26'), pts(m, 'BJ-R27')]).toEqual(['-1.000000', '-2.000000']);
  });
  it('R28: routine finds do not count; +5 cap per period', () => {
    const b = new BjInputBuilder();
    for (const i of [1, 2, 3, 4, 5, 6, 7]) {
      b.add('hidden-danger', P, { descZh: `隐患 ${i}`, foundAt: `2026-11-0${i}T09:00:00+08:00`, reportedAt: `2026-11-0${i}T09:05:00+08:00`, resolvedAt: `2026-11-0${i}T15:00:00+08:00`, routine: i === 7 });
    }
    b.add('hidden-danger', P, { descZh: '未解决', foundAt: '2026-11-09T09:00:00+08:00', reportedAt: '2026-11-09T09:05:00+08:00', routine: false });
    const l = run(b);
    expect([pts(l, 'BJ-R28'), rule(l, 'BJ-R28')?.events.filter((e) => e.status === 'counted').length]).toEqual(['5.000000', 6]);
  });
});

describe('inspection feedback R30/R31', () => {
  it('in scope: 15 min on time, 15 min 1 s late, none late; out of scope fed back the same day +0.5', () => {
    const b = new BjInputBuilder();
    const f = (foundAt: string, feedbackAt: string | undefined, inScope: boolean) => ({ descZh: '异常', foundAt, inScope, ...(feedbackAt ? { feedbackAt } : {}) });
    b.add('inspection', P, {
      inspectedAt: '2026-11-10T09:00:00+08:00',
      mode: 'page-availability',
      checks: [],
      staffIds: ['BJ-S5'],
      findings: [
        f('2026-11-10T09:00:00+08:00', '2026-11-10T09:15:00+08:00', true),
        f('2026-11-10T10:00:00+08:00', '2026-11-10T10:15:01+08:00', true),
        f('2026-11-10T11:00:00+08:00', undefined, true),
        f('2026-11-10T12:00:00+08:00', '2026-11-10T23:00:00+08:00', false),
        f('2026-11-10T13:00:00+08:00', '2026-11-11T08:00:00+08:00', false),
      ],
    });
    const l = run(b);
    expect([pts(l, 'BJ-R30'), pts(l, 'BJ-R31')]).toEqual(['-1.000000', '0.500000']);
  });
  it('an inspection without its report does not fill the slot', () => {
    const b = new BjInputBuilder();
    b.add('inspection', P, { inspectedAt: '2026-11-10T09:00:00+08:00', mode: 'server', checks: [], findings: [], staffIds: ['BJ-S5'] });
    b.serverChecks(P, ['2026-11-03', '2026-11-17', '2026-11-24']);
    expect(rule(run(b), 'BJ-R29')?.events.filter((e) => e.status === 'counted' && e.explanationZh.includes('服务器端'))).toHaveLength(1);
  });
});

describe('faults R33, R41, R44, R48', () => {
  it('dispatch to the 2nd line > 30 min, level 1, recurrence, adopted suggestions', () => {
    const b = new BjInputBuilder();
    const base = { categoryZh: '系统服务', reportedBy: 'unit', causeZh: '—', resolutionZh: '—', remoteRespondedAt: '2026-11-12T09:10:00+08:00', resolvedAt: '2026-11-12T10:00:00+08:00' } as const;
    b.add('fault', P, { ...base, ticketNo: 'GD-A', level: 1, reportedAt: '2026-11-12T09:00:00+08:00', escalatedToSecondLineAt: '2026-11-12T09:31:00+08:00' });
    b.add('fault', P, { ...base, ticketNo: 'GD-B', level: 4, reportedAt: '2026-11-12T09:00:00+08:00', escalatedToSecondLineAt: '2026-11-12T09:30:00+08:00', recurrenceOf: 'GD-A' });
    b.add('fault', P, { ...base, ticketNo: 'GD-C', level: 3, reportedAt: '2026-11-12T09:00:00+08:00', plannedDowntime: true });
    b.add('suggestion', P, { context: 'fault', contentZh: '增加连接池监控', submittedAt: '2026-11-12T11:00:00+08:00', adoptedAt: '2026-11-13T11:00:00+08:00' });
    b.add('suggestion', P, { context: 'fault', contentZh: '未采纳', submittedAt: '2026-11-12T11:00:00+08:00' });
    const l = run(b);
    expect(['BJ-R33', 'BJ-R41', 'BJ-R44', 'BJ-R45', 'BJ-R48'].map((id) => pts(l, id))).toEqual(['-0.500000', '0.500000', '-10.000000', '0.000000', '-0.500000']);
  });
});

describe('emergency R36–R38 (bonus only with an event, B14)', () => {
  const ev = (fields: Record<string, unknown>) => {
    const b = new BjInputBuilder();
    b.add('emergency', P, { titleZh: '数据库告警', declaredAt: '2026-11-10T09:00:00+08:00', planLevel: 'IV 级', respondBy: '2026-11-10T09:30:00+08:00', dueBy: '2026-11-10T15:00:00+08:00', ...fields } as never);
    return run(b);
  };
  it('responded and completed on time: R36 +1 once, R37 0', () => {
    const l = ev({ respondedAt: '2026-11-10T09:30:00+08:00', completedAt: '2026-11-10T15:00:00+08:00' });
    expect([pts(l, 'BJ-R36'), pts(l, 'BJ-R37')]).toEqual(['1.000000', '0.000000']);
  });
  it('late response −0.5 (no bonus), late completion −0.5', () => {
    const l = ev({ respondedAt: '2026-11-10T09:31:00+08:00', completedAt: '2026-11-10T15:01:00+08:00' });
    expect([pts(l, 'BJ-R36'), pts(l, 'BJ-R37')]).toEqual(['-0.500000', '-0.500000']);
  });
  it('no response −1, not completed and no feedback −1; with feedback only late −0.5', () => {
    expect([pts(ev({}), 'BJ-R36'), pts(ev({}), 'BJ-R37')]).toEqual(['-1.000000', '-1.000000']);
    expect(pts(ev({ respondedAt: '2026-11-10T09:10:00+08:00', feedbackAt: '2026-11-10T14:00:00+08:00' }), 'BJ-R37')).toBe('-0.500000');
  });
});

describe('rankings R43/R47 (external input, B6)', () => {
  const registry = bjRegistry();
  const bands = (id: string) => registry.rules.find((r) => r.id === id)?.points as never;
  it.each([
    ['fault-count', 3, 12, '2', '4', '1'],
    ['fault-count', 4, 12, '4', '4', '0'],
    ['fault-count', 5, 12, '5', '4', '-0.5'],
    ['fault-count', 10, 12, '9', '4', '-1'],
    ['fault-count', 10, 12, '3', '4', '-0.5'],
  ] as const)('R43 %s rank %d/%d value %s avg %s → %s', (metric, rank, population, value, average, expected) => {
    expect(rankingPoints(bands('BJ-R43'), { metric, rank, population, value, average }).points.toString()).toBe(expected);
  });
  it.each([
    [1, '9', '5', '5'],
    [6, '5', '5', '0'],
    [7, '4', '5', '-1'],
    [11, '1', '5', '-5'],
  ] as const)('R47 rank %d/12 efficiency %s avg %s → %s', (rank, value, average, expected) => {
    expect(rankingPoints(bands('BJ-R47'), { metric: 'cloud-efficiency', rank, population: 12, value, average }).points.toString()).toBe(expected);
  });
  it('applies when a ranking review is filed, otherwise not applicable', () => {
    const b = november2026();
    b.review('ranking', P, 'rank-f', { metric: 'fault-count', rank: 2, population: 12, average: '3.5', value: '1', sourceZh: '云应用监管平台' });
    const l = run(b);
    expect([rule(l, 'BJ-R43')?.status, pts(l, 'BJ-R43'), rule(l, 'BJ-R47')?.status]).toEqual(['applied', '1.000000', 'not-applicable']);
    expect(rule(l, 'BJ-R43')?.events[0]?.explanationZh).toBe('云应用监管平台：4 级及以上故障数 1（平均值 3.5），排名 2/12，属“前 3 名”，加 1 分');
  });
});

describe('survey R50', () => {
  it.each([
    ['非常满意', '5.000000'],
    ['满意', '1.000000'],
    ['基本满意', '0.000000'],
    ['不满意', '-5.000000'],
  ] as const)('%s → %s', (result, expected) => {
    const b = new BjInputBuilder();
    b.add('survey', P, { issuedAt: '2026-11-02T09:00:00+08:00', result });
    expect(pts(run(b), 'BJ-R50')).toBe(expected);
  });
});

describe('reviewer events', () => {
  const base = { occurredAt: '2026-11-20T10:00:00+08:00', descriptionZh: '事件', evidence: [], proposedBy: 'reviewer' as const };
  it('final events of reviewer rules count; drafts block; automatic rules do not take events', () => {
    const b = new BjInputBuilder();
    b.review('event', P, 'e1', { ...base, ruleId: 'BJ-R32', status: 'final' });
    b.review('event', P, 'e2', { ...base, ruleId: 'BJ-R32', status: 'draft' });
    b.review('event', P, 'e3', { ...base, ruleId: 'BJ-R01', status: 'final' });
    b.review('event', P, 'e4', { ...base, ruleId: 'BJ-R05', points: '0.5', status: 'final' });
    b.review('event', P, 'e5', { ...base, ruleId: 'BJ-R25', status: 'final' });
    b.review('event', P, 'e6', { ...base, ruleId: 'BJ-R25', points: '-45', status: 'final', objection: { filedAt: '2026-11-21T10:00:00+08:00', textZh: '不同意', outcome: 'upheld' } });
    b.review('event', P, 'e7', { ...base, ruleId: 'BJ-R24', points: '-25', status: 'final', objection: { filedAt: '2026-11-21T10:00:00+08:00', textZh: '不同意' } });
    b.review('event', P, 'e8', { ...base, ruleId: 'D3', status: 'final' });
    const l = run(b);
    expect(['BJ-R32', 'BJ-R01', 'BJ-R05', 'BJ-R25', 'BJ-R24'].map((id) => pts(l, id))).toEqual(['-0.500000', '0.000000', '-0.500000', '0.000000', '-25.000000']);
    expect(l.blockers.map((x) => x.code)).toEqual(['bj/review-event-draft', 'bj/review-event-points']);
    expect(l.warnings.map((x) => x.code)).toEqual(
      expect.arrayContaining(['bj/review-event-auto-rule', 'bj/review-event-sign', 'bj/review-event-objection', 'bj/review-event-foreign-rule']),
    );
  });
});

describe('validity, corrections, status', () => {
  it('invalid records never count and are listed', () => {
    const b = november2026();
    b.add('attendance', P, { staffId: 'BJ-S1', date: '2026-11-03', type: 'absent', sourceZh: '考勤' }, { valid: false });
    b.review('event', P, 'bad', { ruleId: 'BJ-R32', occurredAt: '2026-11-20T10:00:00+08:00', descriptionZh: 'x', evidence: [], status: 'final', proposedBy: 'reviewer' }, { valid: false });
    const l = run(b);
    expect(l.package.score).toBe('95.000000');
    expect(l.invalid.map((i) => i.id)).toEqual(['bad', 'bj-kw-2026-p4/2026-11/_pkg/_unit/attendance-004']);
    expect(l.invalid[1]?.reasons).toEqual([{ line: 3, column: 5, code: 'schema/required', message: '缺少字段' }]);
  });
  it('a record superseded by a valid correction does not count', () => {
    const b = november2026();
    const wrong = b.add('attendance', P, { staffId: 'BJ-S1', date: '2026-11-03', type: 'absent', sourceZh: '考勤' });
    expect(run(b).package.score).toBe('93.000000');
    b.add('attendance', P, { staffId: 'BJ-S1', date: '2026-11-03', type: 'late', minutes: 5, sourceZh: '考勤（更正）', supersedes: wrong.id });
    expect(run(b).package.score).toBe('94.500000');
  });
  it('final only with a sign-off and no blockers', () => {
    const b = november2026();
    expect(run(b).status).toBe('provisional');
    b.review('signoff', P, 'signoff-2026-11', { signedBy: 'rv-1', signedAt: '2026-12-05T10:00:00+08:00' });
    expect(run(b).status).toBe('final');
    b.review('event', P, 'pending', { ruleId: 'BJ-R32', occurredAt: '2026-11-20T10:00:00+08:00', descriptionZh: 'x', evidence: [], status: 'draft', proposedBy: 'engine' });
    expect(run(b).status).toBe('provisional');
  });
  it('records of another contract are ignored', () => {
    const b = november2026();
    const rec = b.add('attendance', P, { staffId: 'BJ-S1', date: '2026-11-03', type: 'absent', sourceZh: '考勤' });
    (rec.data as { contractId: string }).contractId = 'luohe-2026-b';
    expect(run(b).package.score).toBe('95.000000');
  });
  it('an unknown period label is an error that lists the periods', () => {
    expect(() => scoreBjPeriod(november2026().input('2026-05'))).toThrow(/No Beijing period "2026-05"/);
  });
});

describe('availability R42/R46: exact rationals at the 99% boundary (B8)', () => {
  const outage = (type: 'system' | 'network-security-devices', id: string, end: string, devicesAffected = 1): Ledger => {
    const b = new BjInputBuilder();
    b.add('availability', P, {
      target: { type, id },
      windowStart: '2026-11-01T00:00:00+08:00',
      windowEnd: '2026-12-01T00:00:00+08:00',
      serviceHours: '24x7',
      plannedDowntime: [{ start: '2026-11-28T00:00:00+08:00', end: '2026-11-28T02:00:00+08:00', approvedRef: 'CHG-1' }],
      outages: [{ start: '2026-11-10T00:00:00+08:00', end, devicesAffected, cause: '宕机', controllable: true }],
      ...(type === 'network-security-devices' ? { totalDevices: 24 } : {}),
      dataSource: { systemZh: '监控', sha256: 'cd'.repeat(32) },
    });
    return run(b);
  };
  it('A_sys = (718 h − 7 h 10 min 48 s) / 718 h = 99% exactly → +1; one second more → −0.5', () => {
    expect(pts(outage('system', 'BJ-SYS1', '2026-11-10T07:10:48+08:00'), 'BJ-R42')).toBe('1.000000');
    expect(pts(outage('system', 'BJ-SYS1', '2026-11-10T07:10:49+08:00'), 'BJ-R42')).toBe('-0.500000');
  });
  it('A_net = (718 h × 24 − 7 h 10 min 48 s × 24) / (718 h × 24) = 99% exactly → +1; a second more → −0.5', () => {
    expect(pts(outage('network-security-devices', 'BJ-NET1', '2026-11-10T07:10:48+08:00', 24), 'BJ-R46')).toBe('1.000000');
    expect(pts(outage('network-security-devices', 'BJ-NET1', '2026-11-10T07:10:49+08:00', 24), 'BJ-R46')).toBe('-0.500000');
  });
  it('A below 90% → −1', () => {
    expect(pts(outage('system', 'BJ-SYS1', '2026-11-14T00:00:00+08:00'), 'BJ-R42')).toBe('-1.000000');
  });
});
