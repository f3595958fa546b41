import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCalendars } from '../../../src/calendar/index.ts';
import type { ContractRegistry } from '../../../src/content/registry.ts';
import type { Evidence, EvidenceKind, EvidenceOf, Review, ReviewKind, ReviewOf } from '../../../src/model/index.ts';
import type { ScoreRule } from '../../../src/model/registry.ts';
import { periodsOf } from '../../../src/period/index.ts';
import type { ScoredRecord, ScoringInput } from '../../../src/scoring/input.ts';

// Builders for Beijing scoring inputs: the real registry JSON of content/contracts/bj-kw-2026-p4, the real
// calendars of content/calendars, and evidence / review records made in code.

export const CONTRACT_ID = 'bj-kw-2026-p4';
const contractDir = fileURLToPath(new URL(`../../../content/contracts/${CONTRACT_ID}/`, import.meta.url));
const calendarDir = fileURLToPath(new URL('../../../content/calendars/', import.meta.url));

/** The calendars of content/calendars (2026 only at the time of writing). */
export const calendar = loadCalendars(calendarDir);

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(`${contractDir}${name}.json`, 'utf8')) as T;
}

/** Overrides of the registry for config-alternative tests. */
export interface RegistryOverrides {
  /** Merged over config.json's `bj` block. */
  bj?: Record<string, unknown>;
  rules?: (rules: ScoreRule[]) => ScoreRule[];
  specialPeriods?: unknown[];
  staff?: (staff: Array<Record<string, unknown>>) => Array<Record<string, unknown>>;
}

/** The Beijing registry built from the real JSON files (as `buildRegistries` would, without the validator). */
export function bjRegistry(overrides: RegistryOverrides = {}): ContractRegistry {
  const contract = readJson<ContractRegistry['contract']>('contract');
  const file = readJson<{ common: unknown; bj: Record<string, unknown> }>('config');
  const config = { ...file, bj: { ...file.bj, ...(overrides.bj ?? {}) } } as unknown as ContractRegistry['config'];
  const baseStaff = readJson<Array<Record<string, unknown>>>('staff');
  const staff = (overrides.staff ? overrides.staff(baseStaff) : baseStaff) as unknown as ContractRegistry['staff'];
  const systems = readJson<ContractRegistry['systems']>('systems');
  const rules = readJson<ScoreRule[]>('rules');
  const bj = (config as unknown as { bj: { servicePeriod: [string, string]; mergeShortPeriodDays: number } }).bj;
  return {
    contractId: CONTRACT_ID,
    contract,
    units: [],
    items: [],
    systems,
    staff,
    config,
    catalogue: readJson<ContractRegistry['catalogue']>('catalogue'),
    rules: overrides.rules ? overrides.rules(rules) : rules,
    specialPeriods: (overrides.specialPeriods ?? readJson<unknown[]>('special-periods')) as ContractRegistry['specialPeriods'],
    periods: periodsOf({
      servicePeriod: { start: bj.servicePeriod[0], end: bj.servicePeriod[1] },
      mode: 'calendar-month',
      mergeShortPeriodDays: bj.mergeShortPeriodDays,
    }),
    unitById: new Map(),
    itemByNo: new Map(),
    systemById: new Map(systems.map((s) => [s.id, s])),
    staffById: new Map(staff.map((s) => [s.id, s])),
    files: {},
  };
}

/** A content-addressed attachment stub. */
export function attachment(titleZh = '巡检报告'): { sha256: string; mime: 'application/pdf'; titleZh: string } {
  return { sha256: 'ab'.repeat(32), mime: 'application/pdf', titleZh };
}

type EvidenceFields<K extends EvidenceKind> = Omit<EvidenceOf<K>, 'kind' | 'contractId' | 'period' | 'recordedBy' | 'attachments'> &
  Partial<Pick<EvidenceOf<K>, 'recordedBy' | 'attachments'>>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type ReviewFields<K extends ReviewKind> = DistributiveOmit<ReviewOf<K>, 'kind' | 'contractId' | 'period' | 'id'>;

/** Collects evidence and review records with stable ids (`<kind>-<nnn>` per period) and builds ScoringInputs. */
export class BjInputBuilder {
  readonly evidence: ScoredRecord<Evidence>[] = [];
  readonly reviews: ScoredRecord<Review>[] = [];
  readonly #seq = new Map<string, number>();

  /** Adds a vendor record filed under `period`. */
  add<K extends EvidenceKind>(kind: K, period: string, fields: EvidenceFields<K>, options: { valid?: boolean; seq?: string } = {}): ScoredRecord<EvidenceOf<K>> {
    const n = (this.#seq.get(`${period}/${kind}`) ?? 0) + 1;
    this.#seq.set(`${period}/${kind}`, n);
    const id = `${CONTRACT_ID}/${period}/_pkg/_unit/${kind}-${options.seq ?? String(n).padStart(3, '0')}`;
    const data = { kind, contractId: CONTRACT_ID, period, recordedBy: 'BJ-S1', attachments: [], ...fields } as unknown as EvidenceOf<K>;
    const rec: ScoredRecord<EvidenceOf<K>> = {
      id,
      kind,
      period,
      file: `content/evidence/${id}.json`,
      line: 1,
      valid: options.valid ?? true,
      problems: options.valid === false ? [{ line: 3, column: 5, code: 'schema/required', message: '缺少字段' }] : [],
      data,
      lines: Object.fromEntries(Object.keys(fields).map((k, i) => [`/${k}`, i + 2])),
    };
    this.evidence.push(rec as unknown as ScoredRecord<Evidence>);
    return rec;
  }

  /** Adds a reviewer record filed under `period`. */
  review<K extends ReviewKind>(kind: K, period: string, name: string, fields: ReviewFields<K>, options: { valid?: boolean } = {}): ScoredRecord<ReviewOf<K>> {
    const data = { id: name, kind, contractId: CONTRACT_ID, period, ...fields } as unknown as ReviewOf<K>;
    const rec: ScoredRecord<ReviewOf<K>> = {
      id: name,
      kind,
      period,
      file: `content/reviews/${CONTRACT_ID}/${period}/${name}.json`,
      line: 1,
      valid: options.valid ?? true,
      problems: options.valid === false ? [{ line: 2, column: 3, code: 'schema/enum', message: '取值无效' }] : [],
      data,
      lines: Object.fromEntries(Object.keys(fields).map((k, i) => [`/${k}`, i + 2])),
    };
    this.reviews.push(rec as unknown as ScoredRecord<Review>);
    return rec;
  }

  /** The ScoringInput of a period. */
  input(period: string, options: { asOf?: string; registry?: ContractRegistry } = {}): ScoringInput {
    return {
      registry: options.registry ?? bjRegistry(),
      evidence: [...this.evidence],
      reviews: [...this.reviews],
      calendar,
      period,
      asOf: options.asOf ?? '2026-12-31T12:00:00+08:00',
      engineVersion: 'test',
    };
  }

  // ------------------------------------------------------------------ shortcuts

  /** Page-availability checks on every day of [from, to] at 09:00, with a report attached. */
  pageChecks(period: string, days: string[]): void {
    for (const d of days) this.add('inspection', period, { inspectedAt: `${d}T09:00:00+08:00`, mode: 'page-availability', checks: [], findings: [], staffIds: ['BJ-S5'], reportAttachment: attachment() });
  }

  /** One server check on each given date. */
  serverChecks(period: string, days: string[]): void {
    for (const d of days) this.add('inspection', period, { inspectedAt: `${d}T10:00:00+08:00`, mode: 'server', checks: [], findings: [], staffIds: ['BJ-S5'], reportAttachment: attachment() });
  }

  /** Standing documents: emergency plan, drill plan, asset register, staff list, company NDA (effective at the start). */
  standingDocs(): void {
    for (const [docKind, title] of [
      ['BJ-D01', '应急预案'],
      ['BJ-D02', '演练计划'],
      ['BJ-D13', '资产表'],
      ['BJ-D14', '项目人员名单'],
      ['BJ-D15', '项目保密协议'],
    ] as const) {
      this.add('archive', '2026-06', { docKind, scope: 'package', version: '1.0', effectiveFrom: '2026-06-09', uploadedAt: '2026-06-09T10:00:00+08:00', attachments: [attachment(title)] });
    }
  }
}

/** Every date of [from, to]. */
export function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (;;) {
    const s = d.toISOString().slice(0, 10);
    if (s > to) break;
    out.push(s);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/**
 * Spec §7.4: the November 2026 scorecard. Resident staff S1 and S5; one 二级故障 on 11-12; everything else
 * compliant (page checks every day, standing documents in force, weekly reports on time except week 46).
 */
export function november2026(): BjInputBuilder {
  const b = new BjInputBuilder();
  const P = '2026-11';
  b.standingDocs();
  b.add('archive', P, { docKind: 'BJ-D17', scope: 'package', version: '2026-10', effectiveFrom: '2026-11-02', uploadedAt: '2026-11-03T10:00:00+08:00' });
  // R01: S5 late 25 min (11-05) and 40 min (11-18).
  b.add('attendance', P, { staffId: 'BJ-S5', date: '2026-11-05', type: 'late', minutes: 25, sourceZh: '门禁考勤导出' });
  b.add('attendance', P, { staffId: 'BJ-S5', date: '2026-11-18', type: 'late', minutes: 40, sourceZh: '门禁考勤导出' });
  // R03/R04: S1 sick 4 days, team total 4.
  b.add('attendance', P, { staffId: 'BJ-S1', date: '2026-11-23', type: 'sick-leave', sickDays: 4, sourceZh: '请假单' });
  // R16: weekly reports (week 46 late), the October monthly report on its due day.
  b.add('report', P, { reportType: 'weekly', coversFrom: '2026-10-26', coversTo: '2026-11-01', submittedAt: '2026-11-02T09:00:00+08:00' });
  b.add('report', P, { reportType: 'weekly', coversFrom: '2026-11-02', coversTo: '2026-11-08', submittedAt: '2026-11-09T09:00:00+08:00' });
  b.add('report', P, { reportType: 'weekly', coversFrom: '2026-11-09', coversTo: '2026-11-15', submittedAt: '2026-11-17T09:12:00+08:00' });
  b.add('report', P, { reportType: 'weekly', coversFrom: '2026-11-16', coversTo: '2026-11-22', submittedAt: '2026-11-23T09:00:00+08:00' });
  b.add('report', P, { reportType: 'weekly', coversFrom: '2026-11-23', coversTo: '2026-11-29', submittedAt: '2026-11-30T09:00:00+08:00' });
  b.add('report', P, { reportType: 'monthly', coversFrom: '2026-10-01', coversTo: '2026-10-31', submittedAt: '2026-11-04T10:00:00+08:00' });
  // R29: page checks 30/30; server checks in weeks 45, 46, 48 (week 47 missing).
  b.pageChecks(P, datesFrom('2026-11-01', '2026-11-30'));
  b.serverChecks(P, ['2026-11-03', '2026-11-10', '2026-11-24']);
  // R45, R39, R40, R16 (fault report), R42: one 二级故障.
  b.add('fault', P, {
    ticketNo: 'GD-20261112-01',
    systemId: 'BJ-SYS1',
    level: 2,
    categoryZh: '系统服务',
    reportedAt: '2026-11-12T09:00:00+08:00',
    reportedBy: 'unit',
    notifiedAt: '2026-11-12T09:00:00+08:00',
    respondedAt: '2026-11-12T09:20:00+08:00',
    remoteRespondedAt: '2026-11-12T09:20:00+08:00',
    onSiteRequired: true,
    onSiteArrivedAt: '2026-11-12T09:50:00+08:00',
    resolvedAt: '2026-11-12T18:10:00+08:00',
    causeZh: '数据库连接池耗尽',
    resolutionZh: '扩容连接池并重启服务',
    downtimeCountsForAvailability: true,
    reportSubmittedAt: '2026-11-16T15:00:00+08:00',
  });
  b.add('availability', P, {
    target: { type: 'system', id: 'BJ-SYS1' },
    windowStart: '2026-11-01T00:00:00+08:00',
    windowEnd: '2026-12-01T00:00:00+08:00',
    serviceHours: '24x7',
    plannedDowntime: [],
    outages: [{ start: '2026-11-12T09:00:00+08:00', end: '2026-11-12T18:10:00+08:00', devicesAffected: 1, cause: '数据库连接池耗尽', controllable: true, ticketNo: 'GD-20261112-01' }],
    dataSource: { systemZh: '云应用监管平台', sha256: 'cd'.repeat(32) },
  });
  // R46: 24 devices, one firewall down 3 h.
  b.add('availability', P, {
    target: { type: 'network-security-devices', id: 'BJ-NET1' },
    windowStart: '2026-11-01T00:00:00+08:00',
    windowEnd: '2026-12-01T00:00:00+08:00',
    serviceHours: '24x7',
    plannedDowntime: [],
    outages: [{ start: '2026-11-20T02:00:00+08:00', end: '2026-11-20T05:00:00+08:00', devicesAffected: 1, cause: '防火墙宕机', controllable: true }],
    totalDevices: 24,
    dataSource: { systemZh: '网络监控', sha256: 'ef'.repeat(32) },
  });
  // R28: two non-routine hidden dangers found, reported and resolved.
  b.add('hidden-danger', P, { descZh: '存储阵列一块磁盘 SMART 预警', foundAt: '2026-11-06T10:00:00+08:00', reportedAt: '2026-11-06T10:20:00+08:00', resolvedAt: '2026-11-07T16:00:00+08:00', routine: false });
  b.add('hidden-danger', P, { descZh: '证书将于 30 天后过期', foundAt: '2026-11-19T14:00:00+08:00', reportedAt: '2026-11-19T14:10:00+08:00', resolvedAt: '2026-11-20T11:00:00+08:00', routine: false });
  // R49: praise from a 处级 leader +1, complaint from general staff −0.5.
  b.add('feedback', P, { feedbackType: '表扬', personLevel: '重要人员', receivedAt: '2026-11-13T10:00:00+08:00', contentZh: '故障处置及时' });
  b.add('feedback', P, { feedbackType: '投诉', personLevel: '一般人员', receivedAt: '2026-11-25T15:00:00+08:00', contentZh: '电话未及时回复' });
  return b;
}
