// Asia/Shanghai time helpers on plain integer epoch milliseconds.
// Node 24 ships without an unflagged `Temporal`, and no dependency is wanted for this, so the arithmetic is
// done by hand. That is exact because China has observed no daylight saving time since 1991: Asia/Shanghai is
// a fixed UTC+08:00 for every date this project can meet, so a local date-time maps to exactly one instant.

/** Epoch milliseconds (UTC). Always an integer. */
export type EpochMs = number;

/** Offset of Asia/Shanghai from UTC, in milliseconds. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const MS_PER_DAY = 86_400_000;

/** Thrown when a date, timestamp or duration string is malformed or out of range. */
export class InvalidTimeError extends Error {
  override readonly name = 'InvalidTimeError';
  /** The offending input. */
  readonly input: string;
  constructor(input: string, reason: string) {
    super(`${reason}: ${JSON.stringify(input)}`);
    this.input = input;
  }
}

/** A local calendar date split into its fields (month 1–12). */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil: proleptic Gregorian, exact for any year, no Date object involved.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): DateParts {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses and validates a `YYYY-MM-DD` date. */
export function parseDate(date: string): DateParts {
  const m = DATE_RE.exec(date);
  if (!m) throw new InvalidTimeError(date, 'Expected a date YYYY-MM-DD');
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidTimeError(date, 'No such calendar date');
  }
  return { year, month, day };
}

/** Formats date fields as `YYYY-MM-DD` (validating them). */
export function formatDate(parts: DateParts): string {
  const s = `${pad4(parts.year)}-${pad2(parts.month)}-${pad2(parts.day)}`;
  parseDate(s);
  return s;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dateToDayNumber(date: string): number {
  const p = parseDate(date);
  return daysFromCivil(p.year, p.month, p.day);
}

/** The `YYYY-MM-DD` date of a day number (days since 1970-01-01). */
export function dayNumberToDate(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const p = civilFromDays(dayNumber);
  return `${pad4(p.year)}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return dayNumberToDate(dateToDayNumber(date) + n);
}

/** Calendar days from `a` to `b` (b − a; negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dateToDayNumber(b) - dateToDayNumber(a);
}

/** Compares two dates: negative, zero or positive like a sort comparator. */
export function compareDates(a: string, b: string): number {
  return dateToDayNumber(a) - dateToDayNumber(b);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dateToDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** True for Saturday and Sunday. */
export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

/** First day `YYYY-MM-01` of a month. */
export function firstDayOfMonth(year: number, month: number): string {
  return formatDate({ year, month, day: 1 });
}

/** Last day of a month. */
export function lastDayOfMonth(year: number, month: number): string {
  return formatDate({ year, month, day: daysInMonth(year, month) });
}

// Year/month shift with the day clamped to the target month's end: this is 民法典第二百零二条 ("没有对应日的，
// 月末日为期间的最后一日") and also Temporal's default overflow: 'constrain'.
function shiftMonths(p: DateParts, months: number): DateParts {
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(p.day, daysInMonth(year, month)) };
}

/** `date` plus `k` calendar months, clamping to month end (2026-01-31 + 1 → 2026-02-28). */
export function addMonthsToDate(date: string, k: number): string {
  if (!Number.isSafeInteger(k)) throw new RangeError(`Month count must be an integer: ${k}`);
  return formatDate(shiftMonths(parseDate(date), k));
}

const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an ISO-8601 timestamp that carries an explicit offset (`Z` or ±HH:MM) into epoch ms.
 * Timestamps without an offset are rejected: a bare local time is ambiguous evidence.
 */
export function parseInstant(timestamp: string): EpochMs {
  const cached = instantCache.get(timestamp);
  if (cached !== undefined) return cached;
  const ms = parseInstantUncached(timestamp);
  // Scoring reads the same few thousand timestamps for every unit and period; a bounded memo keeps that cheap.
  if (instantCache.size >= 500_000) instantCache.clear();
  instantCache.set(timestamp, ms);
  return ms;
}

const instantCache = new Map<string, EpochMs>();

function parseInstantUncached(timestamp: string): EpochMs {
  const m = TIMESTAMP_RE.exec(timestamp);
  if (!m) {
    const reason = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(timestamp)
      ? 'Timestamp has no UTC offset (expected e.g. +08:00)'
      : 'Expected an ISO-8601 timestamp with offset, e.g. 2026-10-21T10:00:00+08:00';
    throw new InvalidTimeError(timestamp, reason);
  }
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  let days: number;
  try {
    days = dateToDayNumber(date);
  } catch {
    throw new InvalidTimeError(timestamp, 'No such calendar date');
  }
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59)
    throw new InvalidTimeError(timestamp, 'Time of day out of range');
  let offsetMs = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) throw new InvalidTimeError(timestamp, 'UTC offset out of range');
    offsetMs = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMs;
}

function assertInstant(ms: EpochMs): void {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`Epoch milliseconds must be an integer: ${ms}`);
}

/** Formats an instant as Asia/Shanghai local time, `YYYY-MM-DDTHH:mm:ss+08:00` (`.SSS` only when non-zero). */
export function formatInstant(ms: EpochMs): string {
  assertInstant(ms);
  const local = ms + SHANGHAI_OFFSET_MS;
  const days = Math.floor(local / MS_PER_DAY);
  const rest = local - days * MS_PER_DAY;
  const h = Math.floor(rest / 3_600_000);
  const mi = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  const frac = rest % 1000;
  const fraction = frac === 0 ? '' : `.${String(frac).padStart(3, '0')}`;
  return `${dayNumberToDate(days)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${fraction}+08:00`;
}

/** The Asia/Shanghai local date of an instant. */
export function localDateOf(ms: EpochMs): string {
  assertInstant(ms);
  return dayNumberToDate(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** Epoch ms of `date`T00:00:00+08:00. */
export function startOfLocalDay(date: string): EpochMs {
  return dateToDayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS;
}

/** Epoch ms of `date`T23:59:59+08:00, the deadline instant of a due date (spec §5.8, bj.deadlineTime). */
export function endOfLocalDay(date: string): EpochMs {
  return startOfLocalDay(date) + MS_PER_DAY - 1000;
}

/** A parsed ISO-8601 duration (non-negative fields). */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION_RE = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses an ISO-8601 duration such as PT10M, PT1H, P7D, P1M (integer fields only). */
export function parseDuration(duration: string): Duration {
  const m = DURATION_RE.exec(duration);
  if (!m || duration === 'P' || duration.endsWith('T')) {
    throw new InvalidTimeError(duration, 'Expected an ISO-8601 duration such as PT10M or P7D');
  }
  const f = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
  return { years: f(1), months: f(2), weeks: f(3), days: f(4), hours: f(5), minutes: f(6), seconds: f(7) };
}

/**
 * Exact length in ms of a duration without years or months (PT10M, PT8H, P7D).
 * Days are 24 h, which is exact in Asia/Shanghai (no DST).
 */
export function durationMs(duration: string): number {
  const d = parseDuration(duration);
  if (d.years !== 0 || d.months !== 0) {
    throw new InvalidTimeError(duration, 'Duration with years or months has no fixed length');
  }
  return ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

function shiftInstant(ms: EpochMs, duration: string, sign: 1 | -1): EpochMs {
  assertInstant(ms);
  const d = parseDuration(duration);
  let out = ms;
  if (d.years !== 0 || d.months !== 0) {
    // Calendar units move the Shanghai wall-clock date and keep the time of day, like Temporal.ZonedDateTime.
    const local = ms + SHANGHAI_OFFSET_MS;
    const days = Math.floor(local / MS_PER_DAY);
    const timeOfDay = local - days * MS_PER_DAY;
    const p = shiftMonths(civilFromDays(days), sign * (d.years * 12 + d.months));
    out = daysFromCivil(p.year, p.month, p.day) * MS_PER_DAY + timeOfDay - SHANGHAI_OFFSET_MS;
  }
  const fixed = { ...d, years: 0, months: 0 };
  const fixedMs =
    ((((fixed.weeks * 7 + fixed.days) * 24 + fixed.hours) * 60 + fixed.minutes) * 60 + fixed.seconds) * 1000;
  return out + sign * fixedMs;
}

/** Instant plus an ISO-8601 duration; months/years move the local date (clamped to month end), the rest is exact. */
export function addDuration(ms: EpochMs, duration: string): EpochMs {
  return shiftInstant(ms, duration, 1);
}

/** Instant minus an ISO-8601 duration (e.g. the latest notice time for 提前 P7D). */
export function subtractDuration(ms: EpochMs, duration: string): EpochMs {
  return shiftInstant(ms, duration, -1);
}

/** ISO-8601 week of a date: weeks run Monday–Sunday and belong to the year (and month) of their Thursday. */
export interface IsoWeek {
  /** ISO week-numbering year (the year of the week's Thursday). */
  weekYear: number;
  /** Week number 1–53. */
  week: number;
  /** Monday of the week. */
  monday: string;
  /** Thursday of the week; decides which year and month own the week. */
  thursday: string;
  /** Sunday of the week. */
  sunday: string;
}

/** The ISO week containing `date`. */
export function isoWeekOf(date: string): IsoWeek {
  const monday = addDays(date, 1 - isoWeekday(date));
  const thursday = addDays(monday, 3);
  const weekYear = parseDate(thursday).year;
  const week = Math.floor(daysBetween(`${pad4(weekYear)}-01-01`, thursday) / 7) + 1;
  return { weekYear, week, monday, thursday, sunday: addDays(monday, 6) };
}

/** The ISO weeks whose Thursday falls in the given month, in order (e.g. 2026-11 → weeks 45–48). */
export function isoWeeksOfMonth(year: number, month: number): IsoWeek[] {
  const first = firstDayOfMonth(year, month);
  // First Thursday on or after the 1st.
  let thursday = addDays(first, (4 - isoWeekday(first) + 7) % 7);
  const weeks: IsoWeek[] = [];
  while (parseDate(thursday).month === month) {
    weeks.push(isoWeekOf(thursday));
    thursday = addDays(thursday, 7);
  }
  return weeks;
}

/** A period counted in calendar days under 民法典 (spec A34). */
export interface CivilPeriod {
  /** Last day of the period. */
  lastDay: string;
  /** The period ends at 24:00 of `lastDay`, i.e. this instant (exclusive): next day T00:00:00+08:00. */
  endExclusive: EpochMs;
}

/**
 * "N 日内" counted per 民法典第二百零一条: the start day is not counted, so the period's last day is
 * `startDate` + N and it ends at 24:00 of that day. (The 第二百零三条 shift past a statutory holiday on the last
 * day is not applied here: spec A34 does not adopt it.)
 */
export function civilDayPeriod(startDate: string, days: number): CivilPeriod {
  if (!Number.isSafeInteger(days) || days < 1)
    throw new RangeError(`Day count must be a positive integer: ${days}`);
  const lastDay = addDays(startDate, days);
  return { lastDay, endExclusive: startOfLocalDay(addDays(lastDay, 1)) };
}

/** True when instant `at` falls within the civil-code period of `days` days starting on `startDate`. */
export function isWithinCivilDays(startDate: string, days: number, at: EpochMs): boolean {
  return at < civilDayPeriod(startDate, days).endExclusive;
}
