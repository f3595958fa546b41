// Small builders for Luohe scoring inputs: the real registry JSON and calendars, records written in code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCalendars, type WorkCalendar } from '../../../src/calendar/index.ts';
import type { ContractRegistry } from '../../../src/content/registry.ts';
import type { Evidence, Review } from '../../../src/model/index.ts';
import type { CatalogueEntry, Contract, ContractConfig, InfoSystem, LuoheConfig, OmItem, Staff, Unit } from '../../../src/model/registry.ts';
import { periodAt, periodsOf } from '../../../src/period/index.ts';
import type { ScoredRecord, ScoringInput } from '../../../src/scoring/input.ts';

export const CONTRACT = 'luohe-2026-b';
const dir = join('content', 'contracts', CONTRACT);
const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as T;

const files = {
  contract: read<Contract>('contract'),
  units: read<Unit[]>('units'),
  items: read<OmItem[]>('items'),
  systems: read<InfoSystem[]>('systems'),
  staff: read<Staff[]>('staff'),
  config: read<ContractConfig>('config'),
  catalogue: read<CatalogueEntry[]>('catalogue'),
};

/** The calendars of content/calendars. */
export const calendar: WorkCalendar = loadCalendars('content/calendars');

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** The real Luohe registry, with optional `luohe` config overrides (deep-merged; extras allowed). */
export function registry(luohe: DeepPartial<LuoheConfig> & Record<string, unknown> = {}): ContractRegistry {
  const base = structuredClone(files.config) as unknown as { common: unknown; luohe: Record<string, unknown> };
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const cur = out[k];
      out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && cur !== null && typeof cur === 'object' && !Array.isArray(cur) && k !== 'unitOverrides' ? merge(cur as Record<string, unknown>, v as Record<string, unknown>) : v;
    }
    return out;
  };
  const config = { common: base.common, luohe: merge(base.luohe, luohe) } as unknown as ContractConfig;
  const mode = (config as unknown as { luohe: { periodMode: 'service-month' | 'calendar-month' } }).luohe.periodMode;
  return {
    contractId: CONTRACT,
    contract: files.contract,
    units: files.units,
    items: files.items,
    systems: files.systems,
    staff: files.staff,
    config,
    catalogue: files.catalogue,
    rules: [],
    specialPeriods: [],
    periods: periodsOf({ servicePeriod: files.contract.servicePeriod, mode }),
    unitById: new Map(files.units.map((u) => [u.id, u])),
    itemByNo: new Map(files.items.map((i) => [i.no, i])),
    systemById: new Map(files.systems.map((s) => [s.id, s])),
    staffById: new Map(files.staff.map((s) => [s.id, s])),
    files: {},
  };
}

export const servicePeriods = periodsOf({ servicePeriod: files.contract.servicePeriod, mode: 'service-month' });
export const items = files.items;
export const systems = files.systems;
export const units = files.units;

/** `2026-10-21T10:00:00+08:00` from a date and `HH:mm[:ss]`. */
export function at(date: string, time = '10:00'): string {
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

/** Service-month label containing an instant. */
export function periodLabelOf(instant: string): string {
  const p = periodAt(servicePeriods, Date.parse(instant));
  if (!p) throw new Error(`no period for ${instant}`);
  return p.label;
}

const sha = 'a'.repeat(64);
const scan = { sha256: sha, mime: 'application/pdf' as const, titleZh: '扫描件', signed: true, sealed: true };

/** Collects records and turns them into a ScoringInput. */
export class Builder {
  evidence: Array<ScoredRecord<Evidence>> = [];
  reviews: Array<ScoredRecord<Review>> = [];
  #seq = 0;

  #next(): string {
    this.#seq += 1;
    return String(this.#seq).padStart(4, '0');
  }

  /** Adds any evidence record (id and period derived unless given). */
  add(data: Record<string, unknown> & { kind: string }, options: { period?: string; unit?: string; item?: number | string; valid?: boolean; time: string; seq?: string } ): ScoredRecord<Evidence> {
    const period = options.period ?? periodLabelOf(options.time);
    const unit = options.unit ?? '_pkg';
    const item = options.item ?? '_unit';
    const id = `${CONTRACT}/${period}/${unit}/${item}/${data.kind}-${options.seq ?? this.#next()}`;
    const record: ScoredRecord<Evidence> = {
      id,
      kind: data.kind,
      period,
      file: `content/evidence/${id}.json`,
      line: 1,
      valid: options.valid ?? true,
      problems: options.valid === false ? [{ line: 1, column: 1, code: 'schema/required', message: '缺少字段' }] : [],
      data: { contractId: CONTRACT, period, recordedBy: 'LH-S4', attachments: [], ...(unit !== '_pkg' ? { unitId: unit } : {}), ...data } as unknown as Evidence,
      lines: {},
    };
    this.evidence.push(record);
    return record;
  }

  /** Adds any review record. */
  review(data: Record<string, unknown> & { kind: string; period: string }, options: { id?: string; valid?: boolean } = {}): ScoredRecord<Review> {
    const id = options.id ?? `${data.kind}-${this.#next()}`;
    const record: ScoredRecord<Review> = {
      id,
      kind: data.kind,
      period: data.period,
      file: `content/reviews/${CONTRACT}/${data.period}/${id}.json`,
      line: 1,
      valid: options.valid ?? true,
      problems: options.valid === false ? [{ line: 1, column: 1, code: 'schema/required', message: '缺少字段' }] : [],
      data: { id, contractId: CONTRACT, ...data } as unknown as Review,
      lines: {},
    };
    this.reviews.push(record);
    return record;
  }

  visit(unit: string, time: string, extra: Record<string, unknown> = {}) {
    return this.add(
      { kind: 'visit', visitedAt: time, visitorStaffIds: ['LH-S4'], unitContactRoleZh: '信息科', topicsZh: ['使用情况'], issuesRaised: [], followUps: [], itemNosDiscussed: [], platform: { ref: 'PF', submittedAt: time }, attachments: [scan], ...extra },
      { unit, time },
    );
  }

  inspection(unit: string, itemNos: number[], time: string, extra: Record<string, unknown> = {}) {
    return this.add({ kind: 'inspection', inspectedAt: time, mode: 'backend', itemNos, checks: [], findings: [], staffIds: ['LH-S4'], platform: { ref: 'PF', submittedAt: time }, ...extra }, { unit, item: itemNos[0] ?? '_unit', time });
  }

  backup(unit: string, systemId: string, time: string, extra: Record<string, unknown> = {}) {
    const item = systems.find((s) => s.id === systemId)?.itemNo;
    return this.add(
      { kind: 'backup', systemId, itemNos: item !== undefined ? [item] : [], systemIds: [systemId], startedAt: time, completedAt: time, result: 'success', type: 'full', dataScopeZh: '全库', backupPath: '/backup/x', storageTargetZh: '备份一体机', platform: { ref: 'PF', submittedAt: time }, ...extra },
      { unit, ...(item !== undefined ? { item } : {}), time },
    );
  }

  scan(unit: string, systemIds: string[], time: string, extra: Record<string, unknown> = {}) {
    const itemNos = [...new Set(systemIds.map((s) => systems.find((x) => x.id === s)?.itemNo).filter((x): x is number => x !== undefined))];
    return this.add(
      { kind: 'scan', systemIds, itemNos, scannedAt: time, toolZh: '扫描器', toolVersion: '1', scopeTargets: [], summary: { 极危: 0, 高危: 0, 中危: 0, 低危: 0 }, reportAttachment: scan, findingTicketIds: [], platform: { ref: 'PF', submittedAt: time }, ...extra },
      { unit, ...(itemNos[0] !== undefined ? { item: itemNos[0] } : {}), time },
    );
  }

  fault(unit: string, itemNo: number, f: { ticketNo: string; level: 1 | 2 | 3 | 4; reportedAt: string; respondedAt?: string; resolvedAt?: string } & Record<string, unknown>) {
    return this.add({ kind: 'fault', itemNos: [itemNo], itemNo, categoryZh: '系统服务', reportedBy: 'unit', causeZh: '原因', resolutionZh: '处置', ...f }, { unit, item: itemNo, time: f.reportedAt });
  }

  vuln(unit: string, itemNo: number, v: { vulnId: string; systemId: string; severity: '极危' | '高危' | '中危' | '低危'; foundAt: string } & Record<string, unknown>) {
    return this.add({ kind: 'vuln', itemNos: [itemNo], itemNo, source: 'self-scan', titleZh: '漏洞', ...v }, { unit, item: itemNo, time: v.foundAt });
  }

  satisfaction(unit: string, period: string, levels: [string, string, string, string, string], receivedAt: string, extra: Record<string, unknown> = {}) {
    const rows = ['运维服务对接情况', '系统正常使用情况', '异常响应情况', '异常解决情况', '运维公司服务态度'];
    return this.add(
      {
        kind: 'satisfaction',
        evaluationPeriod: period,
        evaluationDate: receivedAt.slice(0, 10),
        ratings: Object.fromEntries(rows.map((r, i) => [r, { level: levels[i] }])),
        accidentOccurred: false,
        signedAndSealed: true,
        receivedByCenterAt: receivedAt,
        scan,
        ...extra,
      },
      { unit, period, time: receivedAt },
    );
  }

  archive(docKind: string, scope: 'package' | 'unit' | 'item' | 'event', uploadedAt: string, extra: Record<string, unknown> = {}) {
    const unit = typeof extra.unitId === 'string' ? extra.unitId : undefined;
    return this.add({ kind: 'archive', docKind, scope, version: '1.0', effectiveFrom: uploadedAt.slice(0, 10), uploadedAt, ...extra }, { ...(unit ? { unit } : {}), time: uploadedAt });
  }

  report(reportType: string, coversFrom: string, coversTo: string, submittedAt: string, coversUnits: string[]) {
    return this.add({ kind: 'report', reportType, coversFrom, coversTo, submittedAt, coversUnits }, { time: submittedAt });
  }

  filing(unit: string, activity: 'visit' | 'inspection' | 'backup' | 'scan', f: { fromDate: string; toDate: string; waivedCount: number; filedAt: string } & Record<string, unknown>) {
    return this.add({ kind: 'filing', activity, reasonZh: '客观原因', ...f }, { unit, time: f.filedAt });
  }

  statusChange(unit: string, itemNo: number, effectiveAt: string, status: 'active' | 'suspended' | 'terminated', extra: Record<string, unknown> = {}) {
    return this.add({ kind: 'status-change', itemNo, itemNos: [itemNo], effectiveAt, status, reasonZh: '迁云上云', nonVendorCause: true, ...extra }, { unit, item: itemNo, time: effectiveAt });
  }

  event(period: string, ruleId: string, extra: Record<string, unknown> = {}, id?: string) {
    return this.review({ kind: 'event', period, ruleId, occurredAt: at(`${period}-20`), descriptionZh: `${ruleId} 事件`, evidence: [], status: 'final', proposedBy: 'reviewer', ...extra }, id ? { id } : {});
  }

  decision(period: string, decisionType: string, extra: Record<string, unknown>) {
    return this.review({ kind: 'decision', period, decisionType, decidedBy: 'lh-reviewer-1', decidedAt: at(`${period}-25`), ...extra });
  }

  paperReceipt(period: string, receivedAt: string, documents: 'all-uploaded' | string[] = 'all-uploaded') {
    return this.review({ kind: 'paper-receipt', period, receivedAt, receiptRef: `PR-${period}`, documents });
  }

  signoff(period: string, signedAt: string, extra: Record<string, unknown> = {}) {
    return this.review({ kind: 'signoff', period, signedBy: 'lh-reviewer-1', signedAt, ...extra });
  }

  input(period: string, asOf: string, reg: ContractRegistry = registry()): ScoringInput {
    return { registry: reg, evidence: this.evidence, reviews: this.reviews, calendar, period, asOf, engineVersion: 'test' };
  }
}

const hwItems = items.filter((i) => i.category === 'HW_SYSTEM');
const addDaysTo = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Standing documents C01–C05 and C08 (all HW items), uploaded and approved at the service start. */
export function standingDocs(b: Builder, date = '2026-06-10'): void {
  const t = at(date, '09:00');
  const all = items.map((i) => i.no);
  b.archive('C01', 'package', t, { approvedByPartyAAt: t, coversItemNos: all });
  for (const code of ['C02', 'C03', 'C04']) b.archive(code, 'package', t);
  b.archive('C05', 'package', t, { coversItemNos: all });
  for (const i of hwItems) b.archive('C08', 'item', t, { itemNos: [i.no], unitId: i.unitId });
}

/** A fully compliant month for the given units (all units by default): every daily activity, reports and paper receipt. */
export function fullMonth(b: Builder, label: string, only?: readonly string[]): void {
  const p = servicePeriods.find((x) => x.label === label);
  if (!p) throw new Error(label);
  const day = (n: number) => addDaysTo(p.firstDay, n);
  const unitIds = units.map((u) => u.id).filter((u) => !only || only.includes(u));
  for (const unit of unitIds) {
    const hw = hwItems.filter((i) => i.unitId === unit);
    if (hw.length === 0) continue;
    b.visit(unit, at(day(3)));
    for (const i of hw) for (const n of [2, 9, 16, 23]) b.inspection(unit, [i.no], at(day(n)));
    for (const s of systems.filter((x) => hw.some((i) => i.no === x.itemNo))) {
      if (s.backupRequired) for (const n of [1, 8, 15, 22]) b.backup(unit, s.id, at(day(n)));
      if (s.scanRequired) b.scan(unit, [s.id], at(day(4)));
    }
  }
  if (!only) {
    b.report('monthly', p.firstDay, p.lastDay, at(p.lastDay, '18:00'), units.map((u) => u.id));
    if (p.index % 3 === 0) b.report('quarterly', addDaysTo(p.firstDay, -61), p.lastDay, at(p.lastDay, '18:30'), units.map((u) => u.id));
    if (p.index === 6 || p.index === 12) {
      b.archive('C13', 'package', at(p.lastDay, '17:00'));
      b.archive('C14', 'package', at(p.lastDay, '17:10'));
    }
    b.paperReceipt(label, at(p.lastDay, '20:00'));
  }
}
