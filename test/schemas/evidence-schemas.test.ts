import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  type AttachmentRef,
  type EvidenceKind,
  type EvidenceOf,
  evidenceKinds,
  primaryTimeField,
} from '../../src/model/evidence.ts';
import { type ReviewKind, type ReviewOf, reviewKinds } from '../../src/model/review.ts';

type Json = Record<string, unknown>;

const schemaRoot = fileURLToPath(new URL('../../schemas/', import.meta.url));
const readJson = (path: string): Json => JSON.parse(readFileSync(schemaRoot + path, 'utf8')) as Json;
const listSchemas = (dir: string): string[] =>
  readdirSync(schemaRoot + dir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => f.slice(0, -'.schema.json'.length))
    .sort();

const common = readJson('common.schema.json');
const envelope = readJson('evidence/envelope.schema.json');
const evidenceSchemas = Object.fromEntries(
  evidenceKinds.map((k) => [k, readJson(`evidence/${k}.schema.json`)]),
);
const reviewSchemas = Object.fromEntries(reviewKinds.map((k) => [k, readJson(`review/${k}.schema.json`)]));

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  ajv.addSchema(common);
  ajv.addSchema(envelope);
  return ajv;
}

const ajv = newAjv();
const validators = new Map<string, ValidateFunction>();
function validator(group: 'evidence' | 'review', kind: string): ValidateFunction {
  const key = `${group}/${kind}`;
  let v = validators.get(key);
  if (!v) {
    const schema = group === 'evidence' ? evidenceSchemas[kind] : reviewSchemas[kind];
    if (!schema) throw new Error(`no schema ${key}`);
    v = ajv.compile(schema);
    validators.set(key, v);
  }
  return v;
}

const show = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword} ${e.message ?? ''}`).join('\n');

// ------------------------------------------------------------------------------------------------ examples

const SHA_A = 'a'.repeat(64);
const SHA_B = `${'0123456789abcdef'.repeat(4)}`;
const pdf = (titleZh: string, extra: Partial<AttachmentRef> = {}): AttachmentRef => ({
  sha256: SHA_A,
  mime: 'application/pdf',
  titleZh,
  ...extra,
});

const LH = { contractId: 'luohe-2026-b', period: '2026-10' } as const;
const BJ = { contractId: 'bj-kw-2026-p4', period: '2026-11' } as const;

/** One minimal valid example per evidence kind (typed against the hand-written interfaces). */
const evidenceExamples: { [K in EvidenceKind]: EvidenceOf<K> } = {
  visit: {
    kind: 'visit',
    ...LH,
    unitId: 'U10',
    recordedBy: 'LH-S1',
    platform: { ref: 'PT-2026-1016-01', submittedAt: '2026-10-16T17:00:00+08:00' },
    attachments: [pdf('回访记录表', { signed: true })],
    visitedAt: '2026-10-16T10:00:00+08:00',
    visitorStaffIds: ['LH-S1'],
    unitContactRoleZh: '信息科科长',
    topicsZh: ['系统运行情况汇报', '使用情况', '反馈意见'],
    issuesRaised: [],
    followUps: [],
    itemNosDiscussed: [62],
  },
  inspection: {
    kind: 'inspection',
    ...LH,
    unitId: 'U10',
    itemNos: [62],
    systemIds: ['S62'],
    recordedBy: 'LH-S1',
    attachments: [],
    inspectedAt: '2026-10-12T09:30:00+08:00',
    mode: 'backend',
    checks: [{ targetZh: '应用服务器', metricZh: 'CPU 使用率', value: '45%', result: '正常' }],
    logAnalysisZh: '系统日志无异常。',
    findings: [{ descZh: '磁盘使用率偏高', foundAt: '2026-10-12T09:40:00+08:00', inScope: true }],
    staffIds: ['LH-S1'],
  },
  backup: {
    kind: 'backup',
    ...LH,
    unitId: 'U10',
    itemNos: [62],
    systemIds: ['S62'],
    recordedBy: 'LH-S1',
    attachments: [],
    systemId: 'S62',
    startedAt: '2026-10-11T01:00:00+08:00',
    completedAt: '2026-10-11T01:40:00+08:00',
    result: 'success',
    type: 'full',
    dataScopeZh: '业务数据库全库',
    backupPath: '/backup/s62/20261011/full.dump',
    storageTargetZh: '专用备份存储',
  },
  scan: {
    kind: 'scan',
    ...LH,
    unitId: 'U10',
    itemNos: [62],
    recordedBy: 'LH-S1',
    attachments: [],
    systemIds: ['S62'],
    scannedAt: '2026-10-14T14:00:00+08:00',
    toolZh: '远程安全评估系统',
    toolVersion: 'V6.0',
    scopeTargets: ['https://s62.example.invalid/'],
    summary: { 极危: 0, 高危: 0, 中危: 1, 低危: 0 },
    reportAttachment: pdf('漏洞扫描报告'),
    findingTicketIds: ['luohe-2026-b/2026-10/U10/62/vuln-001'],
  },
  fault: {
    kind: 'fault',
    ...LH,
    unitId: 'U10',
    itemNos: [62],
    recordedBy: 'LH-S1',
    attachments: [],
    ticketNo: 'GD-20261021-01',
    itemNo: 62,
    systemId: 'S62',
    level: 3,
    categoryZh: '系统服务',
    reportedAt: '2026-10-21T10:00:00+08:00',
    reportedBy: 'unit',
    respondedAt: '2026-10-21T10:15:00+08:00',
    resolvedAt: '2026-10-22T09:00:00+08:00',
    causeZh: '应用服务进程异常退出',
    resolutionZh: '重启服务并修复配置',
  },
  vuln: {
    kind: 'vuln',
    ...LH,
    unitId: 'U10',
    itemNos: [62],
    recordedBy: 'LH-S1',
    attachments: [],
    vulnId: 'VULN-2026-017',
    itemNo: 62,
    systemId: 'S62',
    severity: '中危',
    source: 'self-scan',
    titleZh: '中间件版本信息泄露',
    foundAt: '2026-10-20T14:00:00+08:00',
    respondedAt: '2026-10-20T16:00:00+08:00',
    mitigatedAt: '2026-11-01T10:00:00+08:00',
    mitigationZh: '关闭版本回显',
  },
  satisfaction: {
    kind: 'satisfaction',
    ...LH,
    unitId: 'U10',
    recordedBy: 'LH-S1',
    attachments: [],
    evaluationPeriod: '2026-10',
    evaluationDate: '2026-11-05',
    ratings: {
      运维服务对接情况: { level: '满意' },
      系统正常使用情况: { level: '满意' },
      异常响应情况: { level: '基本满意', conductedZh: '及时' },
      异常解决情况: { level: '满意' },
      运维公司服务态度: { level: '满意' },
    },
    accidentOccurred: false,
    signedAndSealed: true,
    receivedByCenterAt: '2026-11-06T09:00:00+08:00',
    scan: pdf('满意度评价表', { sealed: true, signed: true }),
  },
  report: {
    kind: 'report',
    ...LH,
    recordedBy: 'LH-S1',
    attachments: [],
    reportType: 'monthly',
    coversFrom: '2026-10-10',
    coversTo: '2026-11-09',
    coversUnits: ['U07', 'U10'],
    submittedAt: '2026-11-09T18:00:00+08:00',
  },
  archive: {
    kind: 'archive',
    ...LH,
    recordedBy: 'LH-S1',
    attachments: [pdf('运维实施方案')],
    docKind: 'C01',
    scope: 'package',
    version: 'V1.0',
    effectiveFrom: '2026-08-20',
    approvedByPartyAAt: '2026-08-22T10:00:00+08:00',
    uploadedAt: '2026-08-22T15:00:00+08:00',
    sections: [{ itemNo: 62, unitId: 'U10', titleZh: '市气象局 62 号事项运维方案' }],
    coversItemNos: [62],
  },
  filing: {
    kind: 'filing',
    ...LH,
    unitId: 'U07',
    itemNos: [52],
    recordedBy: 'LH-S1',
    attachments: [pdf('书面报备')],
    activity: 'inspection',
    fromDate: '2026-10-20',
    toDate: '2026-10-26',
    waivedCount: 1,
    filedAt: '2026-10-19T09:00:00+08:00',
    reasonZh: '机房改造断电，无法巡检',
  },
  'status-change': {
    kind: 'status-change',
    ...LH,
    unitId: 'U05',
    itemNos: [21],
    recordedBy: 'LH-S1',
    attachments: [],
    itemNo: 21,
    effectiveAt: '2026-10-15T00:00:00+08:00',
    status: 'suspended',
    reasonZh: '迁云上云',
    nonVendorCause: true,
    filedWithCenterAt: '2026-10-16T10:00:00+08:00',
  },
  availability: {
    kind: 'availability',
    ...BJ,
    recordedBy: 'BJ-S4',
    attachments: [{ sha256: SHA_B, mime: 'text/csv', titleZh: '监控导出' }],
    target: { type: 'network-security-devices', id: 'BJ-NET' },
    windowStart: '2026-11-01T00:00:00+08:00',
    windowEnd: '2026-12-01T00:00:00+08:00',
    serviceHours: '24x7',
    plannedDowntime: [],
    outages: [
      {
        start: '2026-11-20T01:00:00+08:00',
        end: '2026-11-20T04:00:00+08:00',
        devicesAffected: 1,
        cause: '防火墙电源故障',
        controllable: true,
      },
    ],
    totalDevices: 24,
    dataSource: { systemZh: '网络监控平台', sha256: SHA_B },
  },
  attendance: {
    kind: 'attendance',
    ...BJ,
    recordedBy: 'BJ-S1',
    attachments: [],
    staffId: 'BJ-S5',
    date: '2026-11-05',
    type: 'late',
    minutes: 25,
    scheduledStart: '2026-11-05T09:00:00+08:00',
    sourceZh: '门禁考勤导出',
  },
  assurance: {
    kind: 'assurance',
    ...BJ,
    recordedBy: 'BJ-S1',
    attachments: [],
    levelZh: '重要保障',
    window: { start: '2026-11-18T08:00:00+08:00', end: '2026-11-18T18:00:00+08:00' },
    labelZh: '年度工作会议保障',
  },
  'special-period': {
    kind: 'special-period',
    ...BJ,
    period: '2026-10',
    recordedBy: 'BJ-S1',
    attachments: [],
    labelZh: '2026 年国庆节',
    window: { start: '2026-10-01T00:00:00+08:00', end: '2026-10-09T00:00:00+08:00' },
    plan: pdf('国庆保障计划'),
    accidents: [],
  },
  'hidden-danger': {
    kind: 'hidden-danger',
    ...BJ,
    recordedBy: 'BJ-S5',
    attachments: [],
    descZh: '机房 UPS 电池鼓包',
    foundAt: '2026-11-10T10:00:00+08:00',
    reportedAt: '2026-11-10T10:10:00+08:00',
    resolvedAt: '2026-11-12T16:00:00+08:00',
    routine: false,
  },
  suggestion: {
    kind: 'suggestion',
    ...BJ,
    recordedBy: 'BJ-S2',
    attachments: [],
    context: 'fault',
    contentZh: '建议增加数据库连接池监控',
    submittedAt: '2026-11-13T10:00:00+08:00',
  },
  feedback: {
    kind: 'feedback',
    ...BJ,
    recordedBy: 'BJ-S1',
    attachments: [],
    feedbackType: '表扬',
    personLevel: '重要人员',
    receivedAt: '2026-11-20T10:00:00+08:00',
    contentZh: '故障处置及时',
  },
  survey: {
    kind: 'survey',
    ...BJ,
    recordedBy: 'BJ-S1',
    attachments: [],
    issuedAt: '2026-11-25T10:00:00+08:00',
  },
  emergency: {
    kind: 'emergency',
    ...BJ,
    recordedBy: 'BJ-S1',
    attachments: [],
    titleZh: '门户网站被篡改应急处置',
    declaredAt: '2026-11-08T20:00:00+08:00',
    planLevel: 'Ⅲ级',
    dueBy: '2026-11-09T08:00:00+08:00',
  },
  asset: {
    kind: 'asset',
    ...BJ,
    recordedBy: 'BJ-S5',
    attachments: [],
    occurredAt: '2026-11-03T10:00:00+08:00',
    recordType: 'change',
    assetZh: '新增交换机 1 台',
    change: { confirmedAt: '2026-11-03T10:00:00+08:00', ledgerUpdatedAt: '2026-11-05T10:00:00+08:00' },
  },
  'staff-change': {
    kind: 'staff-change',
    ...BJ,
    recordedBy: 'BJ-S1',
    attachments: [],
    staffId: 'BJ-S4',
    changeType: '新增',
    submittedAt: '2026-11-01T10:00:00+08:00',
    effectiveAt: '2026-11-10T09:00:00+08:00',
  },
  task: {
    kind: 'task',
    ...BJ,
    recordedBy: 'BJ-S1',
    attachments: [],
    titleZh: '整理 10 月接口变更清单',
    assignedAt: '2026-11-02T10:00:00+08:00',
    dueAt: '2026-11-06T18:00:00+08:00',
  },
  rectification: {
    kind: 'rectification',
    ...LH,
    period: '2026-12',
    recordedBy: 'LH-S1',
    attachments: [pdf('问题分析报告及整改报告', { sealed: true })],
    forPeriod: '2026-11',
    submittedAt: '2026-12-20T10:00:00+08:00',
    rootCausesZh: '巡检覆盖不足',
    actions: [{ descZh: '增加周末巡检', owner: 'LH-S1', dueAt: '2027-01-09T00:00:00+08:00' }],
  },
};

/** One minimal valid example per reviewer kind. */
const reviewExamples: { [K in ReviewKind]: ReviewOf<K> } = {
  event: {
    id: 'd3-2026-10-001',
    kind: 'event',
    ...LH,
    ruleId: 'D3',
    occurredAt: '2026-10-28T10:00:00+08:00',
    itemNo: 14,
    descriptionZh: '天眼摄像头掉线被市级通报批评',
    evidence: [pdf('通报文件')],
    points: '5',
    notice: { levelZh: '市级', correctedWithinDeadline: true },
    status: 'final',
    proposedBy: 'reviewer',
    decidedBy: 'lh-reviewer-1',
    decidedAt: '2026-11-10T10:00:00+08:00',
  },
  'paper-receipt': {
    id: 'paper-2026-10',
    kind: 'paper-receipt',
    ...LH,
    receivedAt: '2026-11-09T16:00:00+08:00',
    receiptRef: 'QS-2026-10',
    documents: 'all-uploaded',
  },
  decision: {
    id: 'fm-2026-10-001',
    kind: 'decision',
    ...LH,
    decisionType: 'force-majeure',
    decidedBy: 'lh-reviewer-1',
    decidedAt: '2026-11-08T10:00:00+08:00',
    ticketId: 'luohe-2026-b/2026-10/U10/62/fault-001',
    decision: 'reduced',
    reducedPoints: '2',
  },
  'doc-quality': {
    id: 'dq-2026-11-001',
    kind: 'doc-quality',
    ...BJ,
    documentId: 'bj-kw-2026-p4/2026-11/_pkg/_unit/report-w46',
    reviewedAt: '2026-11-18T10:00:00+08:00',
    typoCount: 6,
  },
  ranking: {
    id: 'rank-2026-11',
    kind: 'ranking',
    ...BJ,
    metric: 'fault-count',
    rank: 2,
    population: 30,
    average: '3.4',
    value: '1',
  },
  acceptance: {
    id: 'acceptance-2027',
    kind: 'acceptance',
    contractId: 'bj-kw-2026-p4',
    period: '2027-06',
    passed: false,
    refundApplied: true,
    decidedAt: '2027-06-25T10:00:00+08:00',
  },
  'cr-input': {
    id: 'cr-21',
    kind: 'cr-input',
    contractId: 'luohe-2026-b',
    period: '2027-05',
    itemNo: 21,
    historicContractAnnualFee: '120000.00',
    compressionRatio: '0.15',
    vouchers: [
      { ref: 'PZ-001', amount: '8000.00', submittedAt: '2027-05-20T10:00:00+08:00', accepted: true },
    ],
  },
  'contract-penalty': {
    id: 'late-payment-q1',
    kind: 'contract-penalty',
    ...LH,
    penaltyType: 'late-payment',
    party: '甲方',
    clause: 'LH §8.1',
    occurredAt: '2026-10-20T00:00:00+08:00',
    daysLate: 12,
    baseFen: 290625000,
    amountFen: 5812500,
    descriptionZh: '第 1 次付款逾期 12 日',
    status: 'draft',
    evidence: [],
  },
  signoff: {
    id: 'signoff-2026-10',
    kind: 'signoff',
    ...LH,
    signedBy: 'lh-reviewer-1',
    signedAt: '2026-11-20T10:00:00+08:00',
    version: 1,
    configHash: SHA_B,
  },
};

const clone = (value: object): Json => structuredClone(value) as Json;
const evidence = (kind: EvidenceKind, patch: (doc: Json) => void = () => {}): Json => {
  const doc = clone(evidenceExamples[kind]);
  patch(doc);
  return doc;
};
const review = (kind: ReviewKind, patch: (doc: Json) => void = () => {}): Json => {
  const doc = clone(reviewExamples[kind]);
  patch(doc);
  return doc;
};
const at = (doc: Json, ...path: (string | number)[]): Json => {
  let cur: unknown = doc;
  for (const p of path) cur = (cur as Record<string | number, unknown>)[p];
  return cur as Json;
};

function expectValid(group: 'evidence' | 'review', kind: string, doc: Json): void {
  const validate = validator(group, kind);
  const ok = validate(doc);
  expect(ok, show(validate.errors)).toBe(true);
}

function expectInvalid(
  group: 'evidence' | 'review',
  kind: string,
  doc: Json,
  keywords: string[],
  instancePath?: string,
): ErrorObject[] {
  const validate = validator(group, kind);
  expect(validate(doc)).toBe(false);
  const errors = validate.errors ?? [];
  const hit = errors.some(
    (e) => keywords.includes(e.keyword) && (instancePath === undefined || e.instancePath === instancePath),
  );
  expect(hit, `expected ${keywords.join('|')} at ${instancePath ?? '*'}, got:\n${show(errors)}`).toBe(true);
  return errors;
}

// ------------------------------------------------------------------------------------------------ tests

describe('schema files', () => {
  it('has exactly one evidence schema per evidence kind, plus the envelope', () => {
    expect(listSchemas('evidence')).toEqual([...evidenceKinds, 'envelope'].sort());
  });

  it('has exactly one review schema per reviewer kind', () => {
    expect(listSchemas('review')).toEqual([...reviewKinds].sort());
  });

  it('lists the same kinds in the envelope enum as in the model', () => {
    const props = envelope.properties as Record<string, Json>;
    expect(props.kind?.enum).toEqual([...evidenceKinds]);
  });

  for (const [group, kinds] of [
    ['evidence', evidenceKinds],
    ['review', reviewKinds],
  ] as const) {
    for (const kind of kinds) {
      it(`${group}/${kind} compiles under ajv strict mode`, () => {
        const strictAjv = newAjv();
        const schema = group === 'evidence' ? evidenceSchemas[kind] : reviewSchemas[kind];
        expect(() => strictAjv.compile(schema as Json)).not.toThrow();
      });
    }
  }

  it('evidence/envelope compiles under ajv strict mode', () => {
    const strictAjv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(strictAjv);
    strictAjv.addSchema(common);
    expect(() => strictAjv.compile(envelope)).not.toThrow();
  });
});

describe('schema metadata', () => {
  const all: [string, Json][] = [
    ['evidence/envelope', envelope],
    ...evidenceKinds.map((k): [string, Json] => [`evidence/${k}`, evidenceSchemas[k] as Json]),
    ...reviewKinds.map((k): [string, Json] => [`review/${k}`, reviewSchemas[k] as Json]),
  ];

  it.each(all)('%s has $schema, $id, a Chinese title and a description', (name, schema) => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://omarc.local/schemas/${name}.schema.json`);
    expect(schema.title).toMatch(/\p{Script=Han}/u);
    expect(typeof schema.description).toBe('string');
  });

  /** Every declared property, at any depth, carries a Chinese title and a description. */
  function undocumented(schema: unknown, path: string, inConditional: boolean, out: string[]): string[] {
    if (!schema || typeof schema !== 'object') return out;
    const s = schema as Json;
    const props = s.properties as Record<string, unknown> | undefined;
    if (props) {
      for (const [name, prop] of Object.entries(props)) {
        const where = `${path}/properties/${name}`;
        // `true` re-declares a documented root property for ajv strictRequired inside then/else.
        if (prop === true && inConditional) continue;
        const p = prop as Json;
        if (typeof p.title !== 'string' || !/\p{Script=Han}/u.test(p.title)) out.push(`${where}: title`);
        if (typeof p.description !== 'string' || p.description.length === 0)
          out.push(`${where}: description`);
        undocumented(p, where, false, out);
      }
    }
    if (s.items) undocumented(s.items, `${path}/items`, false, out);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = s[key] as unknown[] | undefined;
      for (const [i, sub] of (list ?? []).entries())
        undocumented(sub, `${path}/${key}/${i}`, inConditional, out);
    }
    // `if` only tests values; then/else may declare (documented) properties.
    if (s.then) undocumented(s.then, `${path}/then`, true, out);
    if (s.else) undocumented(s.else, `${path}/else`, true, out);
    for (const [name, def] of Object.entries((s.$defs as Record<string, unknown> | undefined) ?? {})) {
      undocumented(def, `${path}/$defs/${name}`, false, out);
    }
    return out;
  }

  it.each(all)('%s documents every property (title + description)', (_name, schema) => {
    expect(undocumented(schema, '#', false, [])).toEqual([]);
  });

  it.each(evidenceKinds.map((k) => [k] as const))('evidence/%s is closed and pinned to its kind', (kind) => {
    const schema = evidenceSchemas[kind] as Json;
    expect(schema.unevaluatedProperties).toBe(false);
    expect((schema.allOf as Json[])[0]).toEqual({ $ref: 'envelope.schema.json' });
    expect((schema.properties as Record<string, Json>).kind?.const).toBe(kind);
    expect(schema.required).toContain('kind');
  });

  it.each(reviewKinds.map((k) => [k] as const))(
    'review/%s is closed and has id, kind, contractId, period',
    (kind) => {
      const schema = reviewSchemas[kind] as Json;
      expect(schema.additionalProperties === false || schema.unevaluatedProperties === false).toBe(true);
      const props = schema.properties as Record<string, Json>;
      expect(props.kind?.const).toBe(kind);
      expect(schema.required).toEqual(expect.arrayContaining(['id', 'kind', 'contractId', 'period']));
    },
  );

  it.each(evidenceKinds.map((k) => [k] as const))('primaryTimeField of %s names a declared field', (kind) => {
    const [head] = primaryTimeField[kind].split('.');
    const own = (evidenceSchemas[kind] as Json).properties as Json;
    expect(head !== undefined && head in own).toBe(true);
  });
});

describe('valid examples', () => {
  it.each(evidenceKinds.map((k) => [k] as const))('evidence/%s: minimal example validates', (kind) => {
    expectValid('evidence', kind, evidence(kind));
  });

  it.each(reviewKinds.map((k) => [k] as const))('review/%s: minimal example validates', (kind) => {
    expectValid('review', kind, review(kind));
  });

  it('a Beijing fault ticket with every optional field validates', () => {
    expectValid(
      'evidence',
      'fault',
      evidence('fault', (d) => {
        Object.assign(d, {
          contractId: 'bj-kw-2026-p4',
          period: '2026-11',
          level: 2,
          levelOverride: { level: 1, by: 'bj-reviewer', reasonZh: '影响核心业务' },
          escalation: { centerAt: '2026-10-21T10:05:00+08:00', unitAt: '2026-10-21T10:06:00+08:00' },
          emergencyPlanActivated: true,
          forceMajeure: {
            claimed: true,
            typeZh: '天气',
            writtenStatement: pdf('书面说明'),
            interimPlan: pdf('临时替代方案'),
            decision: 'pending',
          },
          majorImpact: false,
          recurrenceOf: 'GD-20260901-03',
          analysisReport: pdf('故障分析报告'),
          sealedReport: pdf('盖章书面报告', { sealed: true }),
          notifiedAt: '2026-10-21T10:00:00+08:00',
          remoteRespondedAt: '2026-10-21T10:20:00+08:00',
          onSiteRequired: true,
          onSiteArrivedAt: '2026-10-21T10:50:00+08:00',
          escalatedToSecondLineAt: '2026-10-21T11:10:00+08:00',
          thirdPartyVendor: false,
          devicesAffected: 1,
          downtimeCountsForAvailability: true,
          plannedDowntime: false,
          reportSubmittedAt: '2026-10-23T10:00:00+08:00',
        });
        delete d.itemNo;
        delete d.unitId;
        delete d.itemNos;
      }),
    );
  });

  it('a satisfaction form rated 一般 validates when it gives reasons', () => {
    expectValid(
      'evidence',
      'satisfaction',
      evidence('satisfaction', (d) => {
        at(d, 'ratings', '异常解决情况').level = '一般';
        d.dissatisfactionReasonsZh = '故障恢复偏慢';
      }),
    );
  });

  it('a failed backup needs no backup path', () => {
    expectValid(
      'evidence',
      'backup',
      evidence('backup', (d) => {
        d.result = 'failed';
        delete d.backupPath;
      }),
    );
  });

  it('every decision type validates with its own fields', () => {
    const base = {
      id: 'dec-1',
      kind: 'decision',
      ...LH,
      decidedBy: 'r1',
      decidedAt: '2026-11-08T10:00:00+08:00',
    };
    const fault = 'luohe-2026-b/2026-10/U10/62/fault-001';
    const docs: Json[] = [
      { ...base, decisionType: 'force-majeure', ticketId: fault, decision: 'waived' },
      { ...base, decisionType: 'level-override', ticketId: fault, level: 2, reasonZh: '影响范围扩大' },
      {
        ...base,
        decisionType: 'accept-late-satisfaction',
        evidenceId: 'luohe-2026-b/2026-10/U10/_unit/satisfaction-001',
      },
      {
        ...base,
        decisionType: 'filing',
        evidenceId: 'luohe-2026-b/2026-10/U07/52/filing-001',
        approved: false,
      },
      {
        ...base,
        decisionType: 'accident-resolution',
        evidenceId: 'luohe-2026-b/2026-10/U10/_unit/satisfaction-001',
        outcomeZh: '不予处理',
      },
      {
        ...base,
        decisionType: 'unit-attribution',
        itemNos: [40, 41, 42, 43],
        unitId: 'U06',
        confirmed: true,
      },
    ];
    for (const doc of docs) expectValid('review', 'decision', doc);
  });

  it('a paper receipt may list evidence ids or be waived', () => {
    expectValid(
      'review',
      'paper-receipt',
      review('paper-receipt', (d) => {
        d.documents = ['luohe-2026-b/2026-10/_pkg/_unit/report-001'];
      }),
    );
    expectValid('review', 'paper-receipt', {
      id: 'paper-2026-10',
      kind: 'paper-receipt',
      ...LH,
      waived: true,
      waivedReasonZh: '本月无纸质资料',
    });
  });

  it('reviewer events accept every rule family', () => {
    for (const ruleId of ['D1', 'D6', 'P5', 'K1', 'N1', 'BJ-R01', 'BJ-R19', 'BJ-R40', 'BJ-R50']) {
      expectValid(
        'review',
        'event',
        review('event', (d) => (d.ruleId = ruleId)),
      );
    }
  });
});

describe('invalid examples', () => {
  it.each(evidenceKinds.map((k) => [k] as const))('evidence/%s rejects an unknown field', (kind) => {
    const errors = expectInvalid(
      'evidence',
      kind,
      evidence(kind, (d) => (d.colour = 'red')),
      ['unevaluatedProperties'],
      '',
    );
    expect(errors.some((e) => e.params.unevaluatedProperty === 'colour')).toBe(true);
  });

  it.each(reviewKinds.map((k) => [k] as const))('review/%s rejects an unknown field', (kind) => {
    expectInvalid(
      'review',
      kind,
      review(kind, (d) => (d.colour = 'red')),
      ['additionalProperties', 'unevaluatedProperties'],
      '',
    );
  });

  it('rejects a misspelt satisfaction level (满易) with enum', () => {
    const doc = evidence('satisfaction', (d) => (at(d, 'ratings', '异常响应情况').level = '满易'));
    expectInvalid('evidence', 'satisfaction', doc, ['enum'], '/ratings/异常响应情况/level');
  });

  it('requires all five satisfaction rows and no others', () => {
    expectInvalid(
      'evidence',
      'satisfaction',
      evidence('satisfaction', (d) => delete at(d, 'ratings').异常解决情况),
      ['required'],
      '/ratings',
    );
    expectInvalid(
      'evidence',
      'satisfaction',
      evidence('satisfaction', (d) => (at(d, 'ratings').服务态度 = { level: '满意' })),
      ['additionalProperties'],
      '/ratings',
    );
  });

  it('requires dissatisfactionReasonsZh when a row is 一般 or 不满意', () => {
    for (const level of ['一般', '不满意']) {
      const doc = evidence('satisfaction', (d) => (at(d, 'ratings', '运维公司服务态度').level = level));
      expectInvalid('evidence', 'satisfaction', doc, ['required'], '');
    }
  });

  it('rejects an impossible date (2026-02-30) with format', () => {
    expectInvalid(
      'evidence',
      'satisfaction',
      evidence('satisfaction', (d) => (d.evaluationDate = '2026-02-30')),
      ['format'],
      '/evaluationDate',
    );
    expectInvalid(
      'evidence',
      'visit',
      evidence('visit', (d) => (d.visitedAt = '2026-02-30T10:00:00+08:00')),
      ['format'],
      '/visitedAt',
    );
  });

  it('rejects a timestamp without offset', () => {
    expectInvalid(
      'evidence',
      'fault',
      evidence('fault', (d) => (d.reportedAt = '2026-10-21T10:00:00')),
      ['format', 'pattern'],
      '/reportedAt',
    );
    expectInvalid(
      'evidence',
      'fault',
      evidence('fault', (d) => (d.reportedAt = '2026-10-21')),
      ['format', 'pattern'],
      '/reportedAt',
    );
  });

  it('rejects bad envelope values', () => {
    expectInvalid(
      'evidence',
      'visit',
      evidence('visit', (d) => delete d.recordedBy),
      ['required'],
      '',
    );
    expectInvalid(
      'evidence',
      'visit',
      evidence('visit', (d) => delete d.attachments),
      ['required'],
      '',
    );
    expectInvalid(
      'evidence',
      'visit',
      evidence('visit', (d) => (d.kind = 'fault')),
      ['const'],
      '/kind',
    );
    expectInvalid(
      'evidence',
      'visit',
      evidence('visit', (d) => (d.period = '2026-13')),
      ['pattern'],
      '/period',
    );
    expectInvalid(
      'evidence',
      'visit',
      evidence('visit', (d) => (d.unitId = 'U7')),
      ['pattern'],
      '/unitId',
    );
    expectInvalid(
      'evidence',
      'visit',
      evidence('visit', (d) => (d.id = 'luohe-2026-b/2026-10/U10/visit-001')),
      ['pattern'],
      '/id',
    );
    expectInvalid(
      'evidence',
      'inspection',
      evidence('inspection', (d) => (d.itemNos = [62, 62])),
      ['uniqueItems'],
      '/itemNos',
    );
    expectInvalid(
      'evidence',
      'visit',
      evidence('visit', (d) => (d.attachments = [{ sha256: 'ABC', mime: 'application/pdf', titleZh: 'x' }])),
      ['pattern'],
      '/attachments/0/sha256',
    );
    expectInvalid(
      'evidence',
      'visit',
      evidence('visit', (d) => (d.platform = { ref: 'PT-1' })),
      ['required'],
      '/platform',
    );
  });

  it('accepts a valid evidence id', () => {
    expectValid(
      'evidence',
      'visit',
      evidence('visit', (d) => (d.id = 'luohe-2026-b/2026-10/U10/_unit/visit-001')),
    );
  });

  it('rejects unknown nested fields', () => {
    expectInvalid(
      'evidence',
      'inspection',
      evidence('inspection', (d) => ((at(d, 'checks', 0) as Json).score = 1)),
      ['additionalProperties'],
      '/checks/0',
    );
    expectInvalid(
      'evidence',
      'scan',
      evidence('scan', (d) => (at(d, 'summary').严重 = 0)),
      ['additionalProperties'],
      '/summary',
    );
  });

  it('rejects misspelt Chinese and spec enumerations', () => {
    expectInvalid(
      'evidence',
      'inspection',
      evidence('inspection', (d) => ((at(d, 'checks', 0) as Json).result = '良好')),
      ['enum'],
      '/checks/0/result',
    );
    expectInvalid(
      'evidence',
      'inspection',
      evidence('inspection', (d) => (d.mode = 'remote')),
      ['enum'],
      '/mode',
    );
    expectInvalid(
      'evidence',
      'fault',
      evidence('fault', (d) => (d.categoryZh = '软件')),
      ['enum'],
      '/categoryZh',
    );
    expectInvalid(
      'evidence',
      'fault',
      evidence('fault', (d) => (d.level = 5)),
      ['enum'],
      '/level',
    );
    expectInvalid(
      'evidence',
      'vuln',
      evidence('vuln', (d) => (d.severity = '严重')),
      ['enum'],
      '/severity',
    );
    expectInvalid(
      'evidence',
      'backup',
      evidence('backup', (d) => (d.result = 'ok')),
      ['enum'],
      '/result',
    );
    expectInvalid(
      'evidence',
      'archive',
      evidence('archive', (d) => (d.docKind = 'C16')),
      ['enum'],
      '/docKind',
    );
    expectInvalid(
      'evidence',
      'attendance',
      evidence('attendance', (d) => (d.type = 'tardy')),
      ['enum'],
      '/type',
    );
  });

  it('requires backupPath for a successful backup', () => {
    expectInvalid(
      'evidence',
      'backup',
      evidence('backup', (d) => delete d.backupPath),
      ['required'],
      '',
    );
  });

  it('requires forceMajeure.writtenStatement when force majeure is claimed', () => {
    const doc = evidence('fault', (d) => (d.forceMajeure = { claimed: true, typeZh: '天气' }));
    expectInvalid('evidence', 'fault', doc, ['required'], '/forceMajeure');
  });

  it('applies the kind-specific conditional requirements', () => {
    expectInvalid(
      'evidence',
      'attendance',
      evidence('attendance', (d) => delete d.minutes),
      ['required'],
      '',
    );
    expectInvalid(
      'evidence',
      'attendance',
      evidence('attendance', (d) => (d.type = 'chatting-noise')),
      ['required'],
      '',
    );
    expectInvalid(
      'evidence',
      'archive',
      evidence('archive', (d) => (d.scope = 'event')),
      ['required'],
      '',
    );
    expectInvalid(
      'evidence',
      'asset',
      evidence('asset', (d) => (d.recordType = 'loss')),
      ['required'],
      '',
    );
    expectInvalid(
      'evidence',
      'staff-change',
      evidence('staff-change', (d) => (d.changeType = '替换')),
      ['required'],
      '',
    );
  });

  it('rejects decimals written as numbers', () => {
    expectInvalid(
      'evidence',
      'availability',
      evidence('availability', (d) => (d.onlineRate = 0.96)),
      ['type'],
      '/onlineRate',
    );
    expectInvalid(
      'review',
      'event',
      review('event', (d) => (d.points = 5)),
      ['type'],
      '/points',
    );
  });

  it('rejects bad reviewer events', () => {
    for (const ruleId of ['D7', 'D0', 'P6', 'K0', 'N2', 'BJ-R00', 'BJ-R51', 'BJ-R5', 'bj-r01', 'X1']) {
      expectInvalid(
        'review',
        'event',
        review('event', (d) => (d.ruleId = ruleId)),
        ['pattern'],
        '/ruleId',
      );
    }
    expectInvalid(
      'review',
      'event',
      review('event', (d) => (d.amountFen = 1.5)),
      ['type'],
      '/amountFen',
    );
    expectInvalid(
      'review',
      'event',
      review('event', (d) => (d.amountFen = -100)),
      ['minimum'],
      '/amountFen',
    );
    expectInvalid(
      'review',
      'event',
      review('event', (d) => (d.status = 'approved')),
      ['enum'],
      '/status',
    );
    expectInvalid(
      'review',
      'event',
      review('event', (d) => (d.proposedBy = 'vendor')),
      ['enum'],
      '/proposedBy',
    );
    expectInvalid(
      'review',
      'event',
      review('event', (d) => (d.notice = { levelZh: '省级' })),
      ['enum'],
      '/notice/levelZh',
    );
  });

  it('rejects inconsistent decisions', () => {
    expectInvalid(
      'review',
      'decision',
      review('decision', (d) => delete d.decision),
      ['required'],
      '',
    );
    expectInvalid(
      'review',
      'decision',
      review('decision', (d) => delete d.reducedPoints),
      ['required'],
      '',
    );
    expectInvalid(
      'review',
      'decision',
      review('decision', (d) => (d.decisionType = 'appeal')),
      ['enum'],
      '/decisionType',
    );
    expectInvalid(
      'review',
      'decision',
      review('decision', (d) => (d.decision = 'granted')),
      ['enum'],
      '/decision',
    );
    // A field of another decision type is unknown here.
    expectInvalid(
      'review',
      'decision',
      review('decision', (d) => (d.approved = true)),
      ['unevaluatedProperties'],
      '',
    );
    expectInvalid(
      'review',
      'decision',
      review('decision', (d) => {
        d.decisionType = 'level-override';
        d.level = 2;
      }),
      ['required'],
      '',
    );
  });

  it('rejects incomplete paper receipts', () => {
    expectInvalid(
      'review',
      'paper-receipt',
      review('paper-receipt', (d) => (d.documents = 'all')),
      ['const', 'type', 'anyOf'],
      '/documents',
    );
    expectInvalid(
      'review',
      'paper-receipt',
      review('paper-receipt', (d) => (d.documents = [])),
      ['minItems', 'anyOf'],
      '/documents',
    );
    expectInvalid(
      'review',
      'paper-receipt',
      review('paper-receipt', (d) => delete d.receivedAt),
      ['required'],
      '',
    );
    expectInvalid(
      'review',
      'paper-receipt',
      { id: 'p', kind: 'paper-receipt', ...LH, waived: true },
      ['required'],
      '',
    );
  });
});
