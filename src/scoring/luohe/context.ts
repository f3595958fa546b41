import type { WorkCalendar } from '../../calendar/index.ts';
import { daysBetween, daysInMonth, endOfLocalDay, lastDayOfMonth, parseDate, parseInstant } from '../../calendar/index.ts';
import type { ContractRegistry } from '../../content/registry.ts';
import { exact } from '../../decimal/index.ts';
import { configHash, nonDefaultValues } from '../../ledger/index.ts';
import type {
  AcceptLateSatisfactionDecision,
  AccidentResolutionDecision,
  Evidence,
  EvidenceKind,
  FilingDecision,
  ForceMajeureDecision,
  InfoSystem,
  LevelOverrideDecision,
  OmItem,
  Review,
  ReviewDecision,
  ReviewKind,
  Unit,
  UnitAttributionDecision,
} from '../../model/index.ts';
import type { CommonConfig } from '../../model/registry.ts';
import { parseYuan, ratioOfFen } from '../../money/index.ts';
import { type Period, periodsOf } from '../../period/index.ts';
import type { ScoredRecord, ScoringInput } from '../input.ts';
import { LUOHE_ENGINE_DEFAULTS, type LuoheEngineConfig, resolveLuoheConfig } from './config-defaults.ts';
import { byId, cmp, type Rec, type RevRec } from './records.ts';

/** Everything one scoring run shares: effective config, lookups, valid records by kind, and a per-period memo. */
export interface LuoheContext {
  input: ScoringInput;
  registry: ContractRegistry;
  contractId: string;
  common: CommonConfig;
  config: LuoheEngineConfig;
  configHash: string;
  configNonDefault: Record<string, unknown>;
  calendar: WorkCalendar;
  asOfMs: number;
  periods: Period[];
  /** Package units, by id. */
  units: Unit[];
  itemByNo: Map<number, OmItem>;
  /** Effective unit of each item (items.json, then cfg unitOverrides, then confirmed unit-attribution decisions). */
  itemUnit: Map<number, string>;
  /** Items of each unit, ascending. */
  itemsOfUnit: Map<string, number[]>;
  /** Systems of each item, by id. */
  systemsOfItem: Map<number, InfoSystem[]>;
  /** Valid records of the contract by kind, by id; superseded evidence removed. */
  evidence: Map<string, ScoredRecord<Evidence>[]>;
  reviews: Map<string, ScoredRecord<Review>[]>;
  /** Memo of per-period computations (the package grade of p−1 feeds C15 of p). */
  memo: Map<number, unknown>;
}

/** Thrown when the period to score is not a period of the contract. */
export class UnknownPeriodError extends Error {
  override readonly name = 'UnknownPeriodError';
  constructor(label: string, periods: readonly Period[]) {
    super(`Period ${label} is not a Luohe assessment period (${periods[0]?.label ?? '?'}…${periods.at(-1)?.label ?? '?'})`);
  }
}

/** Builds the run context from the scoring input. */
export function buildContext(input: ScoringInput): LuoheContext {
  const registry = input.registry;
  const { common, luohe } = resolveLuoheConfig(registry.config);
  const effective = { common, luohe };
  const periods = periodsOf({ servicePeriod: registry.contract.servicePeriod, mode: luohe.periodMode });
  const asOfMs = parseInstant(input.asOf);
  const contractId = registry.contractId;

  const superseded = new Set<string>();
  for (const r of input.evidence) if (r.valid && r.data.supersedes !== undefined && r.data.contractId === contractId) superseded.add(r.data.supersedes);
  const evidence = new Map<string, ScoredRecord<Evidence>[]>();
  for (const r of byId(input.evidence)) {
    if (!r.valid || r.data.contractId !== contractId || superseded.has(r.id)) continue;
    const list = evidence.get(r.data.kind) ?? [];
    list.push(r);
    evidence.set(r.data.kind, list);
  }
  const reviews = new Map<string, ScoredRecord<Review>[]>();
  for (const r of byId(input.reviews)) {
    // Reviewer files count as committed, whatever their decision time: the CLI scores at the evidence freeze, and
    // reviewers decide after it. Their decidedAt only orders competing decisions.
    if (!r.valid || r.data.contractId !== contractId) continue;
    const list = reviews.get(r.data.kind) ?? [];
    list.push(r);
    reviews.set(r.data.kind, list);
  }

  const packageUnits = new Set(registry.contract.packages.flatMap((p) => p.unitIds));
  const units = [...registry.units].filter((u) => packageUnits.size === 0 || packageUnits.has(u.id)).sort((a, b) => cmp(a.id, b.id));
  const itemByNo = new Map(registry.items.map((i) => [i.no, i]));
  const ctx: LuoheContext = {
    input,
    registry,
    contractId,
    common,
    config: luohe,
    configHash: configHash(effective),
    configNonDefault: nonDefaultValues(luohe, LUOHE_ENGINE_DEFAULTS, 'luohe'),
    calendar: input.calendar,
    asOfMs,
    periods,
    units,
    itemByNo,
    itemUnit: new Map(),
    itemsOfUnit: new Map(),
    systemsOfItem: new Map(),
    evidence,
    reviews,
    memo: new Map(),
  };
  ctx.itemUnit = attribution(ctx);
  for (const u of units) ctx.itemsOfUnit.set(u.id, []);
  for (const [no, unitId] of [...ctx.itemUnit].sort(([a], [b]) => a - b)) ctx.itemsOfUnit.get(unitId)?.push(no);
  for (const s of [...registry.systems].sort((a, b) => cmp(a.id, b.id))) {
    if (s.itemNo === undefined) continue;
    const list = ctx.systemsOfItem.get(s.itemNo) ?? [];
    list.push(s);
    ctx.systemsOfItem.set(s.itemNo, list);
  }
  return ctx;
}

/** The period with this label. */
export function periodOf(ctx: LuoheContext, label: string): Period {
  const p = ctx.periods.find((x) => x.label === label);
  if (!p) throw new UnknownPeriodError(label, ctx.periods);
  return p;
}

/** The period before `p`, if any. */
export function previousPeriod(ctx: LuoheContext, p: Period): Period | undefined {
  return ctx.periods.find((x) => x.index === p.index - 1);
}

/** Valid evidence of one kind (all periods). */
export function evidenceOf<K extends EvidenceKind>(ctx: LuoheContext, kind: K): Rec<K>[] {
  return (ctx.evidence.get(kind) ?? []) as Rec<K>[];
}

/** Valid reviews of one kind (all periods). */
export function reviewsOf<K extends ReviewKind>(ctx: LuoheContext, kind: K): RevRec<K>[] {
  return (ctx.reviews.get(kind) ?? []) as RevRec<K>[];
}

/** Reviewer decisions of one type, latest first (decidedAt, then id). */
export function decisionsOf<T extends ReviewDecision['decisionType']>(
  ctx: LuoheContext,
  type: T,
): Array<ScoredRecord<Extract<ReviewDecision, { decisionType: T }>>> {
  return reviewsOf(ctx, 'decision')
    .filter((r): r is ScoredRecord<Extract<ReviewDecision, { decisionType: T }>> & RevRec<'decision'> => r.data.decisionType === type)
    .sort((a, b) => parseInstant(b.data.decidedAt) - parseInstant(a.data.decidedAt) || cmp(b.id, a.id));
}

/** The latest force-majeure decision on a ticket. */
export function forceMajeureDecision(ctx: LuoheContext, ticketId: string): ScoredRecord<ForceMajeureDecision> | undefined {
  return decisionsOf(ctx, 'force-majeure').find((d) => d.data.ticketId === ticketId);
}

/** The latest level-override decision on a ticket. */
export function levelOverrideDecision(ctx: LuoheContext, ticketId: string): ScoredRecord<LevelOverrideDecision> | undefined {
  return decisionsOf(ctx, 'level-override').find((d) => d.data.ticketId === ticketId);
}

/** The reviewer's accept-late decision on a satisfaction form. */
export function acceptLateDecision(ctx: LuoheContext, evidenceId: string): ScoredRecord<AcceptLateSatisfactionDecision> | undefined {
  return decisionsOf(ctx, 'accept-late-satisfaction').find((d) => d.data.evidenceId === evidenceId);
}

/** The latest approval or rejection of a filing. */
export function filingDecision(ctx: LuoheContext, evidenceId: string): ScoredRecord<FilingDecision> | undefined {
  return decisionsOf(ctx, 'filing').find((d) => d.data.evidenceId === evidenceId);
}

/** The latest resolution of a form's accident flag. */
export function accidentResolution(ctx: LuoheContext, evidenceId: string): ScoredRecord<AccidentResolutionDecision> | undefined {
  return decisionsOf(ctx, 'accident-resolution').find((d) => d.data.evidenceId === evidenceId);
}

/** Item ranges of cfg unitOverrides ("44-50" → 44…50). */
export function overrideRanges(ctx: LuoheContext): Array<{ key: string; from: number; to: number; unit: string; confirmed: boolean }> {
  return Object.entries(ctx.config.unitOverrides)
    .map(([key, v]) => {
      const [a, b] = key.split('-').map((s) => Number.parseInt(s, 10));
      const from = a ?? Number.NaN;
      const to = b ?? from;
      return { key, from, to, unit: v.unit, confirmed: v.confirmed };
    })
    .filter((r) => Number.isSafeInteger(r.from) && Number.isSafeInteger(r.to))
    .sort((x, y) => x.from - y.from);
}

/** Confirmed unit-attribution decisions, oldest first (so later ones win). */
function confirmedAttributions(ctx: LuoheContext): Array<ScoredRecord<UnitAttributionDecision>> {
  return decisionsOf(ctx, 'unit-attribution')
    .filter((d) => d.data.confirmed)
    .reverse();
}

function attribution(ctx: LuoheContext): Map<number, string> {
  const out = new Map<number, string>();
  const known = new Set(ctx.units.map((u) => u.id));
  for (const item of [...ctx.registry.items].sort((a, b) => a.no - b.no)) out.set(item.no, item.unitId);
  // A32: cfg unitOverrides moves whole ranges; a confirmed 甲方 decision is final.
  for (const r of overrideRanges(ctx)) {
    if (!known.has(r.unit)) continue;
    for (let no = r.from; no <= r.to; no++) if (out.has(no)) out.set(no, r.unit);
  }
  for (const d of confirmedAttributions(ctx)) {
    if (!known.has(d.data.unitId)) continue;
    for (const no of d.data.itemNos) if (out.has(no)) out.set(no, d.data.unitId);
  }
  return out;
}

/** Whether the attribution of a cfg unitOverrides range is confirmed (in config or by a 甲方 decision). */
export function rangeConfirmed(ctx: LuoheContext, range: { from: number; to: number; confirmed: boolean }): ScoredRecord<UnitAttributionDecision> | true | undefined {
  if (range.confirmed) return true;
  for (const d of decisionsOf(ctx, 'unit-attribution')) {
    if (!d.data.confirmed) continue;
    let all = true;
    for (let no = range.from; no <= range.to; no++) if (!d.data.itemNos.includes(no)) all = false;
    if (all) return d;
  }
  return undefined;
}

/** The monthly fee F of a period in fen (calendar-month mode prorates partial months by days, spec §4.1). */
export function monthlyFeeFen(ctx: LuoheContext, p: Period): bigint {
  const fee = parseYuan(ctx.config.monthlyFee);
  if (ctx.config.periodMode === 'service-month') return fee;
  const { year, month } = parseDate(p.firstDay);
  const days = daysBetween(p.firstDay, p.lastDay) + 1;
  const full = daysInMonth(year, month);
  return days >= full ? fee : ratioOfFen(fee, exact(days).div(full));
}

/**
 * The "每月月底前" deadline of a period (satisfaction form, documents, paper): its last day 23:59:59, or the last day
 * of the calendar month containing it (cfg monthEndDeadline, A27).
 */
export function monthEndDeadline(ctx: LuoheContext, p: Period): number {
  if (ctx.config.monthEndDeadline === 'period-end') return endOfLocalDay(p.lastDay);
  const { year, month } = parseDate(p.lastDay);
  return endOfLocalDay(lastDayOfMonth(year, month));
}
