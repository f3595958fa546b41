import type { BjReportType, BjSurveyLevel } from '../../model/registry.ts';

/**
 * Service time of the availability rules (spec §5.7, B7): `'24x7'` (default), or daily hours `from`–`to` (local
 * `HH:mm`) on every day (`days: 'all'`) or on working days of the loaded calendar (`days: 'working'`).
 */
export type BjServiceHours = '24x7' | { days: 'all' | 'working'; from: string; to: string };

/**
 * The `bj` block of spec §9 as the engine reads it. Each key lists the alternatives the engine implements; keys
 * marked "engine extension" are decisions this engine adds beyond §9 (they change points, so they are config).
 */
export interface BjEngineConfig {
  /** [first day, last day] inclusive (spec §2.3). */
  servicePeriod: readonly [string, string];
  /** B1: only calendar months are defined. */
  periodMode: 'calendar-month';
  /** B1: a final fragment shorter than this joins the previous month. */
  mergeShortPeriodDays: number;
  /** B1 */
  acceptanceAggregation: 'day-weighted-mean' | 'single-annual-period' | 'last-period';
  /** B2: `null` = no clamp of the total. */
  clampTotal: { min: number | string; max: number | string } | null;
  /** B4 */
  tailRefundTrigger: 'acceptance-not-passed' | 'always';
  /** B4: the tail is paid in full on this date when 甲方 confirms. */
  tailSettlementDate: string;
  /** B4: refund share of the tail for 不合格. */
  failTailRate: number | string;
  /** B7 */
  serviceHours: BjServiceHours;
  /** B25 */
  pageInspectionDays: 'calendar' | 'working';
  /** B13: local time of day of every report deadline, `HH:mm:ss`. */
  deadlineTime: string;
  /** B4, B26 */
  annualReportDue: string;
  /** B10: `'max'` = larger of individual (R03) and team (R04); `'sum'` = both count. */
  sickCombine: 'max' | 'sum';
  /** B12 */
  offsiteNotice: string;
  /** B12 */
  onsiteNotice: string;
  /** B13: `W(anchor,n)` = n-th working day after the anchor date, `WM(anchor,n)` = n-th working day of a month. */
  reportDue: { weekly: string; monthly: string; quarterly: string; halfYear: string; fault: string };
  /** B14 */
  bonusRequiresEvent: boolean;
  /** B18 */
  surveyReplyDays: number;
  /** B20 */
  satisfactionRateLevels: readonly BjSurveyLevel[];
  /** B26 */
  requiredReports: readonly BjReportType[];
  /** B24 */
  faultSla: { remoteResponse: string; onSite: string; fix: string };
  /** B19: personal NDA required of every staff member (`'all-staff'`) or of the resident team only. */
  ndaScope: 'all-staff' | 'resident-staff';
  /** B5: level taxonomy (labels only; the level itself is on the ticket or a reviewer override). */
  faultLevels: 'luohe-a3-definitions';
  /** B15: path of the special-period list, loaded by the registry (`registry.specialPeriods`). */
  specialPeriods: string;
  /** Engine extension (R35): drill check per half-year, or plan only. */
  drillSchedule: 'half-year' | 'none';
  /** Engine extension (R35): a half-year is checked for a drill only if the service covers at least this many days of it. */
  drillMinServiceDays: number;
  /** Engine extension (R42/R46): does a fault ticket without `downtimeCountsForAvailability` count as downtime? */
  availabilityTicketDefault: 'exclude' | 'include';
  /**
   * Engine extension (B26, §6.3): a required report still missing after its deadline is a BJ-R13 proposal for the
   * reviewer (`'propose-r13'`, spec §6.3) or counts at once as late under BJ-R16 (`'late'`).
   */
  missingRequiredReport: 'propose-r13' | 'late';
}

/** Spec §9 `bj` defaults (the proposed decisions), plus the engine's own defaults for its extensions. */
export const BJ_CONFIG_DEFAULTS: BjEngineConfig = {
  servicePeriod: ['2026-06-09', '2027-06-09'],
  periodMode: 'calendar-month',
  mergeShortPeriodDays: 10,
  acceptanceAggregation: 'day-weighted-mean',
  clampTotal: null,
  tailRefundTrigger: 'acceptance-not-passed',
  tailSettlementDate: '2026-12-31',
  failTailRate: 1,
  serviceHours: '24x7',
  pageInspectionDays: 'calendar',
  deadlineTime: '23:59:59',
  annualReportDue: '2026-12-31',
  sickCombine: 'max',
  offsiteNotice: 'P7D',
  onsiteNotice: 'P1M',
  reportDue: {
    weekly: 'W(weekEnd,1)',
    monthly: 'WM(next,3)',
    quarterly: 'WM(nextQuarter,5)',
    halfYear: 'WM(nextHalf,5)',
    fault: 'W(resolvedDate,3)',
  },
  bonusRequiresEvent: true,
  surveyReplyDays: 10,
  satisfactionRateLevels: ['非常满意', '满意'],
  requiredReports: ['monthly', 'half-year', 'annual', 'fault'],
  faultSla: { remoteResponse: 'PT30M', onSite: 'PT1H', fix: 'PT8H' },
  ndaScope: 'all-staff',
  faultLevels: 'luohe-a3-definitions',
  specialPeriods: 'content/contracts/bj-kw-2026-p4/special-periods.json',
  drillSchedule: 'half-year',
  drillMinServiceDays: 90,
  availabilityTicketDefault: 'exclude',
  missingRequiredReport: 'propose-r13',
};

/** Thrown when a `bj` config value is not one the engine implements. */
export class BjConfigError extends Error {
  override readonly name = 'BjConfigError';
  /** Dotted key, e.g. `bj.sickCombine`. */
  readonly key: string;
  constructor(key: string, value: unknown, expected: string) {
    super(`Invalid config ${key} = ${JSON.stringify(value)}: expected ${expected}. Fix content/contracts/<id>/config.json.`);
    this.key = key;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new BjConfigError(key, value, allowed.map((a) => `'${a}'`).join(' | '));
}

function str(key: string, value: unknown, re: RegExp, what: string): string {
  if (typeof value === 'string' && re.test(value)) return value;
  throw new BjConfigError(key, value, what);
}

function int(key: string, value: unknown, min: number): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value;
  throw new BjConfigError(key, value, `an integer ≥ ${min}`);
}

function decimalLike(key: string, value: unknown): number | string {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
  throw new BjConfigError(key, value, 'a decimal number');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DURATION = /^P(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const REPORT_TYPES: readonly BjReportType[] = ['weekly', 'monthly', 'quarterly', 'half-year', 'annual', 'fault'];
const SURVEY_LEVELS: readonly BjSurveyLevel[] = ['非常满意', '满意', '基本满意', '不满意'];

function listOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T[] {
  if (!Array.isArray(value)) throw new BjConfigError(key, value, `an array of ${allowed.join(', ')}`);
  return value.map((v, i) => oneOf(`${key}[${i}]`, v, allowed));
}

/**
 * The effective Beijing config: spec §9 defaults overlaid with the contract's `config.json` (`{common, bj}` or the
 * bare `bj` block). Unknown values are rejected with the key that is wrong.
 */
export function resolveBjConfig(contractConfig: unknown): BjEngineConfig {
  const block = isRecord(contractConfig) && isRecord(contractConfig.bj) ? contractConfig.bj : isRecord(contractConfig) ? contractConfig : {};
  const d = BJ_CONFIG_DEFAULTS;
  const get = (k: string): unknown => (k in block ? block[k] : (d as unknown as Record<string, unknown>)[k]);
  const sp = get('servicePeriod');
  if (!Array.isArray(sp) || sp.length !== 2 || !sp.every((x) => typeof x === 'string' && DATE.test(x))) {
    throw new BjConfigError('bj.servicePeriod', sp, '["YYYY-MM-DD", "YYYY-MM-DD"]');
  }
  const clamp = get('clampTotal');
  let clampTotal: BjEngineConfig['clampTotal'] = null;
  if (clamp !== null) {
    if (!isRecord(clamp)) throw new BjConfigError('bj.clampTotal', clamp, 'null or {min, max}');
    clampTotal = { min: decimalLike('bj.clampTotal.min', clamp.min), max: decimalLike('bj.clampTotal.max', clamp.max) };
  }
  const sh = get('serviceHours');
  let serviceHours: BjServiceHours;
  if (sh === '24x7') serviceHours = '24x7';
  else if (isRecord(sh)) {
    serviceHours = {
      days: oneOf('bj.serviceHours.days', sh.days, ['all', 'working'] as const),
      from: str('bj.serviceHours.from', sh.from, HHMM, 'HH:mm'),
      to: str('bj.serviceHours.to', sh.to, HHMM, 'HH:mm'),
    };
    if (serviceHours.from >= serviceHours.to) throw new BjConfigError('bj.serviceHours', sh, 'from < to');
  } else throw new BjConfigError('bj.serviceHours', sh, "'24x7' or {days, from, to}");
  const rd = { ...d.reportDue, ...(isRecord(block.reportDue) ? block.reportDue : {}) } as Record<string, unknown>;
  const sla = { ...d.faultSla, ...(isRecord(block.faultSla) ? block.faultSla : {}) } as Record<string, unknown>;
  const dur = (k: string, v: unknown): string => str(k, v, DURATION, 'an ISO-8601 duration such as PT30M');
  const rule = (k: string, v: unknown, re: RegExp): string => str(k, v, re, re.source);
  const failTailRate = decimalLike('bj.failTailRate', get('failTailRate'));
  return {
    servicePeriod: [sp[0] as string, sp[1] as string],
    periodMode: oneOf('bj.periodMode', get('periodMode'), ['calendar-month'] as const),
    mergeShortPeriodDays: int('bj.mergeShortPeriodDays', get('mergeShortPeriodDays'), 0),
    acceptanceAggregation: oneOf('bj.acceptanceAggregation', get('acceptanceAggregation'), [
      'day-weighted-mean',
      'single-annual-period',
      'last-period',
    ] as const),
    clampTotal,
    tailRefundTrigger: oneOf('bj.tailRefundTrigger', get('tailRefundTrigger'), ['acceptance-not-passed', 'always'] as const),
    tailSettlementDate: str('bj.tailSettlementDate', get('tailSettlementDate'), DATE, 'YYYY-MM-DD'),
    failTailRate,
    serviceHours,
    pageInspectionDays: oneOf('bj.pageInspectionDays', get('pageInspectionDays'), ['calendar', 'working'] as const),
    deadlineTime: str('bj.deadlineTime', get('deadlineTime'), /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'HH:mm:ss'),
    annualReportDue: str('bj.annualReportDue', get('annualReportDue'), DATE, 'YYYY-MM-DD'),
    sickCombine: oneOf('bj.sickCombine', get('sickCombine'), ['max', 'sum'] as const),
    offsiteNotice: dur('bj.offsiteNotice', get('offsiteNotice')),
    onsiteNotice: dur('bj.onsiteNotice', get('onsiteNotice')),
    reportDue: {
      weekly: rule('bj.reportDue.weekly', rd.weekly, /^W\(weekEnd,[1-9]\d?\)$/),
      monthly: rule('bj.reportDue.monthly', rd.monthly, /^WM\(next,[1-9]\d?\)$/),
      quarterly: rule('bj.reportDue.quarterly', rd.quarterly, /^WM\(nextQuarter,[1-9]\d?\)$/),
      halfYear: rule('bj.reportDue.halfYear', rd.halfYear, /^WM\(nextHalf,[1-9]\d?\)$/),
      fault: rule('bj.reportDue.fault', rd.fault, /^W\(resolvedDate,[1-9]\d?\)$/),
    },
    bonusRequiresEvent: (() => {
      const v = get('bonusRequiresEvent');
      if (typeof v !== 'boolean') throw new BjConfigError('bj.bonusRequiresEvent', v, 'true or false');
      return v;
    })(),
    surveyReplyDays: int('bj.surveyReplyDays', get('surveyReplyDays'), 1),
    satisfactionRateLevels: listOf('bj.satisfactionRateLevels', get('satisfactionRateLevels'), SURVEY_LEVELS),
    requiredReports: listOf('bj.requiredReports', get('requiredReports'), REPORT_TYPES),
    faultSla: {
      remoteResponse: dur('bj.faultSla.remoteResponse', sla.remoteResponse),
      onSite: dur('bj.faultSla.onSite', sla.onSite),
      fix: dur('bj.faultSla.fix', sla.fix),
    },
    ndaScope: oneOf('bj.ndaScope', get('ndaScope'), ['all-staff', 'resident-staff'] as const),
    faultLevels: oneOf('bj.faultLevels', get('faultLevels'), ['luohe-a3-definitions'] as const),
    specialPeriods: str('bj.specialPeriods', get('specialPeriods'), /\S/, 'a path'),
    drillSchedule: oneOf('bj.drillSchedule', get('drillSchedule'), ['half-year', 'none'] as const),
    drillMinServiceDays: int('bj.drillMinServiceDays', get('drillMinServiceDays'), 0),
    availabilityTicketDefault: oneOf('bj.availabilityTicketDefault', get('availabilityTicketDefault'), [
      'exclude',
      'include',
    ] as const),
    missingRequiredReport: oneOf('bj.missingRequiredReport', get('missingRequiredReport'), ['propose-r13', 'late'] as const),
  };
}
