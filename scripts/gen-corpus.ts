#!/usr/bin/env node
/**
 * Synthetic Luohe corpus generator for tests and benchmarks.
 *
 *   node scripts/gen-corpus.ts --files N --seed S --out DIR [--errors K]
 *
 * Writes a content root (contracts/, calendars/, attachments/, evidence/) holding N evidence files of the Luohe
 * contract `luohe-2026-b` — half MDX with a Chinese narrative, half JSON — spread over its 12 service months,
 * 10 units, their items and systems. Output is a pure function of (files, seed, errors): same arguments, same
 * bytes. `--errors K` plants exactly K errors of varied codes and lists them in DIR/planted-errors.json.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { primaryTimeField } from '../src/model/evidence.ts';
import { type Period, periodsOf } from '../src/period/index.ts';

export interface GenerateOptions {
  /** Number of evidence files (registry, calendar and attachment files come on top). */
  files: number;
  seed: number;
  /** The content root to write; replaced if it holds an earlier generated corpus, refused if it holds anything else. */
  out: string;
  /** Errors to plant (default 0). */
  errors?: number;
}

/** One planted error: the file (relative to the content root, as `checkProject` shows it with `cwd: out`) and the code. */
export interface PlantedError {
  file: string;
  code: string;
}

export interface GenerateResult {
  /** Evidence files written, relative to `out`, sorted. */
  evidence: string[];
  /** Attachment files written, relative to `out`. */
  attachments: Array<{ file: string; sha256: string; mime: string }>;
  planted: PlantedError[];
  /** Every file under `out` that `omarc check` reads (evidence + attachments + registry + calendars). */
  totalFiles: number;
}

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const contractId = 'luohe-2026-b';
/** Marks a folder as generated so that a rerun may delete it (dot files are invisible to `omarc check`). */
const marker = '.omarc-synthetic-corpus';

// ------------------------------------------------------------------------------------------------ PRNG

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; the only source of randomness here. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }
  float(): number {
    return this.#next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.#next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.#next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.#next() * items.length)] as T;
  }
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.#next() * total;
    for (const [value, weight] of entries) {
      x -= weight;
      if (x < 0) return value;
    }
    return (entries.at(-1) as readonly [T, number])[0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.#next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  /** `k` distinct elements, in the list's order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const chosen = new Set(this.shuffle(items.map((_, i) => i)).slice(0, Math.min(k, items.length)));
    return items.filter((_, i) => chosen.has(i));
  }
  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.#next() * 16).toString(16);
    return s;
  }
}

// ------------------------------------------------------------------------------------------------ registry

interface Unit {
  id: string;
  nameZh: string;
  itemNos: number[];
}
interface Item {
  no: number;
  unitId: string;
  nameZh: string;
  category: string;
}
interface System {
  id: string;
  itemNo: number;
  nameZh: string;
  kind: string;
  backupRequired: boolean;
  scanRequired: boolean;
  inspectionInScope: boolean;
}
interface Staff {
  id: string;
  nameZh: string;
  projectRoleZh: string;
}

interface Registry {
  units: Unit[];
  items: Item[];
  systems: System[];
  staff: Staff[];
  periods: Period[];
  unitById: Map<string, Unit>;
  itemByNo: Map<number, Item>;
  systemsByItem: Map<number, System[]>;
}

function loadRegistry(): Registry {
  const dir = join(repoRoot, 'content', 'contracts', contractId);
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  const units = read<Unit[]>('units.json');
  const items = read<Item[]>('items.json');
  const systems = read<System[]>('systems.json');
  const staff = read<Staff[]>('staff.json');
  const contract = read<{ servicePeriod: { start: string; end: string } }>('contract.json');
  const systemsByItem = new Map<number, System[]>();
  for (const s of systems) systemsByItem.set(s.itemNo, [...(systemsByItem.get(s.itemNo) ?? []), s]);
  return {
    units,
    items,
    systems,
    staff,
    periods: periodsOf({ servicePeriod: contract.servicePeriod, mode: 'service-month' }),
    unitById: new Map(units.map((u) => [u.id, u])),
    itemByNo: new Map(items.map((i) => [i.no, i])),
    systemsByItem,
  };
}

// ------------------------------------------------------------------------------------------------ time

const minuteMs = 60_000;
const hourMs = 3_600_000;
const dayMs = 86_400_000;
const shanghai = 8 * hourMs;

/** `2026-10-21T10:00:00+08:00` */
function ts(ms: number): string {
  return `${new Date(ms + shanghai).toISOString().slice(0, 19)}+08:00`;
}
function localDate(ms: number): string {
  return new Date(ms + shanghai).toISOString().slice(0, 10);
}
function compactDate(ms: number): string {
  return localDate(ms).replaceAll('-', '');
}

// ------------------------------------------------------------------------------------------------ text pools

type Kind = 'visit' | 'inspection' | 'backup' | 'scan' | 'fault' | 'vuln' | 'satisfaction' | 'report' | 'archive';
const kindWeights: ReadonlyArray<readonly [Kind, number]> = [
  ['inspection', 30],
  ['backup', 18],
  ['fault', 12],
  ['scan', 8],
  ['vuln', 8],
  ['visit', 8],
  ['satisfaction', 6],
  ['archive', 6],
  ['report', 4],
];
const kindZh: Record<Kind, string> = {
  visit: '上门回访',
  inspection: '巡检',
  backup: '数据备份',
  scan: '漏洞扫描',
  fault: '故障处置',
  vuln: '漏洞处置',
  satisfaction: '满意度评价',
  report: '工作报告',
  archive: '运维资料归档',
};

const contactRoles = ['信息科科长', '办公室主任', '网络管理员', '信息中心副主任', '综合科科员', '科技信息科负责人'];
const visitIssues = [
  '部分终端访问业务系统偶有卡顿，希望排查网络链路。',
  '视频会议室音频设备存在回声，需要调试。',
  '业务系统导出报表速度较慢，希望优化。',
  '机房空调温度偏高，建议增加巡检频次。',
  '希望提供新入职人员的系统操作培训。',
  '防火墙策略调整后个别网站无法访问。',
];
const followUps = [
  '安排工程师现场排查网络链路并出具报告。',
  '协调厂商对音视频设备进行调试。',
  '对数据库慢查询进行分析并提出优化方案。',
  '每周增加一次机房环境巡检。',
  '组织一次系统操作培训。',
  '复核防火墙访问控制策略。',
];
const inspectionTargets: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['应用服务器', 'CPU 使用率', ['12%', '23%', '35%', '41%', '56%']],
  ['应用服务器', '内存使用率', ['38%', '47%', '52%', '63%', '71%']],
  ['数据库服务器', '表空间使用率', ['45%', '58%', '66%', '72%']],
  ['数据库服务器', '慢查询数量', ['0', '2', '5', '11']],
  ['核心交换机', '端口状态', ['全部 up', '1 个端口 down（未使用）']],
  ['防火墙', '会话数', ['1.2 万', '2.6 万', '3.1 万']],
  ['机房精密空调', '回风温度', ['22.5℃', '23.1℃', '24.0℃', '25.3℃']],
  ['UPS 电源', '电池剩余容量', ['100%', '98%', '96%']],
  ['前端摄像头', '在线率', ['98.2%', '99.1%', '96.5%', '97.8%']],
  ['互联网专线', '丢包率', ['0%', '0.1%', '0.3%']],
  ['业务系统页面', '首页响应时间', ['0.8 秒', '1.2 秒', '1.9 秒']],
  ['存储设备', '磁盘健康状态', ['正常', '1 块磁盘预警']],
];
const logAnalyses = [
  '系统运行日志未见异常告警，应用错误日志较上周无明显增长。',
  '安全日志中发现少量来自境外地址的端口扫描，已被防火墙拦截。',
  '数据库日志显示夜间批处理作业全部按时完成。',
  '中间件日志出现 3 次连接池耗尽告警，已调整连接池参数并持续观察。',
  '系统日志显示磁盘 I/O 在业务高峰期略有升高，处于正常范围。',
];
const findingsZh = [
  '机房一台服务器风扇告警，已联系厂商更换。',
  '数据库备份目录剩余空间不足 20%，已清理过期备份。',
  '一路摄像头画面模糊，已安排现场擦拭镜头。',
  '防火墙特征库版本过旧，已完成升级。',
];
const backupScopes = ['业务数据库全库', '业务数据库增量日志', '应用程序及配置文件', '文件服务器附件目录', '虚拟机整机快照'];
const storageTargets = ['专用备份服务器（访问受控）', '异地备份存储（访问受控）', '备份一体机', '对象存储备份桶（访问受控）'];
const scanTools: ReadonlyArray<readonly [string, string]> = [
  ['绿盟远程安全评估系统', 'V6.0R04F04'],
  ['启明星辰天镜脆弱性扫描与管理系统', 'V6.0.18'],
  ['安恒明鉴网站安全监测平台', 'V3.2.1'],
];
const faultCategories = ['网络', '设备', '系统服务', '终端使用', '关联系统', '线路', '其他'] as const;
const faultCauses: Record<(typeof faultCategories)[number], readonly string[]> = {
  网络: ['汇聚交换机端口故障导致部分终端断网。', '运营商上联链路抖动。'],
  设备: ['服务器电源模块损坏。', '存储控制器缓存电池失效。', '摄像头供电适配器老化。'],
  系统服务: ['应用中间件内存溢出导致服务无响应。', '数据库连接数达到上限。'],
  终端使用: ['用户浏览器版本过低，页面控件无法加载。', '终端证书过期导致无法登录。'],
  关联系统: ['上游统一身份认证平台接口异常。', '省级平台数据接口变更未同步。'],
  线路: ['光缆被施工挖断。', '专线运营商机房设备故障。'],
  其他: ['机房市电短时中断。', '误操作导致配置被覆盖。'],
};
const resolutions = [
  '更换故障部件后恢复正常，已观察 2 小时无异常。',
  '重启相关服务并调整参数，业务恢复。',
  '协调运营商抢修线路，链路恢复。',
  '回滚配置并加强变更审批，业务恢复。',
  '指导用户升级浏览器并更新证书，问题解决。',
];
const vulnTitles: ReadonlyArray<readonly [string, string | undefined]> = [
  ['OpenSSH 远程代码执行漏洞', 'CVE-2024-6387'],
  ['Apache Tomcat 信息泄露漏洞', 'CVE-2024-21733'],
  ['XZ Utils 后门漏洞', 'CVE-2024-3094'],
  ['jQuery 跨站脚本漏洞', 'CVE-2020-11023'],
  ['Nginx 版本信息泄露', undefined],
  ['弱口令策略未启用', undefined],
  ['SSL/TLS 协议使用弱加密套件', undefined],
  ['MySQL 拒绝服务漏洞', 'CVE-2023-21980'],
];
const archiveDocs: ReadonlyArray<readonly [string, string]> = [
  ['C01', '运维实施方案'],
  ['C02', '应急处置预案'],
  ['C03', '运维人员名单及联系方式'],
  ['C05', '设备及系统台账'],
  ['C07', '应急演练记录'],
  ['C09', '故障分析报告'],
  ['C11', '培训记录'],
  ['T02', '网络拓扑图'],
  ['T05', '系统变更记录'],
  ['T08', '备份恢复演练记录'],
];
const attachmentKinds = [
  { ext: 'pdf', mime: 'application/pdf', titleZh: '巡检报告（盖章扫描件）', role: 'inspection' },
  { ext: 'pdf', mime: 'application/pdf', titleZh: '漏洞扫描报告', role: 'scan' },
  { ext: 'pdf', mime: 'application/pdf', titleZh: '满意度评价表扫描件', role: 'satisfaction' },
  { ext: 'pdf', mime: 'application/pdf', titleZh: '故障分析报告（盖章）', role: 'fault' },
  { ext: 'png', mime: 'image/png', titleZh: '现场照片', role: 'photo' },
  { ext: 'jpg', mime: 'image/jpeg', titleZh: '机房巡检照片', role: 'photo' },
  { ext: 'csv', mime: 'text/csv', titleZh: '备份任务日志', role: 'backup' },
  { ext: 'txt', mime: 'text/plain', titleZh: '系统运行日志摘录', role: 'log' },
] as const;
type AttachmentRole = (typeof attachmentKinds)[number]['role'];

const openers = [
  '根据合同约定及《运维考核评价办法》要求，',
  '按照本月运维工作计划，',
  '为保障业务系统稳定运行，',
  '结合使用单位反馈，',
];
const closers = [
  '相关记录已同步录入综合分析决策平台，纸质版将随月度资料一并报送。',
  '本次工作未对业务造成影响，后续将持续跟踪。',
  '如有疑问请联系项目负责人。',
  '工作完成后已向使用单位信息科负责人反馈。',
];

// ------------------------------------------------------------------------------------------------ specs

interface Attachment {
  file: string;
  sha256: string;
  mime: string;
  titleZh: string;
  role: AttachmentRole;
}

type TextMutation = 'trailing-comma' | 'esm' | 'expression' | 'html-comment';

/** One evidence file before serialisation; errors are planted by editing specs. */
interface Spec {
  relative: string;
  id: string;
  kind: Kind;
  format: 'mdx' | 'json';
  period: Period;
  unitId?: string;
  itemNo?: number;
  data: Record<string, unknown>;
  body?: string;
  mutation?: TextMutation;
}

const primaryField: Record<Kind, string> = primaryTimeField;

class Builder {
  readonly rng: Rng;
  readonly reg: Registry;
  readonly attachments: Attachment[];
  readonly specs: Spec[] = [];
  readonly #seq = new Map<string, number>();
  #ticket = 0;
  #vuln = 0;
  #platform = 0;
  readonly #faults: Spec[] = [];
  readonly #backupItems: number[];
  readonly #scanItems: number[];
  readonly #systemItems: number[];

  constructor(rng: Rng, reg: Registry, attachments: Attachment[]) {
    this.rng = rng;
    this.reg = reg;
    this.attachments = attachments;
    const itemsWith = (flag: (s: System) => boolean) =>
      [...reg.systemsByItem].filter(([, ss]) => ss.some(flag)).map(([no]) => no);
    this.#backupItems = itemsWith((s) => s.backupRequired);
    this.#scanItems = itemsWith((s) => s.scanRequired);
    this.#systemItems = itemsWith(() => true);
  }

  staff(role: 'pm' | 'ops' | 'sec' | 'any'): string {
    const ids = { pm: ['LH-S1'], ops: ['LH-S4', 'LH-S5', 'LH-S6'], sec: ['LH-S2', 'LH-S3'], any: this.reg.staff.map((s) => s.id) }[role];
    return this.rng.pick(ids);
  }

  /** A working-hours instant on day 0–21 of the period, so that follow-up times stay inside it. */
  workTime(period: Period): number {
    return period.startMs + this.rng.int(0, 21) * dayMs + this.rng.int(8, 17) * hourMs + this.rng.int(0, 11) * 5 * minuteMs;
  }

  attachment(role: AttachmentRole, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const candidates = this.attachments.filter((a) => a.role === role);
    const a = this.rng.pick(candidates);
    return { sha256: a.sha256, mime: a.mime, titleZh: a.titleZh, ...extra };
  }

  platform(ms: number): Record<string, unknown> {
    this.#platform++;
    return { ref: `PT-${compactDate(ms)}-${String(this.#platform).padStart(5, '0')}`, submittedAt: ts(ms + this.rng.int(1, 36) * 5 * minuteMs) };
  }

  add(index: number): void {
    const kind = this.rng.weighted(kindWeights);
    const format: 'mdx' | 'json' = index % 2 === 0 ? 'mdx' : 'json';
    const period = this.rng.pick(this.reg.periods);
    switch (kind) {
      case 'visit':
        return this.visit(format, period);
      case 'inspection':
        return this.inspection(format, period);
      case 'backup':
        return this.backup(format, period);
      case 'scan':
        return this.scan(format, period);
      case 'fault':
        return this.fault(format, period);
      case 'vuln':
        return this.vuln(format, period);
      case 'satisfaction':
        return this.satisfaction(format, period);
      case 'report':
        return this.report(format, period);
      case 'archive':
        return this.archive(format, period);
    }
  }

  #push(kind: Kind, format: 'mdx' | 'json', period: Period, unitId: string | undefined, itemNo: number | undefined, fields: Record<string, unknown>, staff: string) {
    const unitDir = unitId ?? '_pkg';
    const itemDir = itemNo === undefined ? '_unit' : String(itemNo);
    const dirKey = `${period.label}/${unitDir}/${itemDir}/${kind}`;
    const n = (this.#seq.get(dirKey) ?? 0) + 1;
    this.#seq.set(dirKey, n);
    const stem = `${kind}-${String(n).padStart(3, '0')}`;
    const id = `${contractId}/${period.label}/${unitDir}/${itemDir}/${stem}`;
    const data: Record<string, unknown> = {};
    if (this.rng.chance(0.2)) data.id = id;
    data.kind = kind;
    data.contractId = contractId;
    data.period = period.label;
    if (unitId !== undefined) data.unitId = unitId;
    if (itemNo !== undefined) data.itemNos = [itemNo];
    data.recordedBy = staff;
    Object.assign(data, fields);
    if (this.rng.chance(0.1)) data.occurredAt = data[primaryField[kind]];
    if (data.attachments === undefined) data.attachments = [];
    const spec: Spec = {
      relative: `evidence/${id}.${format}`,
      id,
      kind,
      format,
      period,
      ...(unitId !== undefined ? { unitId } : {}),
      ...(itemNo !== undefined ? { itemNo } : {}),
      data,
    };
    if (format === 'mdx') spec.body = this.body(spec);
    this.specs.push(spec);
    if (kind === 'fault') this.#faults.push(spec);
  }

  #unit(): Unit {
    return this.rng.pick(this.reg.units);
  }
  #itemOf(nos: readonly number[]): Item {
    return this.reg.itemByNo.get(this.rng.pick(nos)) as Item;
  }

  visit(format: 'mdx' | 'json', period: Period) {
    const unit = this.#unit();
    const at = this.workTime(period);
    const issues = this.rng.sample(visitIssues.map((_, i) => i), this.rng.int(0, 2));
    this.#push('visit', format, period, unit.id, undefined, {
      visitedAt: ts(at),
      visitorStaffIds: this.rng.sample(['LH-S1', 'LH-S4', 'LH-S6'], this.rng.int(1, 2)),
      unitContactRoleZh: this.rng.pick(contactRoles),
      topicsZh: this.rng.sample(['系统运行情况汇报', '使用情况', '反馈意见'], this.rng.int(2, 3)),
      issuesRaised: issues.map((i) => ({ descZh: visitIssues[i] })),
      followUps: issues.map((i) => ({ descZh: followUps[i], dueAt: ts(at + this.rng.int(2, 5) * dayMs) })),
      itemNosDiscussed: this.rng.sample(unit.itemNos, this.rng.int(1, Math.min(3, unit.itemNos.length))),
      platform: this.platform(at),
      attachments: [this.attachment('satisfaction', { titleZh: '回访记录表（签字扫描件）', pages: 1, signed: true })],
    }, this.staff('pm'));
  }

  inspection(format: 'mdx' | 'json', period: Period) {
    const item = this.rng.pick(this.reg.items);
    const systems = (this.reg.systemsByItem.get(item.no) ?? []).filter((s) => s.inspectionInScope);
    const at = this.workTime(period);
    const checks = this.rng.sample(inspectionTargets, this.rng.int(2, 5)).map(([targetZh, metricZh, values]) => {
      const value = this.rng.pick(values);
      return { targetZh, metricZh, value, result: '正常' };
    });
    const findings = this.rng.chance(0.15)
      ? [
          {
            descZh: this.rng.pick(findingsZh),
            foundAt: ts(at + 20 * minuteMs),
            inScope: true,
            feedbackAt: ts(at + 30 * minuteMs),
            feedbackChannel: this.rng.pick(['电话', '微信', '工单']),
          },
        ]
      : [];
    const staffIds = this.rng.sample(['LH-S4', 'LH-S5', 'LH-S6'], this.rng.int(1, 2));
    this.#push('inspection', format, period, item.unitId, item.no, {
      ...(systems.length > 0 ? { systemIds: this.rng.sample(systems.map((s) => s.id), this.rng.int(1, systems.length)) } : {}),
      inspectedAt: ts(at),
      mode: this.rng.pick(['backend', 'onsite']),
      checks,
      logAnalysisZh: this.rng.pick(logAnalyses),
      findings,
      staffIds,
      platform: this.platform(at),
      attachments: this.rng.chance(0.3) ? [this.attachment('inspection', { pages: this.rng.int(2, 12), sealed: true })] : [],
    }, staffIds[0] as string);
  }

  backup(format: 'mdx' | 'json', period: Period) {
    const item = this.#itemOf(this.#backupItems);
    const system = this.rng.pick((this.reg.systemsByItem.get(item.no) ?? []).filter((s) => s.backupRequired));
    const at = this.workTime(period);
    const ok = this.rng.chance(0.95);
    const type = this.rng.weighted([
      ['incremental', 5],
      ['full', 3],
      ['snapshot', 1],
      ['differential', 1],
    ] as const);
    this.#push('backup', format, period, item.unitId, item.no, {
      systemId: system.id,
      startedAt: ts(at),
      completedAt: ts(at + this.rng.int(3, 40) * 5 * minuteMs),
      result: ok ? 'success' : 'failed',
      type,
      dataScopeZh: this.rng.pick(backupScopes),
      ...(ok ? { backupPath: `/backup/${system.id.toLowerCase()}/${compactDate(at)}/${type}` } : {}),
      storageTargetZh: this.rng.pick(storageTargets),
      sizeBytes: this.rng.int(50, 900_000) * 1_048_576,
      checksum: `sha256:${this.rng.hex(64)}`,
      ...(this.rng.chance(0.1) ? { restoreTest: { testedAt: ts(at + 6 * hourMs), result: 'success', noteZh: '抽取样本表恢复至测试库，数据一致。' } } : {}),
      platform: this.platform(at),
      attachments: this.rng.chance(0.2) ? [this.attachment('backup')] : [],
    }, this.staff('ops'));
  }

  scan(format: 'mdx' | 'json', period: Period) {
    const item = this.#itemOf(this.#scanItems);
    const systems = (this.reg.systemsByItem.get(item.no) ?? []).filter((s) => s.scanRequired);
    const at = this.workTime(period);
    const [toolZh, toolVersion] = this.rng.pick(scanTools);
    const chosen = this.rng.sample(systems, this.rng.int(1, systems.length));
    this.#push('scan', format, period, item.unitId, item.no, {
      systemIds: chosen.map((s) => s.id),
      scannedAt: ts(at),
      toolZh,
      toolVersion,
      scopeTargets: chosen.map((s) => `${s.id.toLowerCase()}.lh-gov.internal`),
      summary: { 极危: 0, 高危: this.rng.int(0, 1), 中危: this.rng.int(0, 4), 低危: this.rng.int(0, 9) },
      reportAttachment: this.attachment('scan', { pages: this.rng.int(8, 40), sealed: true }),
      findingTicketIds: [],
      ...(this.rng.chance(0.2)
        ? { falsePositives: [{ titleZh: 'ICMP 时间戳请求响应', severity: '低危', reasonZh: '该主机位于内网，已由防火墙屏蔽外部 ICMP 请求。' }] }
        : {}),
      platform: this.platform(at),
    }, this.staff('sec'));
  }

  fault(format: 'mdx' | 'json', period: Period) {
    const item = this.rng.pick(this.reg.items);
    const systems = this.reg.systemsByItem.get(item.no) ?? [];
    const at = this.workTime(period);
    const level = this.rng.weighted([
      [4, 50],
      [3, 35],
      [2, 12],
      [1, 3],
    ] as const);
    const category =
      item.category === 'LINE_SERVICE' ? this.rng.pick(['线路', '网络'] as const) : this.rng.pick(faultCategories);
    const responded = at + this.rng.int(1, 6) * 5 * minuteMs;
    const resolved = responded + this.rng.int(1, 30) * hourMs;
    this.#ticket++;
    this.#push('fault', format, period, item.unitId, item.no, {
      ticketNo: `GD-${compactDate(at)}-${String(this.#ticket).padStart(4, '0')}`,
      itemNo: item.no,
      ...(systems.length > 0 && this.rng.chance(0.7) ? { systemId: this.rng.pick(systems).id } : {}),
      level,
      categoryZh: category,
      reportedAt: ts(at),
      reportedBy: this.rng.pick(['unit', 'center', 'vendor-monitoring']),
      respondedAt: ts(responded),
      resolvedAt: ts(resolved),
      ...(level <= 2 ? { escalation: { centerAt: ts(at + 5 * minuteMs), unitAt: ts(at + 8 * minuteMs) }, emergencyPlanActivated: level === 1 } : {}),
      causeZh: this.rng.pick(faultCauses[category]),
      resolutionZh: this.rng.pick(resolutions),
      ...(level <= 2 || this.rng.chance(0.2) ? { analysisReport: this.attachment('fault', { pages: this.rng.int(2, 6), sealed: true }) } : {}),
      attachments: this.rng.chance(0.3) ? [this.attachment('photo')] : [],
    }, this.staff('ops'));
  }

  vuln(format: 'mdx' | 'json', period: Period) {
    const item = this.#itemOf(this.#systemItems);
    const system = this.rng.pick(this.reg.systemsByItem.get(item.no) ?? []);
    const at = this.workTime(period);
    const severity = this.rng.weighted([
      ['低危', 4],
      ['中危', 4],
      ['高危', 2],
      ['极危', 0.3],
    ] as const);
    const [titleZh, cve] = this.rng.pick(vulnTitles);
    const responded = at + this.rng.int(1, 12) * 5 * minuteMs;
    const mitigate = (severity === '中危' || severity === '低危') && this.rng.chance(0.3);
    const closed = responded + this.rng.int(2, 72) * hourMs;
    this.#vuln++;
    this.#push('vuln', format, period, item.unitId, item.no, {
      vulnId: `LD-${period.label.slice(0, 4)}-${String(this.#vuln).padStart(5, '0')}`,
      itemNo: item.no,
      systemId: system.id,
      severity,
      source: this.rng.pick(['self-scan', 'self-scan', 'center-review', 'superior-notice']),
      ...(cve ? { cve: [cve] } : {}),
      titleZh,
      foundAt: ts(at),
      respondedAt: ts(responded),
      ...(mitigate
        ? { mitigatedAt: ts(closed), mitigationZh: '已通过访问控制策略限制来源地址，待厂商发布补丁后升级。' }
        : {
            fixedAt: ts(closed),
            verification: { by: 'center', at: ts(closed + this.rng.int(1, 24) * hourMs), result: 'passed' },
            regression: { introducedNewVuln: false, affectedNormalUse: false },
          }),
      attachments: [],
    }, this.staff('sec'));
  }

  satisfaction(format: 'mdx' | 'json', period: Period) {
    const unit = this.#unit();
    const at = period.startMs + this.rng.int(20, 26) * dayMs + this.rng.int(9, 16) * hourMs;
    const rows = ['运维服务对接情况', '系统正常使用情况', '异常响应情况', '异常解决情况', '运维公司服务态度'];
    const ratings: Record<string, { level: string }> = {};
    let unhappy = false;
    for (const row of rows) {
      const level = this.rng.weighted([
        ['满意', 80],
        ['基本满意', 17],
        ['一般', 3],
      ] as const);
      if (level === '一般') unhappy = true;
      ratings[row] = { level };
    }
    this.#push('satisfaction', format, period, unit.id, undefined, {
      evaluationPeriod: period.label,
      evaluationDate: localDate(at - dayMs),
      ratings,
      accidentOccurred: false,
      ...(unhappy ? { dissatisfactionReasonsZh: '个别故障响应时间偏长，希望进一步缩短到场时间。' } : {}),
      ...(this.rng.chance(0.3) ? { suggestionsZh: '建议节假日前增加一次系统巡检。' } : {}),
      signedAndSealed: true,
      receivedByCenterAt: ts(at),
      scan: this.attachment('satisfaction', { pages: 1, sealed: true, signed: true }),
    }, this.staff('pm'));
  }

  report(format: 'mdx' | 'json', period: Period) {
    const monthly = this.rng.chance(0.6);
    const at = period.startMs + this.rng.int(20, 27) * dayMs + this.rng.int(9, 17) * hourMs;
    this.#push('report', format, period, undefined, undefined, {
      reportType: monthly ? 'monthly' : this.rng.pick(['fault', 'event', 'other']),
      coversFrom: period.firstDay,
      coversTo: period.lastDay,
      ...(monthly ? { coversUnits: this.reg.units.map((u) => u.id) } : {}),
      submittedAt: ts(at),
      attachments: [],
    }, 'LH-S1');
  }

  archive(format: 'mdx' | 'json', period: Period) {
    const scope = this.rng.weighted([
      ['package', 40],
      ['unit', 25],
      ['item', 20],
      ['event', 15],
    ] as const);
    const fault = scope === 'event' ? this.#faults.at(-1) : undefined;
    const [docKind, titleZh] = fault ? (['C09', '故障分析报告'] as const) : this.rng.pick(archiveDocs);
    const where = fault ? fault.period : period;
    const at = this.workTime(where);
    const fields: Record<string, unknown> = {
      docKind,
      scope: fault ? 'event' : scope === 'event' ? 'package' : scope,
      ...(fault ? { eventRef: fault.id } : {}),
      version: `V${this.rng.int(1, 3)}.${this.rng.int(0, 9)}`,
      effectiveFrom: localDate(at),
      uploadedAt: ts(at),
      sections: [{ titleZh }],
      attachments: [this.attachment(docKind === 'C09' ? 'fault' : 'inspection', { pages: this.rng.int(3, 60), sealed: true })],
    };
    if (fault) return this.#push('archive', format, where, fault.unitId, fault.itemNo, fields, this.staff('pm'));
    if (scope === 'unit') {
      const unit = this.#unit();
      return this.#push('archive', format, where, unit.id, undefined, { ...fields, coversItemNos: unit.itemNos }, this.staff('pm'));
    }
    if (scope === 'item') {
      const item = this.rng.pick(this.reg.items);
      return this.#push('archive', format, where, item.unitId, item.no, fields, this.staff('pm'));
    }
    return this.#push('archive', format, where, undefined, undefined, fields, this.staff('pm'));
  }

  /** A few Chinese paragraphs about the record, with the components the content model allows. */
  body(spec: Spec): string {
    const d = spec.data;
    const unit = spec.unitId ? this.reg.unitById.get(spec.unitId) : undefined;
    const item = spec.itemNo !== undefined ? this.reg.itemByNo.get(spec.itemNo) : undefined;
    const where = [unit?.nameZh, item ? `事项 ${item.no}（${item.nameZh}）` : undefined].filter(Boolean).join('');
    const when = String(d[primaryField[spec.kind]] ?? '').replace('T', ' ').slice(0, 16);
    const staff = this.reg.staff.find((s) => s.id === d.recordedBy);
    const parts: string[] = [`# ${where || 'B 包'}${kindZh[spec.kind]}记录`];
    parts.push(
      `${this.rng.pick(openers)}${staff?.nameZh ?? '运维人员'}（${staff?.projectRoleZh ?? '运维工程师'}）于 ${when} 开展${kindZh[spec.kind]}工作，范围为${where || '本标段全部使用单位'}。`,
    );
    switch (spec.kind) {
      case 'inspection': {
        const checks = d.checks as Array<{ targetZh: string; metricZh: string; value: string }>;
        parts.push('## 巡检情况');
        parts.push(checks.map((c) => `- ${c.targetZh}：${c.metricZh} ${c.value}，结果正常`).join('\n'));
        parts.push(String(d.logAnalysisZh));
        break;
      }
      case 'fault':
        parts.push('## 处置经过');
        parts.push(
          `故障级别为 ${String(d.level)} 级，类别为“${String(d.categoryZh)}”。经排查，${String(d.causeZh)}${String(d.resolutionZh)}`,
        );
        parts.push(`工单编号 **${String(d.ticketNo)}**，响应时间 ${String(d.respondedAt).slice(11, 16)}，解决时间 ${String(d.resolvedAt).replace('T', ' ').slice(0, 16)}。`);
        break;
      case 'backup':
        parts.push(`本次备份类型为 ${String(d.type)}，数据范围为${String(d.dataScopeZh)}，存储于${String(d.storageTargetZh)}。`);
        break;
      case 'scan':
        parts.push(`使用${String(d.toolZh)}（${String(d.toolVersion)}）对 ${(d.systemIds as string[]).join('、')} 进行漏洞扫描，扫描报告见附件。`);
        break;
      case 'vuln':
        parts.push(`发现“${String(d.titleZh)}”，等级为${String(d.severity)}。已按漏洞处置流程完成响应与修复，并提交中心复查。`);
        break;
      case 'visit':
        parts.push('## 回访内容');
        parts.push(`与单位${String(d.unitContactRoleZh)}就${(d.topicsZh as string[]).join('、')}进行了交流。`);
        for (const issue of d.issuesRaised as Array<{ descZh: string }>) parts.push(`> ${issue.descZh}`);
        break;
      case 'satisfaction':
        parts.push('使用单位已填写《政务信息系统运维满意度评价表》并签字盖章，扫描件见附件。');
        break;
      case 'report':
        if (Array.isArray(d.coversUnits)) {
          parts.push('## 各单位运维情况');
          for (const id of d.coversUnits as string[]) {
            const u = this.reg.unitById.get(id);
            parts.push(`<Unit id="${id}">\n\n### ${u?.nameZh ?? id}\n\n本考核期内完成日常巡检、数据备份和漏洞扫描工作，系统运行总体平稳。\n\n</Unit>`);
          }
        } else parts.push('本报告对考核期内的专项工作进行了说明，详见正文及附件。');
        break;
      case 'archive':
        parts.push(`本资料为${String((d.sections as Array<{ titleZh: string }>)[0]?.titleZh)}（${String(d.version)}），自 ${String(d.effectiveFrom)} 起生效。`);
        break;
    }
    const photo = (d.attachments as Array<{ sha256: string; mime: string; titleZh: string }>).find((a) => a.mime.startsWith('image/'));
    if (photo && this.rng.chance(0.5)) parts.push(`<Figure sha256="${photo.sha256}" caption="${photo.titleZh}" />`);
    if (this.rng.chance(0.3)) parts.push('<Note>\n本记录由系统生成的合成数据，仅用于性能测试。\n</Note>');
    parts.push(this.rng.pick(closers));
    return `${parts.join('\n\n')}\n`;
  }
}

// ------------------------------------------------------------------------------------------------ errors

interface Plant {
  code: string;
  /** Kinds and format the error applies to. */
  kinds?: readonly Kind[];
  format?: 'mdx' | 'json';
  applies?: (spec: Spec, builder: Builder) => boolean;
  /** Edits the spec; returns the file the error is reported on (default: the spec itself). */
  apply: (spec: Spec, builder: Builder, pool: Spec[], used: Set<Spec>) => Spec | undefined;
}

const itemKinds: readonly Kind[] = ['inspection', 'backup', 'scan', 'fault', 'vuln'];
const requiredToDrop: Record<Kind, string> = {
  visit: 'unitContactRoleZh',
  inspection: 'staffIds',
  backup: 'storageTargetZh',
  scan: 'toolVersion',
  fault: 'causeZh',
  vuln: 'titleZh',
  satisfaction: 'signedAndSealed',
  report: 'reportType',
  archive: 'version',
};
const misspelt: Partial<Record<Kind, readonly [string, string]>> = {
  fault: ['categoryZh', '网路'],
  inspection: ['mode', 'onsight'],
  backup: ['type', 'ful'],
  vuln: ['severity', '高位'],
  report: ['reportType', 'montly'],
};

/** The headline errors first (every K ≥ 7 plants all of them), then the others. */
const headline: Plant[] = [
  {
    code: 'schema/enum',
    kinds: Object.keys(misspelt) as Kind[],
    apply: (spec) => {
      const [field, value] = misspelt[spec.kind] as readonly [string, string];
      spec.data[field] = value;
      return spec;
    },
  },
  {
    code: 'schema/required',
    apply: (spec) => {
      delete spec.data[requiredToDrop[spec.kind]];
      return spec;
    },
  },
  {
    code: 'schema/format',
    kinds: ['visit', 'inspection', 'backup', 'scan', 'fault', 'vuln', 'report', 'archive'],
    apply: (spec) => {
      const field = primaryField[spec.kind];
      spec.data[field] = String(spec.data[field]).replace(/\+08:00$/, '');
      delete spec.data.occurredAt;
      return spec;
    },
  },
  {
    code: 'ref/item',
    kinds: itemKinds,
    apply: (spec) => {
      spec.data.itemNos = [...(spec.data.itemNos as number[]), 66];
      return spec;
    },
  },
  {
    code: 'time/order',
    kinds: ['fault'],
    apply: (spec) => {
      spec.data.respondedAt = ts(Date.parse(String(spec.data.reportedAt)) - 25 * minuteMs);
      return spec;
    },
  },
  {
    code: 'dup/ticket',
    kinds: ['fault'],
    apply: (spec, builder, pool, used) => {
      // The later file in path order is reported; the first occurrence is the cause.
      const earlier = pool.filter((s) => s.kind === 'fault' && !used.has(s) && s !== spec && s.relative < spec.relative);
      if (earlier.length === 0) return undefined;
      const first = builder.rng.pick(earlier);
      used.add(first);
      spec.data.ticketNo = first.data.ticketNo;
      return spec;
    },
  },
  {
    code: 'mdx/esm',
    format: 'mdx',
    apply: (spec) => {
      spec.mutation = 'esm';
      return spec;
    },
  },
];

const others: Plant[] = [
  {
    code: 'parse/json',
    format: 'json',
    apply: (spec) => {
      spec.mutation = 'trailing-comma';
      return spec;
    },
  },
  {
    code: 'mdx/expression',
    format: 'mdx',
    apply: (spec) => {
      spec.mutation = 'expression';
      return spec;
    },
  },
  {
    code: 'mdx/html-comment',
    format: 'mdx',
    apply: (spec) => {
      spec.mutation = 'html-comment';
      return spec;
    },
  },
  {
    code: 'ref/staff',
    apply: (spec) => {
      spec.data.recordedBy = 'LH-S9';
      return spec;
    },
  },
  {
    code: 'ref/system-item',
    kinds: ['backup'],
    apply: (spec, builder) => {
      const other = builder.reg.systems.filter((s) => s.backupRequired && s.itemNo !== spec.itemNo);
      spec.data.systemId = builder.rng.pick(other).id;
      return spec;
    },
  },
  {
    code: 'ref/system-flag',
    kinds: ['backup'],
    applies: (spec, builder) => (builder.reg.systemsByItem.get(spec.itemNo ?? 0) ?? []).some((s) => !s.backupRequired),
    apply: (spec, builder) => {
      const unflagged = (builder.reg.systemsByItem.get(spec.itemNo ?? 0) ?? []).filter((s) => !s.backupRequired);
      spec.data.systemId = builder.rng.pick(unflagged).id;
      return spec;
    },
  },
  {
    code: 'schema/unknown-property',
    apply: (spec) => {
      spec.data.remarksZh = '补充说明：本记录由现场工程师补录。';
      return spec;
    },
  },
  {
    code: 'ref/attachment-missing',
    apply: (spec, builder) => {
      const missing = { sha256: builder.rng.hex(64), mime: 'application/pdf', titleZh: '未上传的扫描件' };
      spec.data.attachments = [...(spec.data.attachments as unknown[]), missing];
      return spec;
    },
  },
  {
    code: 'ref/evidence',
    apply: (spec) => {
      spec.data.supersedes = `${contractId}/${spec.period.label}/${spec.unitId ?? '_pkg'}/${spec.itemNo ?? '_unit'}/${spec.kind}-missing`;
      return spec;
    },
  },
  {
    code: 'time/period',
    kinds: ['visit', 'inspection', 'backup', 'scan', 'fault', 'vuln', 'report', 'archive'],
    apply: (spec) => {
      const field = primaryField[spec.kind];
      spec.data[field] = ts(Date.parse(String(spec.data[field])) - 40 * dayMs);
      delete spec.data.occurredAt;
      return spec;
    },
  },
  {
    code: 'path/mismatch',
    apply: (spec, builder) => {
      spec.data.period = builder.rng.pick(builder.reg.periods.filter((p) => p !== spec.period)).label;
      return spec;
    },
  },
  {
    code: 'time/evaluation-period',
    kinds: ['satisfaction'],
    apply: (spec, builder) => {
      spec.data.evaluationPeriod = builder.rng.pick(builder.reg.periods.filter((p) => p !== spec.period)).label;
      return spec;
    },
  },
];

function plantErrors(builder: Builder, count: number): PlantedError[] {
  const { rng, specs } = builder;
  const order = [...rng.shuffle(headline), ...rng.shuffle(others)];
  const used = new Set<Spec>();
  const planted: PlantedError[] = [];
  let misses = 0;
  for (let i = 0; planted.length < count; i++) {
    const plant = order[i % order.length] as Plant;
    const eligible = specs.filter(
      (s) =>
        !used.has(s) &&
        (!plant.kinds || plant.kinds.includes(s.kind)) &&
        (!plant.format || plant.format === s.format) &&
        (!plant.applies || plant.applies(s, builder)),
    );
    const spec = eligible.length > 0 ? rng.pick(eligible) : undefined;
    const target = spec ? plant.apply(spec, builder, specs, used) : undefined;
    if (!spec || !target) {
      if (++misses > order.length * 2) throw new Error(`cannot plant ${count} errors in ${specs.length} files; generate more files`);
      continue;
    }
    misses = 0;
    used.add(spec);
    planted.push({ file: target.relative, code: plant.code });
  }
  return planted.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

// ------------------------------------------------------------------------------------------------ output

function serialise(spec: Spec): string {
  if (spec.format === 'json') {
    const text = `${JSON.stringify(spec.data, null, 2)}\n`;
    // A trailing comma after the last member: strict JSON refuses it.
    return spec.mutation === 'trailing-comma' ? text.replace(/\n\}\n$/, ',\n}\n') : text;
  }
  let body = spec.body ?? '';
  const cut = body.indexOf('\n\n') + 2;
  const insert = (block: string) => `${body.slice(0, cut)}${block}\n\n${body.slice(cut)}`;
  if (spec.mutation === 'esm') body = insert("import { Chart } from './chart.js'");
  if (spec.mutation === 'expression') body = insert('本月共处理工单 {ticketCount} 张。');
  if (spec.mutation === 'html-comment') body = insert('<!-- 内部备注：待补充签字页 -->');
  return `---\n${stringify(spec.data, { lineWidth: 0 })}---\n\n${body}`;
}

function makeAttachments(rng: Rng): Array<Attachment & { bytes: Uint8Array }> {
  return attachmentKinds.map((kind, i) => {
    const size = rng.int(1024, 8192);
    const random = Buffer.alloc(size);
    for (let j = 0; j < size; j++) random[j] = rng.int(0, 255);
    const head =
      kind.ext === 'pdf'
        ? Buffer.from(`%PDF-1.4\n% omarc synthetic attachment ${i}: ${kind.titleZh}\n`)
        : kind.ext === 'png'
          ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
          : kind.ext === 'jpg'
            ? Buffer.from([0xff, 0xd8, 0xff, 0xe0])
            : Buffer.from(`# omarc synthetic attachment ${i}: ${kind.titleZh}\n`);
    const bytes =
      kind.ext === 'csv' || kind.ext === 'txt'
        ? Buffer.from(`${head.toString()}${Array.from({ length: 40 }, (_, r) => `${r},任务${r},成功,${rng.int(10, 999)}`).join('\n')}\n`)
        : Buffer.concat([head, random, Buffer.from(kind.ext === 'pdf' ? '\n%%EOF\n' : '')]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { file: `attachments/${sha256.slice(0, 2)}/${sha256}.${kind.ext}`, sha256, mime: kind.mime, titleZh: kind.titleZh, role: kind.role, bytes };
  });
}

function prepareOut(out: string): void {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(marker)) {
      throw new Error(`${out} is not empty and was not written by gen-corpus; refusing to overwrite it`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, marker), 'Synthetic corpus written by scripts/gen-corpus.ts; safe to delete.\n');
}

/** Writes a synthetic Luohe corpus into `options.out`; deterministic for a given (files, seed, errors). */
export function generateCorpus(options: GenerateOptions): GenerateResult {
  const { files, seed } = options;
  const errors = options.errors ?? 0;
  if (!Number.isInteger(files) || files < 1) throw new Error('--files must be a positive integer');
  if (!Number.isInteger(errors) || errors < 0 || errors > files) throw new Error('--errors must be an integer between 0 and --files');
  const out = resolve(options.out);
  const rng = new Rng(seed);
  const attachments = makeAttachments(rng);
  const builder = new Builder(rng, loadRegistry(), attachments);
  for (let i = 0; i < files; i++) builder.add(i);
  const planted = errors > 0 ? plantErrors(builder, errors) : [];

  prepareOut(out);
  for (const name of ['contracts', 'calendars']) cpSync(join(repoRoot, 'content', name), join(out, name), { recursive: true });
  const made = new Set<string>();
  const write = (relative: string, data: string | Uint8Array) => {
    const dir = relative.slice(0, relative.lastIndexOf('/'));
    if (!made.has(dir)) {
      mkdirSync(join(out, dir), { recursive: true });
      made.add(dir);
    }
    writeFileSync(join(out, relative), data);
  };
  for (const a of attachments) write(a.file, a.bytes);
  for (const spec of builder.specs) write(spec.relative, serialise(spec));
  if (errors > 0) writeFileSync(join(out, 'planted-errors.json'), `${JSON.stringify(planted, null, 2)}\n`);

  const registryFiles = ['contracts', 'calendars'].reduce(
    (n, name) => n + readdirSync(join(out, name), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length,
    0,
  );
  return {
    evidence: builder.specs.map((s) => s.relative).sort(),
    attachments: attachments.map(({ file, sha256, mime }) => ({ file, sha256, mime })),
    planted,
    totalFiles: builder.specs.length + attachments.length + registryFiles + (errors > 0 ? 1 : 0),
  };
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      files: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      errors: { type: 'string', default: '0' },
    },
  });
  if (!values.files || !values.out) {
    process.stderr.write('usage: node scripts/gen-corpus.ts --files N --seed S --out DIR [--errors K]\n');
    process.exit(2);
  }
  const started = performance.now();
  const result = generateCorpus({ files: Number(values.files), seed: Number(values.seed), out: values.out, errors: Number(values.errors) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `wrote ${result.evidence.length} evidence files, ${result.attachments.length} attachments (${result.totalFiles} files in all) to ${resolve(values.out)} in ${seconds} s` +
      (result.planted.length > 0 ? `; planted ${result.planted.length} errors, listed in planted-errors.json\n` : '\n'),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
