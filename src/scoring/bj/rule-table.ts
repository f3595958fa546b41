import type { Exact } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';
import type { OutcomePoints, RankingBand, ScoreRule, ThresholdBand } from '../../model/registry.ts';

// Reading the 50-rule table (content/contracts/<id>/rules.json, spec §5.3). Points, bands, outcomes, modes, caps,
// allowances and blocks come from the data; the engine only knows each rule by its `trigger`.

/** Thrown when rules.json lacks what the engine needs (a trigger, an outcome, a band). */
export class BjRuleTableError extends Error {
  override readonly name = 'BjRuleTableError';
  constructor(message: string) {
    super(`${message}. Fix content/contracts/<contractId>/rules.json (spec §5.3).`);
  }
}

/** The rule table indexed by id and by trigger. */
export interface RuleTable {
  readonly rules: readonly ScoreRule[];
  byId(id: string): ScoreRule | undefined;
  /** The rule with this trigger; throws when absent. */
  byTrigger(trigger: string): ScoreRule;
}

/** Indexes the rules; rules with the trigger `reviewer` are found by id only. */
export function ruleTable(rules: readonly ScoreRule[]): RuleTable {
  const ids = new Map<string, ScoreRule>();
  const triggers = new Map<string, ScoreRule>();
  for (const r of rules) {
    if (ids.has(r.id)) throw new BjRuleTableError(`Rule ${r.id} appears twice`);
    ids.set(r.id, r);
    if (r.trigger !== 'reviewer') {
      if (triggers.has(r.trigger)) throw new BjRuleTableError(`Trigger ${r.trigger} is used by two rules`);
      triggers.set(r.trigger, r);
    }
  }
  return {
    rules: [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    byId: (id) => ids.get(id),
    byTrigger(trigger) {
      const r = triggers.get(trigger);
      if (!r) throw new BjRuleTableError(`No rule has trigger "${trigger}"`);
      return r;
    },
  };
}

function isOutcomes(p: ScoreRule['points']): p is OutcomePoints[] {
  return Array.isArray(p) && p.length > 0 && typeof p[0] === 'object' && p[0] !== null && 'outcome' in p[0];
}

function isRanking(p: ScoreRule['points']): p is RankingBand[] {
  return Array.isArray(p) && p.length > 0 && typeof p[0] === 'object' && p[0] !== null && 'position' in p[0];
}

function isThresholds(p: ScoreRule['points']): p is ThresholdBand[] {
  return Array.isArray(p) && !isOutcomes(p) && !isRanking(p);
}

/** The single points value of a fixed-points rule. */
export function fixedPoints(rule: ScoreRule): Exact {
  if (typeof rule.points !== 'string') throw new BjRuleTableError(`${rule.id} has no single points value`);
  return exact(rule.points);
}

/** The points range of a `range-reviewer` rule, or undefined. */
export function rangeOf(rule: ScoreRule): { min: Exact; max: Exact } | undefined {
  const p = rule.points;
  if (typeof p === 'object' && !Array.isArray(p)) return { min: exact(p.min), max: exact(p.max) };
  return undefined;
}

/** Points of a named outcome of a multi-outcome rule. */
export function outcomeOf(rule: ScoreRule, outcome: string): OutcomePoints & { value: Exact } {
  const p = rule.points;
  if (!isOutcomes(p)) throw new BjRuleTableError(`${rule.id} has no outcomes`);
  const o = p.find((x) => x.outcome === outcome);
  if (!o) throw new BjRuleTableError(`${rule.id} has no outcome "${outcome}"`);
  return { ...o, value: exact(o.points) };
}

/** The outcomes of a multi-outcome rule, or [] for other rules. */
export function outcomesOf(rule: ScoreRule): OutcomePoints[] {
  return isOutcomes(rule.points) ? rule.points : [];
}

/** Whether `v` lies in a threshold band (absent bounds are unbounded; bounds are exclusive unless `*Incl`). */
export function inBand(band: ThresholdBand, v: Exact): boolean {
  if (band.lo !== undefined) {
    const c = v.compare(band.lo);
    if (c < 0 || (c === 0 && band.loIncl !== true)) return false;
  }
  if (band.hi !== undefined) {
    const c = v.compare(band.hi);
    if (c > 0 || (c === 0 && band.hiIncl !== true)) return false;
  }
  return true;
}

/** The band of a threshold rule that contains `v` (the first, in table order). */
export function bandFor(rule: ScoreRule, v: Exact): { band: ThresholdBand; points: Exact } {
  const p = rule.points;
  if (!isThresholds(p)) throw new BjRuleTableError(`${rule.id} has no threshold bands`);
  const band = p.find((b) => inBand(b, v));
  if (!band) throw new BjRuleTableError(`${rule.id}: no band contains ${v.toString()}`);
  return { band, points: exact(band.points) };
}

/** `[90%, 99%)` for a band on a fraction. */
export function bandZh(band: ThresholdBand): string {
  const pct = (d: string): string => `${exact(d).mul(100).toString()}%`;
  if (band.lo !== undefined && band.hi !== undefined && band.lo === band.hi) return `= ${pct(band.lo)}`;
  const lo = band.lo === undefined ? '(−∞' : `${band.loIncl === true ? '[' : '('}${pct(band.lo)}`;
  const hi = band.hi === undefined ? '+∞)' : `${pct(band.hi)}${band.hiIncl === true ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

/** The ranking bands of a ranking rule. */
export function rankingBandsOf(rule: ScoreRule): RankingBand[] {
  if (!isRanking(rule.points)) throw new BjRuleTableError(`${rule.id} has no ranking bands`);
  return rule.points;
}

/** Sign shared by every points value of the rule (−1 deductions only, 1 bonuses only), or 0 when mixed. */
export function ruleSign(rule: ScoreRule): -1 | 0 | 1 {
  const p = rule.points;
  const values: Exact[] =
    typeof p === 'string'
      ? [exact(p)]
      : Array.isArray(p)
        ? (p as Array<{ points: string }>).map((x) => exact(x.points))
        : [exact(p.min), exact(p.max)];
  const signs = new Set(values.filter((v) => !v.isZero()).map((v) => v.sign()));
  if (signs.size !== 1) return 0;
  return [...signs][0] as -1 | 1;
}
