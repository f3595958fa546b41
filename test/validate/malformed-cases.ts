import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { edit, faultJsonPath, faultPath, validFaultJson, validFaultMdx } from './harness.ts';

const fault = validFaultMdx;
const pdf = new TextEncoder().encode('%PDF-1.4\n% omarc test attachment\n%%EOF\n');
const pdfSha = createHash('sha256').update(pdf).digest('hex');
const attachmentPath = `attachments/${pdfSha.slice(0, 2)}/${pdfSha}.pdf`;
const withAttachment = (sha: string) =>
  edit(
    fault,
    'attachments: []',
    `attachments:\n  - sha256: ${sha}\n    mime: application/pdf\n    titleZh: 故障报告扫描件`,
  );

/** A PEM armour line, assembled so that no key-shaped text sits in the repository (it is not a key either way). */
function pemLine(edge: 'BEGIN' | 'END'): string {
  return `-----${edge} RSA ${'PRIVATE'} KEY-----`;
}

/** A Chinese ID number with a valid check digit, made up for the test (GB 11643). */
function fakeIdNumber(): string {
  const body = '41110219800101123';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return body + '10X98765432'[sum % 11];
}

export interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  symlinks?: Record<string, string>;
  /** `code@line:col` of every diagnostic, in output order, for the file under test. */
  expected: string[];
  /** The file whose diagnostics are compared (default: the first file). */
  file?: string;
}

export const cases: Case[] = [
  { name: 'valid MDX fault ticket', files: { [faultPath]: fault }, expected: [] },
  { name: 'valid JSON fault ticket', files: { [faultJsonPath]: validFaultJson }, expected: [] },
  {
    name: 'truncated YAML (no closing fence)',
    files: { [faultPath]: fault.slice(0, fault.indexOf('level:')) },
    expected: ['parse/front-matter-unclosed@1:1'],
  },
  {
    name: 'truncated YAML (unclosed quote)',
    files: { [faultPath]: edit(fault, 'causeZh: 应用服务', 'causeZh: "应用服务') },
    expected: ['parse/yaml@19:10'],
  },
  {
    name: 'tab indentation in YAML',
    files: { [faultPath]: edit(fault, 'attachments: []', 'attachments:\n\t- x') },
    expected: ['parse/yaml-tab@10:1'],
  },
  { name: 'UTF-8 BOM', files: { [faultPath]: `\ufeff${fault}` }, expected: ['format/bom@1:1'] },
  {
    name: 'CRLF line endings',
    files: { [faultPath]: fault.replaceAll('\n', '\r\n') },
    expected: ['format/crlf@1:4'],
  },
  {
    name: 'wrong type (string where the level enum wants an integer)',
    files: { [faultPath]: edit(fault, 'level: 3', 'level: "3"') },
    expected: ['schema/enum@13:8'],
  },
  {
    name: 'wrong type (number for string)',
    files: { [faultPath]: edit(fault, 'ticketNo: GD-20261021-01', 'ticketNo: 20261021') },
    expected: ['schema/type@10:11'],
  },
  {
    name: 'wrong type (scalar for array)',
    files: { [faultPath]: edit(fault, 'itemNos: [62]', 'itemNos: 62') },
    expected: ['schema/type@6:10'],
  },
  {
    name: 'unknown field',
    files: { [faultPath]: edit(fault, 'level: 3', 'level: 3\ncolour: red') },
    expected: ['schema/unknown-property@14:1'],
  },
  {
    name: 'misspelt Chinese enum value',
    files: { [faultPath]: edit(fault, 'categoryZh: 系统服务', 'categoryZh: 系统服物') },
    expected: ['schema/enum@14:13'],
  },
  {
    name: 'impossible date 2026-02-30',
    files: {
      [faultPath]: edit(
        fault,
        'resolvedAt: 2026-10-22T09:00:00+08:00',
        'resolvedAt: 2026-02-30T09:00:00+08:00',
      ),
    },
    expected: ['schema/format@18:13'],
  },
  {
    name: 'timestamp without offset',
    files: {
      [faultPath]: edit(fault, 'respondedAt: 2026-10-21T10:15:00+08:00', 'respondedAt: 2026-10-21T10:15:00'),
    },
    expected: ['schema/format@17:14'],
  },
  {
    name: 'timestamp without seconds',
    files: {
      [faultPath]: edit(
        fault,
        'respondedAt: 2026-10-21T10:15:00+08:00',
        'respondedAt: 2026-10-21T10:15+08:00',
      ),
    },
    expected: ['schema/format@17:14'],
  },
  {
    name: 'missing required field',
    files: { [faultPath]: edit(fault, 'ticketNo: GD-20261021-01\n', '') },
    expected: ['schema/required@2:1'],
  },
  {
    name: 'duplicate YAML key',
    files: { [faultPath]: edit(fault, 'level: 3', 'level: 3\nlevel: 2') },
    expected: ['parse/duplicate-key@14:1'],
  },
  {
    name: 'missing front matter',
    files: { [faultPath]: '# 只有正文\n\n没有结构化字段。\n' },
    expected: ['parse/front-matter-missing@1:1'],
  },
  {
    name: 'HTML comment in MDX',
    files: { [faultPath]: `${fault}\n<!-- 内部备注 -->\n` },
    expected: ['mdx/html-comment@28:1'],
  },
  { name: 'ESM import', files: { [faultPath]: `${fault}\nimport x from 'y'\n` }, expected: ['mdx/esm@28:1'] },
  {
    name: 'ESM export',
    files: { [faultPath]: `${fault}\nexport const score = 100\n` },
    expected: ['mdx/esm@28:1'],
  },
  {
    name: 'JS expression',
    files: { [faultPath]: `${fault}\n得分 {30 - 0} 分\n` },
    expected: ['mdx/expression@28:4'],
  },
  {
    name: 'expression attribute',
    files: { [faultPath]: `${fault}\n<Note title={x}>备注</Note>\n` },
    expected: ['mdx/expression-attribute@28:7'],
  },
  {
    name: 'spread attribute',
    files: { [faultPath]: `${fault}\n<Note {...props}>备注</Note>\n` },
    expected: ['mdx/expression-attribute@28:7'],
  },
  {
    name: 'component not on the whitelist',
    files: { [faultPath]: `${fault}\n<Chart data="x" />\n` },
    expected: ['mdx/component@28:1'],
  },
  {
    name: 'unknown attribute on a whitelisted component',
    files: { [faultPath]: `${fault}\n<Note tone="red">备注</Note>\n` },
    expected: ['mdx/attribute@28:7'],
  },
  {
    name: 'raw script element',
    files: { [faultPath]: `${fault}\n<script>alert(1)</script>\n` },
    expected: ['mdx/html@28:1'],
  },
  {
    name: 'raw iframe element',
    files: { [faultPath]: `${fault}\n<iframe src="https://example.org" />\n` },
    expected: ['mdx/html@28:1'],
  },
  {
    name: 'event handler attribute',
    files: { [faultPath]: `${fault}\n<Note onClick="steal()">备注</Note>\n` },
    expected: ['mdx/event-handler@28:7'],
  },
  {
    name: 'javascript: link',
    files: { [faultPath]: `${fault}\n[点击](javascript:alert(1))\n` },
    expected: ['mdx/url@28:1'],
  },
  {
    name: 'data: image',
    files: { [faultPath]: `${fault}\n![图](data:image/png;base64,AAAA)\n` },
    expected: ['mdx/url@28:1'],
  },
  {
    name: 'link path with .. leaving content/',
    files: { [faultPath]: `${fault}\n[扫描件](../../../../../../../etc/passwd)\n` },
    expected: ['path/escape@28:1'],
  },
  {
    name: 'binary garbage',
    files: { [faultPath]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00]) },
    expected: ['parse/binary@1:1'],
  },
  {
    name: 'invalid UTF-8',
    files: { [faultPath]: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0x0a]) },
    expected: ['parse/binary@1:1'],
  },
  { name: 'empty file', files: { [faultPath]: '' }, expected: ['parse/empty@1:1'] },
  { name: 'whitespace-only file', files: { [faultPath]: '\n  \n' }, expected: ['parse/empty@1:1'] },
  {
    name: '10 MB file',
    files: { [faultPath]: `${fault}\n${'很长的说明。'.repeat(600_000)}\n` },
    expected: ['parse/too-large@1:1'],
  },
  {
    name: 'JSON trailing comma',
    files: {
      [faultJsonPath]: edit(
        validFaultJson,
        '"resolutionZh": "清理缓存并升级浏览器"',
        '"resolutionZh": "清理缓存并升级浏览器",',
      ),
    },
    expected: ['parse/json@25:1'],
  },
  {
    name: 'JSON duplicate key',
    files: { [faultJsonPath]: edit(validFaultJson, '"level": 4,', '"level": 4,\n  "level": 3,') },
    expected: ['parse/duplicate-key@18:3'],
  },
  {
    name: 'JSON array instead of object',
    files: { [faultJsonPath]: '[1, 2]\n' },
    expected: ['parse/not-object@1:1'],
  },
  {
    name: 'JSON unknown field',
    files: { [faultJsonPath]: edit(validFaultJson, '"level": 4,', '"level": 4,\n  "priority": "high",') },
    expected: ['schema/unknown-property@18:3'],
  },
  {
    name: 'symlink out of content/',
    files: {},
    symlinks: { 'evidence/luohe-2026-b/2026-10/U10/62/fault-009.mdx': '/etc/hostname' },
    file: 'content/evidence/luohe-2026-b/2026-10/U10/62/fault-009.mdx',
    expected: ['path/symlink@1:1'],
  },
  {
    name: 'duplicate ticket number',
    files: { [faultPath]: fault, 'evidence/luohe-2026-b/2026-10/U10/62/fault-003.mdx': fault },
    file: 'content/evidence/luohe-2026-b/2026-10/U10/62/fault-003.mdx',
    expected: ['dup/ticket@10:11'],
  },
  {
    name: 'duplicate id (.mdx and .json of the same name)',
    files: { [faultPath]: fault, 'evidence/luohe-2026-b/2026-10/U10/62/fault-001.json': validFaultJson },
    file: 'content/evidence/luohe-2026-b/2026-10/U10/62/fault-001.mdx',
    expected: ['dup/id@2:7'],
  },
  {
    name: 'response before the report',
    files: {
      [faultPath]: edit(
        fault,
        'respondedAt: 2026-10-21T10:15:00+08:00',
        'respondedAt: 2026-10-21T09:15:00+08:00',
      ),
    },
    expected: ['time/order@17:14'],
  },
  {
    name: 'resolution before the response',
    files: {
      [faultPath]: edit(
        fault,
        'resolvedAt: 2026-10-22T09:00:00+08:00',
        'resolvedAt: 2026-10-21T10:05:00+08:00',
      ),
    },
    expected: ['time/order@18:13'],
  },
  {
    name: 'record outside its period',
    files: {
      [faultPath]: edit(
        edit(
          edit(fault, 'reportedAt: 2026-10-21T10:00', 'reportedAt: 2026-11-21T10:00'),
          'respondedAt: 2026-10-21',
          'respondedAt: 2026-11-21',
        ),
        'resolvedAt: 2026-10-22',
        'resolvedAt: 2026-11-22',
      ),
    },
    expected: ['time/period@15:13'],
  },
  {
    name: 'period outside the service period',
    files: {
      'evidence/luohe-2026-b/2028-01/U10/62/fault-001.mdx': edit(fault, 'period: 2026-10', 'period: 2028-01'),
    },
    expected: ['time/unknown-period@4:9'],
  },
  {
    name: 'file in the wrong unit folder',
    files: { 'evidence/luohe-2026-b/2026-10/U07/62/fault-001.mdx': fault },
    expected: ['path/mismatch@5:9'],
  },
  {
    name: 'file in the wrong period folder',
    files: { 'evidence/luohe-2026-b/2026-09/U10/62/fault-001.mdx': fault },
    expected: ['path/mismatch@4:9', 'time/period@15:13'],
  },
  {
    name: 'kind differs from the file name',
    files: { 'evidence/luohe-2026-b/2026-10/U10/62/vuln-001.mdx': fault },
    expected: ['path/mismatch@2:7'],
  },
  {
    name: 'unknown evidence kind in file name',
    files: { 'evidence/luohe-2026-b/2026-10/U10/62/photo-001.mdx': fault },
    expected: ['path/unknown-kind@1:1'],
  },
  {
    name: 'unsupported extension',
    files: { 'evidence/luohe-2026-b/2026-10/U10/62/fault-001.md': fault },
    expected: ['path/extension@1:1'],
  },
  {
    name: 'wrong folder depth',
    files: { 'evidence/luohe-2026-b/2026-10/fault-001.mdx': fault },
    expected: ['path/layout@1:1'],
  },
  {
    name: 'unknown unit',
    files: {
      'evidence/luohe-2026-b/2026-10/U99/62/fault-001.mdx': edit(fault, 'unitId: U10', 'unitId: U99'),
    },
    expected: ['ref/unit@5:9'],
  },
  {
    name: 'unknown item',
    files: { [faultPath]: edit(fault, 'itemNos: [62]', 'itemNos: [62, 99]') },
    expected: ['ref/item@6:15'],
  },
  {
    name: 'item of another unit',
    files: { [faultPath]: edit(fault, 'itemNos: [62]', 'itemNos: [62, 53]') },
    expected: ['ref/item-unit@6:15'],
  },
  {
    name: 'unknown system',
    files: { [faultPath]: edit(fault, 'systemIds: [S62]', 'systemIds: [S62, S999]') },
    expected: ['ref/system@7:18'],
  },
  {
    name: 'system of another item',
    files: { [faultPath]: edit(fault, 'systemIds: [S62]', 'systemIds: [S53]') },
    expected: ['ref/system-item@7:13'],
  },
  {
    name: 'unknown staff member',
    files: { [faultPath]: edit(fault, 'recordedBy: LH-S1', 'recordedBy: LH-S99') },
    expected: ['ref/staff@8:13'],
  },
  {
    name: 'attachment that does not exist',
    files: { [faultPath]: withAttachment('a'.repeat(64)) },
    expected: ['ref/attachment-missing@10:13'],
  },
  {
    name: 'attachment whose bytes changed',
    files: {
      [faultPath]: withAttachment(pdfSha),
      [attachmentPath]: new TextEncoder().encode('%PDF-1.4 tampered\n'),
    },
    expected: ['ref/attachment-hash@10:13'],
  },
  {
    name: 'inline figure whose attachment bytes changed',
    files: {
      [faultPath]: `${fault}\n<Figure sha256="${pdfSha}" />\n`,
      [attachmentPath]: new TextEncoder().encode('%PDF-1.4 tampered\n'),
    },
    expected: ['ref/attachment-hash@28:1'],
  },
  {
    name: 'attachment present and intact',
    files: { [faultPath]: withAttachment(pdfSha), [attachmentPath]: pdf },
    expected: [],
  },
  {
    name: '身份证号 in the narrative',
    files: { [faultPath]: `${fault}\n联系人证件号 ${fakeIdNumber()}。\n` },
    expected: ['pii/id-number@28:8'],
  },
  {
    name: 'private key',
    files: {
      [faultPath]: `${fault}\n\`\`\`\n${pemLine('BEGIN')}\nMIIE\n${pemLine('END')}\n\`\`\`\n`,
    },
    expected: ['pii/private-key@29:1'],
  },
  {
    name: 'password',
    files: { [faultPath]: `${fault}\n管理员密码：Adm1n@2026\n` },
    expected: ['pii/password@28:4'],
  },
  {
    name: 'review with unknown kind',
    files: {
      'reviews/luohe-2026-b/2026-10/x.json':
        '{"kind": "opinion", "id": "x", "contractId": "luohe-2026-b", "period": "2026-10"}\n',
    },
    expected: ['schema/enum@1:10'],
  },
  {
    name: 'occurredAt disagrees with the ticket',
    files: { [faultPath]: edit(fault, 'level: 3', 'level: 3\noccurredAt: 2026-10-20T10:00:00+08:00') },
    expected: ['time/occurred-mismatch@14:13'],
  },
  {
    name: 'MDX syntax error (unclosed component)',
    files: { [faultPath]: `${fault}\n<Note>没有闭合\n` },
    expected: ['mdx/parse@28:1'],
  },
  {
    name: 'whitelisted component missing its required attribute',
    files: { [faultPath]: `${fault}\n<Unit>没有单位编号</Unit>\n` },
    expected: ['mdx/missing-attribute@28:1'],
  },
  { name: 'stray file in content/', files: { 'README.txt': '说明\n' }, expected: ['path/unknown-file@1:1'] },
  {
    name: 'unknown kind value',
    files: { [faultPath]: edit(fault, 'kind: fault', 'kind: faulty') },
    expected: ['path/mismatch@2:7', 'schema/const@2:7'],
  },
  {
    name: 'id that breaks its pattern',
    files: { [faultPath]: edit(fault, 'systemIds: [S62]', 'systemIds: ["S 62"]') },
    expected: ['ref/system@7:13', 'schema/pattern@7:13'],
  },
  {
    name: 'number out of range',
    files: { [faultPath]: edit(fault, 'itemNo: 62', 'itemNo: 0') },
    expected: ['path/mismatch@11:9', 'ref/item@11:9', 'schema/range@11:9'],
  },
  {
    name: 'empty required text',
    files: { [faultPath]: edit(fault, 'causeZh: 应用服务进程内存溢出导致页面无法访问', 'causeZh: ""') },
    expected: ['schema/length@19:10'],
  },
  {
    name: 'repeated item in a unique list',
    files: { [faultPath]: edit(fault, 'itemNos: [62]', 'itemNos: [62, 62]') },
    expected: ['schema/unique@6:10'],
  },
  {
    name: 'evidence for a contract that does not exist',
    files: {
      'evidence/no-such-contract/2026-10/U10/62/fault-001.mdx': edit(
        fault,
        'contractId: luohe-2026-b',
        'contractId: no-such-contract',
      ),
    },
    expected: ['ref/contract@3:13'],
  },
  {
    name: 'contract folder without its registry files',
    files: {
      'contracts/half-done/contract.json': readFileSync('content/contracts/luohe-2026-b/contract.json'),
    },
    file: 'content/contracts/half-done/contract.json',
    expected: [
      'ref/registry-missing@1:1',
      'ref/registry-missing@1:1',
      'ref/registry-missing@1:1',
      'ref/registry-missing@1:1',
      'ref/registry-missing@1:1',
      'ref/registry-missing@1:1',
    ],
  },
  {
    name: 'backup for a system that needs none',
    files: { 'evidence/luohe-2026-b/2026-10/U07/46/backup-001.json': backupJson('S46', 46) },
    expected: ['ref/system-flag@10:5'],
  },
  {
    name: 'relative link to a missing file',
    files: { [faultPath]: `${fault}\n[附件](./missing.pdf)\n` },
    expected: ['ref/link-missing@28:1'],
  },
  {
    name: 'supersedes an unknown record',
    files: {
      [faultPath]: edit(fault, 'level: 3', 'level: 3\nsupersedes: luohe-2026-b/2026-10/U10/62/fault-000'),
    },
    expected: ['ref/evidence@14:13'],
  },
  {
    name: 'platform entry after the period',
    files: {
      'evidence/luohe-2026-b/2026-10/U10/62/backup-001.json': backupJson(
        'S62',
        62,
        '2026-11-12T09:00:00+08:00',
      ),
    },
    expected: ['time/platform-late@22:15'],
  },
  {
    name: 'satisfaction form for another period',
    files: { 'evidence/luohe-2026-b/2026-10/U10/_unit/satisfaction-001.json': satisfactionJson('2026-09') },
    expected: ['time/evaluation-period@8:23', 'ref/attachment-missing@31:15'],
  },
];

/** A valid Luohe backup record as JSON. */
function backupJson(systemId: string, itemNo: number, platformAt = '2026-10-11T09:00:00+08:00'): string {
  const unitId = itemNo === 62 ? 'U10' : 'U07';
  return `${JSON.stringify(
    {
      kind: 'backup',
      contractId: 'luohe-2026-b',
      period: '2026-10',
      unitId,
      itemNos: [itemNo],
      systemIds: [systemId],
      recordedBy: 'LH-S2',
      attachments: [],
      systemId,
      startedAt: '2026-10-11T01:00:00+08:00',
      completedAt: '2026-10-11T01:40:00+08:00',
      result: 'success',
      type: 'full',
      dataScopeZh: '业务数据库全量',
      backupPath: `/backup/${systemId}/2026-10-11/full.dump`,
      storageTargetZh: '专用备份存储（访问受控）',
      platform: { ref: 'PT-20261011-001', submittedAt: platformAt },
    },
    null,
    2,
  )}\n`;
}

/** A valid Luohe satisfaction form as JSON, for `evaluationPeriod`. */
function satisfactionJson(evaluationPeriod: string): string {
  const row = (level: string) => ({ level });
  return `${JSON.stringify(
    {
      kind: 'satisfaction',
      contractId: 'luohe-2026-b',
      period: '2026-10',
      unitId: 'U10',
      recordedBy: 'LH-S1',
      attachments: [],
      evaluationPeriod,
      evaluationDate: '2026-11-05',
      ratings: {
        运维服务对接情况: row('满意'),
        系统正常使用情况: row('满意'),
        异常响应情况: row('基本满意'),
        异常解决情况: row('满意'),
        运维公司服务态度: row('满意'),
      },
      accidentOccurred: false,
      signedAndSealed: true,
      receivedByCenterAt: '2026-11-06T10:00:00+08:00',
      scan: { sha256: 'b'.repeat(64), mime: 'application/pdf', titleZh: '满意度评价表扫描件', sealed: true },
    },
    null,
    2,
  )}\n`;
}
