import type { Exact, ExactInput } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';
import type { CommonConfig, ContractConfig, LuoheConfig } from '../../model/registry.ts';

/**
 * Engine decisions beyond spec §9 that move points or money (reported by `configNonDefault` like the others).
 * They live under `luohe` next to the §9 keys; `schemas/registry/config.schema.json` does not list them yet, so
 * a config file cannot set them until the schema is extended: the defaults below then apply.
 */
export interface LuoheEngineExtras {
  /**
   * `vulnDayCounting: 'civil-code'` (民法典 §203): which last days move the deadline to the next day. Default
   * `'non-working-days'` (weekends and statutory holidays, 调休 make-up days count as working days);
   * alternative `'statutory-holidays'` (only the notice's holidays).
   */
  vulnCivilRestDays: 'non-working-days' | 'statutory-holidays';
  /** 集中复核 unserviced days: `'whole-days'` (no active instant in the day) or `'any-part'` (inactive at any instant). */
  crDayCounting: 'whole-days' | 'any-part';
  /** §3.1: a visit counts only with an attachment marked `signed: true` (the unit-signed 回访记录表). */
  visitRequiresSignedScan: boolean;
  /** C01/C05 coverage when a document lists neither `sections` nor `coversItemNos`: `'covers-all'` or `'missing'`. */
  archiveUndeclaredCoverage: 'covers-all' | 'missing';
  /** C09: `'ticket-or-archive'` (the ticket's `analysisReport`, or a C09 archive document) or `'archive-only'`. */
  c09Source: 'ticket-or-archive' | 'archive-only';
}

/** The engine's configuration: spec §9 `luohe` plus the engine extras. */
export type LuoheEngineConfig = LuoheConfig & LuoheEngineExtras;

/** Spec §9 `luohe` defaults (the proposed decisions of §4.14), verbatim. */
export const LUOHE_CONFIG_DEFAULTS: LuoheConfig = {
  effectiveAt: '2026-07-24',
  handoverDeadline: '2026-08-24',
  monthlyFee: '968750.00',
  periodMode: 'service-month',
  monthEndDeadline: 'period-end',
  platformGraceDays: 0,
  evidenceFreezeDays: 3,
  reportGraceDays: 3,
  satisfaction: {
    rowWeights: [6, 6, 6, 6, 6],
    levelValues: { 满意: 1.0, 基本满意: 0.8, 一般: 0.6, 不满意: 0.0 },
    acceptLatePolicy: 'reviewer',
  },
  inspectionCoverage: 'all',
  weeklyDistribution: 'warn',
  mixedUnitDailyWork: 'systems-only',
  faultClockStart: 'reportedAt',
  faultBreachCount: 'per-ticket',
  l12EscalationWithin: 'PT10M',
  vulnDayCounting: 'elapsed',
  vulnRepeatMonthly: false,
  contractVulnHandling: 'warn',
  immediateWithin: 'PT1H',
  archiveMode: 'pooled',
  requirePaper: true,
  drillSchedule: [6, 12],
  trainingSchedule: [6, 12],
  unitWeighting: 'equal',
  deductionLevel: 'package',
  aggravation: { keyItemMin: 'ceil-midpoint', maxFactor: 2, requireJustification: true },
  d6Granularity: 'per-system-per-period',
  gradeRounding: 'none',
  floorZero: true,
  penaltyOverflow: 'floor-and-report',
  k3OnlineRate: { items: [3, 14, 15], monthlyMin: 0.95, keyPeriodMin: 0.98 },
  rectificationDue: 'next-period-end',
  changeFilingWorkingDays: 5,
  filingWaiver: 'unless-rejected',
  crRatioMeaning: 'removed',
  latePaymentBase: 'base',
  crSurplus: 'report-only',
  unitOverrides: { '44-50': { unit: 'U07', confirmed: false }, '40-43': { unit: 'U06', confirmed: false } },
  systems: 'content/contracts/luohe-2026-b/systems.json',
};

/** Defaults of the engine extras (see `LuoheEngineExtras`). */
export const LUOHE_ENGINE_EXTRAS_DEFAULTS: LuoheEngineExtras = {
  vulnCivilRestDays: 'non-working-days',
  crDayCounting: 'whole-days',
  visitRequiresSignedScan: true,
  archiveUndeclaredCoverage: 'covers-all',
  c09Source: 'ticket-or-archive',
};

/** Every default the engine applies: spec §9 plus the extras. */
export const LUOHE_ENGINE_DEFAULTS: LuoheEngineConfig = { ...LUOHE_CONFIG_DEFAULTS, ...LUOHE_ENGINE_EXTRAS_DEFAULTS };

/** Spec §9 `common` defaults. */
export const COMMON_CONFIG_DEFAULTS: CommonConfig = {
  timezone: 'Asia/Shanghai',
  calendarDayCounting: 'civil-code',
  calendars: ['content/calendars/cn-2026.json', 'content/calendars/cn-2027.json'],
};

/** Thrown when a config value is outside the alternatives the engine implements. */
export class LuoheConfigError extends Error {
  override readonly name = 'LuoheConfigError';
  constructor(key: string, value: unknown, allowed: readonly unknown[]) {
    super(`luohe.${key} = ${JSON.stringify(value)} is not supported; use one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function merge(defaults: unknown, given: unknown): unknown {
  if (given === undefined) return defaults;
  if (isObject(defaults) && isObject(given)) {
    // unitOverrides is a map keyed by range: the file replaces it as a whole.
    const out: Record<string, unknown> = { ...defaults };
    for (const [k, v] of Object.entries(given)) out[k] = merge(defaults[k], v);
    return out;
  }
  return given;
}

const choices: Array<[keyof LuoheEngineConfig, readonly unknown[]]> = [
  ['periodMode', ['service-month', 'calendar-month']],
  ['monthEndDeadline', ['period-end', 'calendar-month-end']],
  ['inspectionCoverage', ['all', 'any']],
  ['weeklyDistribution', ['warn', 'score']],
  ['mixedUnitDailyWork', ['systems-only', 'item-weighted']],
  ['faultClockStart', ['reportedAt']],
  ['faultBreachCount', ['per-ticket']],
  ['vulnDayCounting', ['elapsed', 'civil-code']],
  ['contractVulnHandling', ['warn', 'score']],
  ['archiveMode', ['pooled', 'mean-per-scope']],
  ['unitWeighting', ['equal']],
  ['deductionLevel', ['package', 'unit']],
  ['d6Granularity', ['per-system-per-period']],
  ['gradeRounding', ['none', 'round-half-up-int', 'floor-int']],
  ['penaltyOverflow', ['floor-and-report', 'carry-within-installment']],
  ['rectificationDue', ['next-period-end']],
  ['filingWaiver', ['unless-rejected', 'approved-only', 'none']],
  ['crRatioMeaning', ['removed', 'kept']],
  ['latePaymentBase', ['base']],
  ['crSurplus', ['report-only']],
  ['vulnCivilRestDays', ['non-working-days', 'statutory-holidays']],
  ['crDayCounting', ['whole-days', 'any-part']],
  ['archiveUndeclaredCoverage', ['covers-all', 'missing']],
  ['c09Source', ['ticket-or-archive', 'archive-only']],
];

/** The effective Luohe config: the contract's `config.json` over the defaults, checked against the implemented alternatives. */
export function resolveLuoheConfig(config: ContractConfig | undefined): { common: CommonConfig; luohe: LuoheEngineConfig } {
  const file = (config ?? {}) as unknown as { common?: unknown; luohe?: unknown };
  const luohe = merge(LUOHE_ENGINE_DEFAULTS, file.luohe) as LuoheEngineConfig;
  // unitOverrides: the file's map replaces the default map (a range left out is not overridden).
  const given = isObject(file.luohe) ? file.luohe.unitOverrides : undefined;
  if (isObject(given)) luohe.unitOverrides = given as LuoheConfig['unitOverrides'];
  const common = merge(COMMON_CONFIG_DEFAULTS, file.common) as CommonConfig;
  for (const [key, allowed] of choices) {
    if (!allowed.includes(luohe[key])) throw new LuoheConfigError(key, luohe[key], allowed);
  }
  if (luohe.satisfaction.acceptLatePolicy !== 'reviewer') {
    throw new LuoheConfigError('satisfaction.acceptLatePolicy', luohe.satisfaction.acceptLatePolicy, ['reviewer']);
  }
  if (luohe.aggravation.keyItemMin !== 'ceil-midpoint') {
    throw new LuoheConfigError('aggravation.keyItemMin', luohe.aggravation.keyItemMin, ['ceil-midpoint']);
  }
  if (luohe.satisfaction.rowWeights.length !== 5) {
    throw new LuoheConfigError('satisfaction.rowWeights', luohe.satisfaction.rowWeights, ['five weights, one per form row']);
  }
  return { common, luohe };
}

const NUMBER_RE = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * A config number as an exact rational, without binary arithmetic. JSON numbers are read through their shortest
 * decimal text ("0.8" → 4/5). A value that can only be a float artefact (15 or more significant digits, such as
 * 0.6666666666666666 for the A1 linear alternative ⅔) snaps to the simplest fraction with denominator ≤ 1000
 * that lies within one unit of its last digit. Strings are exact decimals or "n/d" fractions.
 */
export function exactConfigNumber(value: number | string): Exact {
  if (typeof value === 'string') return exact(value);
  if (!Number.isFinite(value)) throw new RangeError(`Config number must be finite: ${value}`);
  const m = NUMBER_RE.exec(String(value));
  if (!m) throw new RangeError(`Unreadable config number: ${value}`);
  const [, sign, int, frac = '', expText] = m as unknown as [string, string, string, string | undefined, string | undefined];
  let digits = `${int}${frac}`;
  let scale = frac.length - Number(expText ?? '0');
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const text: ExactInput = `${sign}${digits}/${10n ** BigInt(scale)}`;
  const decimal = exact(text);
  const significant = digits.replace(/^0+/, '').replace(/0+$/, '').length;
  if (significant < 15) return decimal;
  const tolerance = exact(`1/${10n ** BigInt(scale)}`);
  for (let q = 1n; q <= 1000n; q++) {
    const p = decimal.mul(q).roundHalfUp();
    const candidate = exact(`${p}/${q}`);
    if (candidate.sub(decimal).abs().lt(tolerance)) return candidate;
  }
  return decimal;
}
