import type { WorkCalendar } from '../../calendar/index.ts';
import { daysBetween, parseInstant } from '../../calendar/index.ts';
import type { ContractRegistry } from '../../content/registry.ts';
import type { Exact } from '../../decimal/index.ts';
import type { EvidenceRef, LedgerNotice, LineStatus } from '../../ledger/index.ts';
import type { Evidence, EvidenceKind, EvidenceOf, Review, ReviewKind, ReviewOf } from '../../model/index.ts';
import type { Period } from '../../period/index.ts';
import { periodsOf } from '../../period/index.ts';
import type { ScoredRecord, ScoringInput } from '../input.ts';
import type { BjEngineConfig } from './config-defaults.ts';
import { resolveBjConfig } from './config-defaults.ts';
import type { RuleTable } from './rule-table.ts';
import { ruleTable } from './rule-table.ts';

/** The span a scorecard covers: one period, or a run of consecutive periods (`2026-06..2026-12`). */
export interface BjWindow {
  label: string;
  labels: readonly string[];
  /** Local dates, inclusive. */
  firstDay: string;
  lastDay: string;
  start: string;
  endExclusive: string;
  startMs: number;
  endMs: number;
  days: number;
}

/** One line before it is written into the ledger: exact points and a sort instant. */
export interface BjLine {
  ruleId: string;
  points: Exact;
  status: LineStatus;
  explanationZh: string;
  evidence: EvidenceRef[];
  /** Instant used to order the lines of a rule. */
  at: number;
  systemId?: string;
}

/** Collected blockers and warnings. */
export interface NoticeSink {
  blockers: LedgerNotice[];
  warnings: LedgerNotice[];
}

/** Everything a rule module reads. Built once per scored window; all record lists are sorted by id. */
export interface BjContext {
  registry: ContractRegistry;
  config: BjEngineConfig;
  calendar: WorkCalendar;
  asOf: string;
  asOfMs: number;
  window: BjWindow;
  /** min(window end, asOf): instants after it have not happened yet. */
  evalEndMs: number;
  periods: readonly Period[];
  /** Valid, not superseded evidence of this contract (every period). */
  evidence: readonly ScoredRecord<Evidence>[];
  /** Valid reviewer records of this contract (every period). */
  reviews: readonly ScoredRecord<Review>[];
  rules: RuleTable;
  notices: NoticeSink;
}

const byId = <T extends { id: string; file: string; line: number }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;

/** Periods of the contract under the config (spec §5.1: calendar months, short final fragment merged). */
export function bjPeriods(config: BjEngineConfig): Period[] {
  return periodsOf({
    servicePeriod: { start: config.servicePeriod[0], end: config.servicePeriod[1] },
    mode: config.periodMode,
    mergeShortPeriodDays: config.mergeShortPeriodDays,
  });
}

/**
 * The window of a period label (`2026-11`) or of a run of consecutive periods (`2026-06..2026-12`, used for the
 * `single-annual-period` acceptance scorecard). Throws when a label is not a period of the contract.
 */
export function windowOf(periods: readonly Period[], label: string): BjWindow {
  const [fromLabel, toLabel] = label.includes('..') ? (label.split('..') as [string, string]) : [label, label];
  const from = periods.findIndex((p) => p.label === fromLabel);
  const to = periods.findIndex((p) => p.label === toLabel);
  if (from < 0 || to < 0 || to < from) {
    throw new Error(
      `No Beijing period "${label}": the periods are ${periods.map((p) => p.label).join(', ')} (or a range "A..B" of them)`,
    );
  }
  const run = periods.slice(from, to + 1);
  const first = run[0] as Period;
  const last = run.at(-1) as Period;
  return {
    label,
    labels: run.map((p) => p.label),
    firstDay: first.firstDay,
    lastDay: last.lastDay,
    start: first.start,
    endExclusive: last.endExclusive,
    startMs: first.startMs,
    endMs: last.endMs,
    days: daysBetween(first.firstDay, last.lastDay) + 1,
  };
}

/** Records that count: valid, of this contract, and not replaced by a valid correction (`supersedes`). */
function countableEvidence(input: ScoringInput): ScoredRecord<Evidence>[] {
  const mine = input.evidence.filter((r) => r.valid && r.data.contractId === input.registry.contractId);
  const superseded = new Set(mine.map((r) => r.data.supersedes).filter((s): s is string => s !== undefined));
  return mine.filter((r) => !superseded.has(r.id)).sort(byId);
}

/** Builds the context of one window. */
export function buildContext(input: ScoringInput, windowLabel: string, shared?: SharedContext): BjContext {
  const base = shared ?? sharedContext(input);
  const window = windowOf(base.periods, windowLabel);
  return {
    ...base,
    window,
    evalEndMs: Math.max(window.startMs, Math.min(window.endMs, base.asOfMs)),
    notices: { blockers: [], warnings: [] },
  };
}

/** The part of the context that does not depend on the window. */
export type SharedContext = Omit<BjContext, 'window' | 'evalEndMs' | 'notices'>;

/** Computes config, periods, rule table and the countable records once for several windows. */
export function sharedContext(input: ScoringInput): SharedContext {
  const config = resolveBjConfig(input.registry.config);
  return {
    registry: input.registry,
    config,
    calendar: input.calendar,
    asOf: input.asOf,
    asOfMs: parseInstant(input.asOf),
    periods: bjPeriods(config),
    evidence: countableEvidence(input),
    reviews: input.reviews.filter((r) => r.valid && r.data.contractId === input.registry.contractId).sort(byId),
    rules: ruleTable(input.registry.rules),
  };
}

/** Evidence of one kind. */
export function evidenceOf<K extends EvidenceKind>(ctx: Pick<BjContext, 'evidence'>, kind: K): ScoredRecord<EvidenceOf<K>>[] {
  return ctx.evidence.filter((r) => r.data.kind === kind) as unknown as ScoredRecord<EvidenceOf<K>>[];
}

/** Reviewer records of one kind. */
export function reviewsOf<K extends ReviewKind>(ctx: Pick<BjContext, 'reviews'>, kind: K): ScoredRecord<ReviewOf<K>>[] {
  return ctx.reviews.filter((r) => r.data.kind === kind) as unknown as ScoredRecord<ReviewOf<K>>[];
}

/** Reviewer records filed under a period of the window. */
export function reviewsInWindow<K extends ReviewKind>(ctx: BjContext, kind: K): ScoredRecord<ReviewOf<K>>[] {
  return reviewsOf(ctx, kind).filter((r) => ctx.window.labels.includes(r.data.period));
}

/** True when the instant belongs to the window. */
export function inWindow(ctx: BjContext, ms: number): boolean {
  return ms >= ctx.window.startMs && ms < ctx.window.endMs;
}

/** True when the local date belongs to the window. */
export function dateInWindow(ctx: BjContext, date: string): boolean {
  return date >= ctx.window.firstDay && date <= ctx.window.lastDay;
}

/** Evidence reference with the line of a field (JSON Pointer such as `/submittedAt`) when known. */
export function refOf(rec: ScoredRecord<unknown>, pointer?: string): EvidenceRef {
  const line = pointer === undefined ? rec.line : (rec.lines[pointer] ?? rec.line);
  return { id: rec.id, file: rec.file, line };
}

/** Adds a notice once (same code, message and evidence). */
export function notice(ctx: BjContext, kind: 'blockers' | 'warnings', code: string, messageZh: string, evidence: EvidenceRef[] = []): void {
  const list = ctx.notices[kind];
  const key = JSON.stringify([code, messageZh, evidence]);
  if (!list.some((n) => JSON.stringify([n.code, n.messageZh, n.evidence]) === key)) list.push({ code, messageZh, evidence });
}
