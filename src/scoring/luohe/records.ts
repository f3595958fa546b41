import { addDays, endOfLocalDay, parseInstant } from '../../calendar/index.ts';
import type { EvidenceRef, InvalidRecord } from '../../ledger/index.ts';
import type { Evidence, EvidenceKind, EvidenceOf, Review, ReviewKind, ReviewOf } from '../../model/index.ts';
import type { Period } from '../../period/index.ts';
import type { ScoredRecord } from '../input.ts';

/** A valid evidence record of one kind. */
export type Rec<K extends EvidenceKind> = ScoredRecord<EvidenceOf<K>>;
/** A valid review record of one kind. */
export type RevRec<K extends ReviewKind> = ScoredRecord<ReviewOf<K>>;
/** Any scored record. */
export type AnyRec = ScoredRecord<Evidence> | ScoredRecord<Review>;

/** Epoch ms of an ISO instant. */
export function ms(instant: string): number {
  return parseInstant(instant);
}

/** Epoch ms of an optional instant. */
export function msOpt(instant: string | undefined): number | undefined {
  return instant === undefined ? undefined : parseInstant(instant);
}

/** The evidence reference of a record, at the line of `pointer` (e.g. `/resolvedAt`) when known. */
export function ref(record: AnyRec, pointer?: string): EvidenceRef {
  const line = (pointer !== undefined ? record.lines[pointer] : undefined) ?? record.line;
  return { id: record.id, file: record.file, line };
}

/** Sorted, de-duplicated references (by id, then line). */
export function refs(list: Iterable<EvidenceRef>): EvidenceRef[] {
  const seen = new Map<string, EvidenceRef>();
  for (const r of list) seen.set(`${r.id}\u0000${r.file}\u0000${String(r.line).padStart(9, '0')}`, r);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

/** Byte-wise string comparison (locale independent, so sorting is the same everywhere). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts records by id (then file, then line) without touching the input array. */
export function byId<T extends { id: string; file: string; line: number }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => cmp(a.id, b.id) || cmp(a.file, b.file) || a.line - b.line);
}

/** Narrows an evidence record to its kind. */
export function isKind<K extends EvidenceKind>(record: ScoredRecord<Evidence>, kind: K): record is Rec<K> {
  return record.data.kind === kind;
}

/** Narrows a review record to its kind. */
export function isReviewKind<K extends ReviewKind>(record: ScoredRecord<Review>, kind: K): record is RevRec<K> {
  return record.data.kind === kind;
}

/** The last instant of a local date, as the spec writes deadlines (23:59:59). */
export function endOfDay(date: string): number {
  return endOfLocalDay(date);
}

/** `[start, end)` contains `at`. */
export function inPeriod(period: Period, at: number): boolean {
  return at >= period.startMs && at < period.endMs;
}

/** Platform-entry deadline of a period: its last day + `graceDays`, 23:59:59 (spec §3.0(d), A36). */
export function platformDeadline(period: Period, graceDays: number): number {
  return endOfLocalDay(addDays(period.lastDay, graceDays));
}

/** An engine-level rejection of a record that otherwise passed `omarc check`. */
export interface Rejection {
  record: AnyRec;
  code: string;
  pointer: string;
  messageZh: string;
}

/** Rejections grouped into ledger `invalid` entries, merged with the records `omarc check` marked invalid. */
export function invalidEntries(records: readonly AnyRec[], rejections: readonly Rejection[]): InvalidRecord[] {
  const out = new Map<string, InvalidRecord>();
  for (const r of records) {
    if (r.valid) continue;
    out.set(r.id, { id: r.id, file: r.file, reasons: [...r.problems].sort((a, b) => a.line - b.line || a.column - b.column || cmp(a.code, b.code)) });
  }
  for (const j of rejections) {
    const entry = out.get(j.record.id) ?? { id: j.record.id, file: j.record.file, reasons: [] };
    const line = j.record.lines[j.pointer] ?? j.record.line;
    if (!entry.reasons.some((x) => x.code === j.code && x.line === line)) {
      entry.reasons.push({ line, column: 1, code: j.code, message: j.messageZh });
    }
    out.set(j.record.id, entry);
  }
  return [...out.values()]
    .map((e) => ({ ...e, reasons: [...e.reasons].sort((a, b) => a.line - b.line || a.column - b.column || cmp(a.code, b.code) || cmp(a.message, b.message)) }))
    .sort((a, b) => cmp(a.id, b.id) || cmp(a.file, b.file));
}
