import type { ChecklistEntry, EvidenceRef } from '../ledger/index.ts';
import type { ArchiveDocument, FaultTicket, PaperReceipt, RectificationReport, WorkReport } from '../model/index.ts';
import type { CatalogueEntry, LuoheGrade, ScoredCatalogueEntry } from '../model/registry.ts';
import type { Period } from '../period/index.ts';
import type { ScoredRecord } from '../scoring/input.ts';
import { parseInstant } from '../calendar/index.ts';

/** A fault ticket of the unit as the checklist needs it (C09, C10). */
export interface ChecklistFault {
  record: ScoredRecord<FaultTicket>;
  /** Effective level (after a reviewer override). */
  level: number;
  itemNo: number;
  resolvedMs?: number;
}

/** Everything the Luohe checklist of one unit and period is evaluated from (spec §6.1). */
export interface LuoheChecklistInput {
  period: Period;
  /** All periods of the contract (quarter and half-year windows). */
  periods: readonly Period[];
  /** Package grade of the previous period (C15), if there is one. */
  previous?: { period: Period; grade: LuoheGrade };
  unitId: string;
  /** In-scope HW_SYSTEM and LINE_SERVICE items of the unit. */
  hwItems: readonly number[];
  lineItems: readonly number[];
  catalogue: readonly CatalogueEntry[];
  /** The period's "月底前" deadline (cfg monthEndDeadline). */
  deadlineMs: number;
  handoverDeadline: string;
  drillSchedule: readonly number[];
  trainingSchedule: readonly number[];
  reportGraceDays: number;
  /** Valid records (all periods). */
  archives: ReadonlyArray<ScoredRecord<ArchiveDocument>>;
  reports: ReadonlyArray<ScoredRecord<WorkReport>>;
  rectifications: ReadonlyArray<ScoredRecord<RectificationReport>>;
  /** C07 inputs: valid inspection records of the period per item, and effective inspection filings per item. */
  inspectionsByItem: ReadonlyMap<number, EvidenceRef[]>;
  inspectionWaiversByItem: ReadonlyMap<number, EvidenceRef[]>;
  /** Fault tickets of the unit (all periods). */
  faults: readonly ChecklistFault[];
  /** cfg requirePaper, the period's paper receipt, and ids whose own `paper` receipt is on time. */
  paper: { required: boolean; receipt?: ScoredRecord<PaperReceipt>; receivedIds: ReadonlySet<string> };
  /** C01/C05 documents that list neither sections nor items. */
  undeclaredCoverage: 'covers-all' | 'missing';
  /** C09: whether the ticket's own analysisReport counts. */
  c09Source: 'ticket-or-archive' | 'archive-only';
}

const DAY = 86_400_000;

function refOf(r: { id: string; file: string; line: number; lines: Record<string, number> }, pointer?: string): EvidenceRef {
  return { id: r.id, file: r.file, line: (pointer !== undefined ? r.lines[pointer] : undefined) ?? r.line };
}

function isScored(e: CatalogueEntry): e is ScoredCatalogueEntry {
  return e.scored === true && 'scope' in e && /^C\d\d$/.test(e.code);
}

/** Which items a document declares (sections, coversItemNos, itemNos); undefined when it declares none. */
function declaredItems(doc: ArchiveDocument): Set<number> | undefined {
  const out = new Set<number>();
  for (const s of doc.sections ?? []) if (s.itemNo !== undefined) out.add(s.itemNo);
  for (const n of doc.coversItemNos ?? []) out.add(n);
  for (const n of doc.itemNos ?? []) out.add(n);
  return out.size === 0 ? undefined : out;
}

/** The quarter (3 service months) or half (6) window that period k belongs to. */
function windowOf(periods: readonly Period[], k: number, size: number): { start: Period | undefined; end: Period | undefined } {
  const first = Math.floor((k - 1) / size) * size + 1;
  return { start: periods.find((p) => p.index === first), end: periods.find((p) => p.index === first + size - 1) };
}

/**
 * The scored checklist of one unit and period (spec §6.1): every due entry with its status and the evidence that
 * fulfils it. Package entries are listed for the unit (they are "counted once for every unit").
 */
export function evaluateLuoheChecklist(input: LuoheChecklistInput): ChecklistEntry[] {
  const p = input.period;
  const out: ChecklistEntry[] = [];
  const deadline = input.deadlineMs;
  const onTime = (at: string) => parseInstant(at) <= deadline;
  const effective = (d: ArchiveDocument) => d.effectiveFrom <= p.lastDay && onTime(d.uploadedAt);
  const byCode = new Map<string, typeof input.archives>();
  const docs = (code: string) => {
    let found = byCode.get(code);
    if (!found) byCode.set(code, (found = input.archives.filter((r) => r.data.docKind === code && effective(r.data))));
    return found;
  };
  const unitDocs = (code: string) =>
    docs(code).filter((r) => r.data.scope === 'package' || (r.data.scope === 'unit' && r.data.unitId === input.unitId) || r.data.unitId === input.unitId);

  const add = (entry: ScoredCatalogueEntry, status: ChecklistEntry['status'], fulfilledBy: EvidenceRef[], noteZh: string, extra: Partial<ChecklistEntry> = {}) => {
    out.push({
      code: entry.code,
      labelZh: entry.labelZh,
      scope: entry.scope,
      unitId: input.unitId,
      ...extra,
      status,
      scored: true,
      fulfilledBy: [...fulfilledBy].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.line - b.line)),
      noteZh,
    });
  };

  const coverage = (entry: ScoredCatalogueEntry, items: readonly number[]) => {
    const candidates = entry.code === 'C01' ? unitDocs(entry.code).filter((r) => r.data.approvedByPartyAAt !== undefined && onTime(r.data.approvedByPartyAAt)) : unitDocs(entry.code);
    const ok: EvidenceRef[] = [];
    const gaps = new Set<number>();
    for (const r of candidates) {
      const declared = declaredItems(r.data);
      const missing = declared === undefined ? (input.undeclaredCoverage === 'covers-all' ? [] : [...items]) : items.filter((i) => !declared.has(i));
      if (missing.length === 0) ok.push(refOf(r, '/uploadedAt'));
      else for (const i of missing) gaps.add(i);
    }
    if (ok.length > 0) return { status: 'present' as const, refs: ok, note: `${candidates.length > 1 ? '最新有效版本' : '有效版本'}已上传并覆盖本单位全部在范围内事项` };
    if (candidates.length === 0) {
      const unapproved = entry.code === 'C01' && unitDocs(entry.code).length > 0;
      return { status: 'missing' as const, refs: [], note: unapproved ? '运维实施方案未经甲方审议通过（或通过时间晚于截止时间）' : '截止时间前未上传有效版本' };
    }
    return { status: 'missing' as const, refs: [], note: `现有版本未覆盖事项 ${[...gaps].sort((a, b) => a - b).join('、')}` };
  };

  const simple = (code: string, notFound: string) => {
    const found = unitDocs(code).map((r) => refOf(r, '/uploadedAt'));
    return found.length > 0 ? { status: 'present' as const, refs: found, note: '截止时间前已上传有效版本' } : { status: 'missing' as const, refs: [], note: notFound };
  };

  for (const entry of input.catalogue.filter(isScored).sort((a, b) => (a.code < b.code ? -1 : 1))) {
    if (!isDue(entry, input)) continue;
    switch (entry.code) {
      case 'C01': {
        const c = coverage(entry, input.hwItems);
        add(entry, c.status, c.refs, c.note);
        break;
      }
      case 'C05': {
        const c = coverage(entry, [...input.hwItems, ...input.lineItems].sort((a, b) => a - b));
        add(entry, c.status, c.refs, c.note);
        break;
      }
      case 'C06': {
        const found = input.reports
          .filter((r) => {
            const d = r.data;
            return (
              d.reportType === 'monthly' &&
              d.coversFrom <= p.lastDay &&
              d.coversTo >= p.firstDay &&
              parseInstant(d.submittedAt) >= p.startMs &&
              onTime(d.submittedAt) &&
              (d.coversUnits ?? []).includes(input.unitId)
            );
          })
          .map((r) => refOf(r, '/coversUnits'));
        const archived = unitDocs('C06').filter((r) => r.data.scope === 'unit' && parseInstant(r.data.uploadedAt) >= p.startMs);
        const refs = [...found, ...archived.map((r) => refOf(r, '/uploadedAt'))];
        add(entry, refs.length > 0 ? 'present' : 'missing', refs, refs.length > 0 ? '本期运维工作月报含本单位章节' : '截止时间前未提交含本单位章节的本期运维工作月报');
        break;
      }
      case 'C07':
        for (const item of input.hwItems) {
          const records = input.inspectionsByItem.get(item) ?? [];
          const waivers = input.inspectionWaiversByItem.get(item) ?? [];
          if (records.length > 0) add(entry, 'present', records, `本期有效巡检记录 ${records.length} 份`, { itemNo: item });
          else if (waivers.length > 0) add(entry, 'waived', waivers, '本期无巡检记录，已提前书面报备', { itemNo: item });
          else add(entry, 'missing', [], '本期无有效巡检记录', { itemNo: item });
        }
        break;
      case 'C08':
        for (const item of input.hwItems) {
          const found = docs('C08')
            .filter((r) => declaredItems(r.data)?.has(item) === true)
            .map((r) => refOf(r, '/uploadedAt'));
          add(entry, found.length > 0 ? 'present' : 'missing', found, found.length > 0 ? '技术留底已上传' : '截止时间前未上传该事项的技术留底', { itemNo: item });
        }
        break;
      case 'C09':
        for (const t of c09Tickets(input)) {
          const eventDocs = docs('C09').filter((r) => r.data.eventRef === t.record.id);
          const refs = eventDocs.map((r) => refOf(r, '/uploadedAt'));
          if (input.c09Source === 'ticket-or-archive' && t.record.data.analysisReport) refs.push(refOf(t.record, '/analysisReport'));
          add(entry, refs.length > 0 ? 'present' : 'missing', refs, refs.length > 0 ? `故障 ${t.record.data.ticketNo} 的故障分析报告已提交` : `故障 ${t.record.data.ticketNo} 的故障分析报告截止时间前未上传`, {
            itemNo: t.itemNo,
            eventRef: t.record.id,
          });
        }
        break;
      case 'C10':
        for (const t of input.faults) {
          if (t.level > 2 || t.record.period !== p.label) continue;
          const eventDocs = docs('C10').filter((r) => r.data.eventRef === t.record.id);
          const refs = eventDocs.map((r) => refOf(r, '/uploadedAt'));
          if (t.record.data.sealedReport) refs.push(refOf(t.record, '/sealedReport'));
          const esc = t.record.data.escalation;
          const stamps = esc?.centerAt !== undefined && esc.unitAt !== undefined;
          const ok = refs.length > 0 && stamps;
          if (ok) refs.push(refOf(t.record, '/escalation'));
          add(
            entry,
            ok ? 'present' : 'missing',
            ok ? refs : [],
            ok ? `${t.level} 级故障 ${t.record.data.ticketNo} 已书面上报` : `${t.level} 级故障 ${t.record.data.ticketNo}：${refs.length === 0 ? '未上传书面报告' : ''}${refs.length === 0 && !stamps ? '，' : ''}${stamps ? '' : '上报中心和使用单位的时间不全'}`,
            { itemNo: t.itemNo, eventRef: t.record.id },
          );
        }
        break;
      case 'C11':
      case 'C12': {
        const size = entry.code === 'C11' ? 3 : 12;
        const w = windowOf(input.periods, p.index, size);
        const from = w.start?.firstDay ?? p.firstDay;
        const startMs = w.start?.startMs ?? p.startMs;
        const type = entry.code === 'C11' ? 'quarterly' : 'annual';
        const reps = input.reports
          .filter((r) => r.data.reportType === type && r.data.coversTo >= from && r.data.coversFrom <= p.lastDay && parseInstant(r.data.submittedAt) >= startMs && onTime(r.data.submittedAt))
          .map((r) => refOf(r, '/submittedAt'));
        const archived = unitDocs(entry.code)
          .filter((r) => parseInstant(r.data.uploadedAt) >= startMs)
          .map((r) => refOf(r, '/uploadedAt'));
        const refs = [...reps, ...archived];
        add(entry, refs.length > 0 ? 'present' : 'missing', refs, refs.length > 0 ? `已提交覆盖${entry.code === 'C11' ? '本季度' : '本年度'}的汇报` : `截止时间前未提交覆盖${entry.code === 'C11' ? '本季度' : '本年度'}的汇报`);
        break;
      }
      case 'C13':
      case 'C14': {
        const schedule = [...(entry.code === 'C13' ? input.drillSchedule : input.trainingSchedule)].sort((a, b) => a - b);
        const before = schedule.filter((k) => k < p.index).at(-1) ?? 0;
        const startMs = input.periods.find((x) => x.index === before + 1)?.startMs ?? p.startMs;
        const refs = unitDocs(entry.code)
          .filter((r) => parseInstant(r.data.uploadedAt) >= startMs)
          .map((r) => refOf(r, '/uploadedAt'));
        add(entry, refs.length > 0 ? 'present' : 'missing', refs, refs.length > 0 ? '本半年度资料已上传' : `自第 ${before + 1} 服务月起未上传${entry.labelZh}`);
        break;
      }
      case 'C15': {
        const prev = input.previous;
        const reps = input.rectifications
          .filter((r) => prev !== undefined && r.data.forPeriod === prev.period.label && onTime(r.data.submittedAt))
          .map((r) => refOf(r, '/forPeriod'));
        const archived = prev ? unitDocs('C15').filter((r) => parseInstant(r.data.uploadedAt) >= prev.period.startMs).map((r) => refOf(r, '/uploadedAt')) : [];
        const refs = [...reps, ...archived];
        add(entry, refs.length > 0 ? 'present' : 'missing', refs, `${prev?.period.label ?? '上期'} 考核等级为${prev?.grade ?? ''}，${refs.length > 0 ? '已提交问题分析报告及整改报告' : '截止时间前未提交问题分析报告及整改报告'}`);
        break;
      }
      default: {
        // A catalogue extension (A37): presence of an archive document of that code.
        if (entry.countedPer === 'hw-item') {
          for (const item of input.hwItems) {
            const found = docs(entry.code)
              .filter((r) => declaredItems(r.data)?.has(item) === true)
              .map((r) => refOf(r, '/uploadedAt'));
            add(entry, found.length > 0 ? 'present' : 'missing', found, found.length > 0 ? '已上传' : '截止时间前未上传', { itemNo: item });
          }
        } else if (entry.countedPer === 'unit') {
          const c = simple(entry.code, '截止时间前未上传');
          add(entry, c.status, c.refs, c.note);
        }
      }
    }
  }
  applyPaper(out, input);
  return out.sort(
    (a, b) =>
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.itemNo ?? 0) - (b.itemNo ?? 0) ||
      ((a.eventRef ?? '') < (b.eventRef ?? '') ? -1 : (a.eventRef ?? '') > (b.eventRef ?? '') ? 1 : 0),
  );
}

/** Whether an entry is due in the period (frequency of the catalogue, with the cfg schedules). */
function isDue(entry: ScoredCatalogueEntry, input: LuoheChecklistInput): boolean {
  const f = entry.frequency;
  const k = input.period.index;
  switch (f.type) {
    case 'standing':
      // C01: "First due at the handover deadline; counted in every period from then on".
      return f.from !== 'luohe.handoverDeadline' || input.handoverDeadline <= input.period.lastDay;
    case 'monthly':
    case 'per-event':
      return true;
    case 'service-months': {
      const months = entry.configKey === 'luohe.drillSchedule' ? input.drillSchedule : entry.configKey === 'luohe.trainingSchedule' ? input.trainingSchedule : f.months;
      return months.includes(k);
    }
    case 'quarterly':
      return k % 3 === 0;
    case 'half-yearly':
      return k % 6 === 0;
    case 'after-grade':
      return input.previous !== undefined && f.grades.includes(input.previous.grade);
    default:
      return false;
  }
}

/** C09: tickets resolved in p, except those resolved in its last `reportGraceDays` days (counted in p+1). */
function c09Tickets(input: LuoheChecklistInput): ChecklistFault[] {
  const p = input.period;
  const grace = input.reportGraceDays * DAY;
  const prev = input.periods.find((x) => x.index === p.index - 1);
  return input.faults.filter((t) => {
    if (t.resolvedMs === undefined) return false;
    if (t.resolvedMs >= p.startMs && t.resolvedMs < p.endMs - grace) return true;
    return prev !== undefined && grace > 0 && t.resolvedMs >= prev.endMs - grace && t.resolvedMs < prev.endMs;
  });
}

/** A16: with cfg requirePaper, a present entry also needs the paper copy by the deadline. */
function applyPaper(entries: ChecklistEntry[], input: LuoheChecklistInput): void {
  const paper = input.paper;
  if (!paper.required) return;
  const receipt = paper.receipt?.data;
  for (const e of entries) {
    if (e.status !== 'present') continue;
    if (!receipt) {
      // A missing receipt blocks finalisation instead of costing points (§4.6).
      e.noteZh += '；纸质版签收记录待审核人员登记';
      continue;
    }
    if (receipt.waived) continue;
    const receiptOnTime = receipt.receivedAt !== undefined && parseInstant(receipt.receivedAt) <= input.deadlineMs;
    const listed = receipt.documents === 'all-uploaded' ? receiptOnTime : receiptOnTime && e.fulfilledBy.some((r) => (receipt.documents as string[] | undefined)?.includes(r.id));
    const own = e.fulfilledBy.some((r) => paper.receivedIds.has(r.id));
    if (listed && paper.receipt) e.fulfilledBy = [...e.fulfilledBy, refOf(paper.receipt, '/documents')];
    if (listed || own) continue;
    e.status = 'missing';
    e.noteZh += `；${receiptOnTime ? '纸质版签收记录未列入该资料' : '纸质版未于当月月底前提交'}（LH A3 §五(四)）`;
  }
}
