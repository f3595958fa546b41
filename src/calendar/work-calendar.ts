import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addDays,
  compareDates,
  daysInMonth,
  firstDayOfMonth,
  isWeekend,
  lastDayOfMonth,
  parseDate,
} from './zoned-time.ts';

/** One dated entry of a calendar file (a day off, or a make-up working day). */
export interface CalendarDay {
  date: string;
  nameZh: string;
}

/** The official notice a calendar file was copied from. */
export interface SourceNotice {
  titleZh: string;
  url: string;
  issuedOn?: string;
}

/** Contents of `content/calendars/cn-<year>.json` (schemas/calendar.schema.json). */
export interface CalendarFile {
  year: number;
  holidays: CalendarDay[];
  makeupWorkdays: CalendarDay[];
  sourceNotice: SourceNotice;
}

/** Default folder of the calendar files, used in error messages when none is given. */
export const DEFAULT_CALENDAR_DIR = 'content/calendars';

/** Thrown when a computation touches a year that has no calendar file (spec §5.8: a build error, never a guess). */
export class CalendarMissingError extends Error {
  override readonly name = 'CalendarMissingError';
  /** The year without a calendar. */
  readonly year: number;
  /** The file that has to be added. */
  readonly file: string;
  constructor(year: number, file: string, date: string) {
    super(
      `No working-day calendar for ${year} (needed for ${date}): add ${file} from the 国务院办公厅关于${year}年部分节假日安排的通知`,
    );
    this.year = year;
    this.file = file;
  }
}

/** Thrown when a calendar file is malformed or inconsistent. */
export class CalendarFileError extends Error {
  override readonly name = 'CalendarFileError';
  /** The file (or label) that failed. */
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.file = file;
  }
}

/** How a day is classified. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/** Classification of one date. */
export interface DayInfo {
  date: string;
  working: boolean;
  kind: DayKind;
  /** Holiday or make-up name from the notice, for holidays and make-up working days. */
  nameZh?: string;
}

interface YearData {
  holidays: Map<string, string>;
  makeup: Map<string, string>;
  source: SourceNotice;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(
  obj: Record<string, unknown>,
  allowed: readonly string[],
  file: string,
  where: string,
): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new CalendarFileError(file, `${where}: unknown property "${k}"`);
  }
}

function checkDays(value: unknown, year: number, file: string, where: string): CalendarDay[] {
  if (!Array.isArray(value)) throw new CalendarFileError(file, `${where} must be an array`);
  const out: CalendarDay[] = [];
  value.forEach((entry: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isRecord(entry)) throw new CalendarFileError(file, `${at} must be an object`);
    checkKeys(entry, ['date', 'nameZh'], file, at);
    const { date, nameZh } = entry;
    if (typeof date !== 'string') throw new CalendarFileError(file, `${at}.date must be a string`);
    if (typeof nameZh !== 'string' || nameZh.length === 0) {
      throw new CalendarFileError(file, `${at}.nameZh must be a non-empty string`);
    }
    let parsedYear: number;
    try {
      parsedYear = parseDate(date).year;
    } catch {
      throw new CalendarFileError(file, `${at}.date is not a valid date: ${date}`);
    }
    if (parsedYear !== year) throw new CalendarFileError(file, `${at}.date ${date} is outside ${year}`);
    const prev = out[out.length - 1];
    if (prev !== undefined && compareDates(prev.date, date) >= 0) {
      throw new CalendarFileError(
        file,
        `${at}.date ${date} is not after ${prev.date} (sort ascending, no duplicates)`,
      );
    }
    out.push({ date, nameZh });
  });
  return out;
}

/**
 * Validates parsed JSON as a calendar file; `expectedYear` (from the file name) must match `year`.
 * Throws CalendarFileError on the first problem.
 */
export function validateCalendarFile(data: unknown, file: string, expectedYear?: number): CalendarFile {
  if (!isRecord(data)) throw new CalendarFileError(file, 'must be a JSON object');
  checkKeys(data, ['year', 'holidays', 'makeupWorkdays', 'sourceNotice'], file, 'root');
  const { year, sourceNotice } = data;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new CalendarFileError(file, '"year" must be an integer between 2000 and 2100');
  }
  if (expectedYear !== undefined && year !== expectedYear) {
    throw new CalendarFileError(file, `"year" is ${year} but the file name says ${expectedYear}`);
  }
  const holidays = checkDays(data.holidays, year, file, 'holidays');
  const makeupWorkdays = checkDays(data.makeupWorkdays, year, file, 'makeupWorkdays');
  const holidayDates = new Set(holidays.map((h) => h.date));
  for (const m of makeupWorkdays) {
    if (holidayDates.has(m.date))
      throw new CalendarFileError(file, `${m.date} is both a holiday and a make-up day`);
    // A make-up day on a weekday would change nothing; it signals a copying mistake.
    if (!isWeekend(m.date))
      throw new CalendarFileError(file, `make-up working day ${m.date} is not a weekend day`);
  }
  if (!isRecord(sourceNotice)) throw new CalendarFileError(file, '"sourceNotice" must be an object');
  checkKeys(sourceNotice, ['titleZh', 'url', 'issuedOn'], file, 'sourceNotice');
  const { titleZh, url, issuedOn } = sourceNotice;
  if (typeof titleZh !== 'string' || titleZh.length === 0) {
    throw new CalendarFileError(file, 'sourceNotice.titleZh must be a non-empty string');
  }
  if (typeof url !== 'string' || !url.startsWith('https://')) {
    throw new CalendarFileError(file, 'sourceNotice.url must be an https:// address');
  }
  const source: SourceNotice = { titleZh, url };
  if (issuedOn !== undefined) {
    if (typeof issuedOn !== 'string')
      throw new CalendarFileError(file, 'sourceNotice.issuedOn must be a date');
    try {
      parseDate(issuedOn);
    } catch {
      throw new CalendarFileError(file, `sourceNotice.issuedOn is not a valid date: ${issuedOn}`);
    }
    source.issuedOn = issuedOn;
  }
  return { year, holidays, makeupWorkdays, sourceNotice: source };
}

function requirePositiveInt(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer: ${n}`);
}

/**
 * The national working-day calendar (法定节假日 + 调休) over the years that have a file.
 * isWorkingDay(d) = d is a make-up day, or d is Mon–Fri and not a holiday (spec §2.1).
 * Every query on a date whose year has no file throws CalendarMissingError.
 */
export class WorkCalendar {
  readonly #years = new Map<number, YearData>();
  readonly #dir: string;

  /** Builds a calendar from validated file contents; `dir` only names the missing file in errors. */
  constructor(files: readonly CalendarFile[], options: { dir?: string } = {}) {
    this.#dir = options.dir ?? DEFAULT_CALENDAR_DIR;
    for (const f of files) {
      const label = this.fileFor(f.year);
      const checked = validateCalendarFile(f, label);
      if (this.#years.has(checked.year))
        throw new CalendarFileError(label, `year ${checked.year} given twice`);
      this.#years.set(checked.year, {
        holidays: new Map(checked.holidays.map((h) => [h.date, h.nameZh])),
        makeup: new Map(checked.makeupWorkdays.map((m) => [m.date, m.nameZh])),
        source: checked.sourceNotice,
      });
    }
  }

  /** Years that have a calendar, ascending. */
  get years(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  /** Path of the calendar file for `year` (whether or not it exists). */
  fileFor(year: number): string {
    return join(this.#dir, `cn-${year}.json`);
  }

  /** True when `year` has a calendar file. */
  hasYear(year: number): boolean {
    return this.#years.has(year);
  }

  /** The notice a year's calendar was copied from. */
  sourceOf(year: number): SourceNotice {
    return this.#yearData(year, `${year}-01-01`).source;
  }

  #yearData(year: number, date: string): YearData {
    const data = this.#years.get(year);
    if (data === undefined) throw new CalendarMissingError(year, this.fileFor(year), date);
    return data;
  }

  /** Classifies a date (working day, weekend, holiday or make-up working day). */
  dayInfo(date: string): DayInfo {
    const data = this.#yearData(parseDate(date).year, date);
    const makeup = data.makeup.get(date);
    if (makeup !== undefined) return { date, working: true, kind: 'makeup-workday', nameZh: makeup };
    const holiday = data.holidays.get(date);
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', nameZh: holiday };
    return isWeekend(date)
      ? { date, working: false, kind: 'weekend' }
      : { date, working: true, kind: 'workday' };
  }

  /** True when `date` is a working day. */
  isWorkingDay(date: string): boolean {
    return this.dayInfo(date).working;
  }

  /** W(d, n): the n-th working day strictly after `date` (n ≥ 1), spec §5.8. */
  nthWorkingDayAfter(date: string, n: number): string {
    requirePositiveInt(n, 'n');
    let d = date;
    let found = 0;
    while (found < n) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) found += 1;
    }
    return d;
  }

  /** WM(y, m, n): the n-th working day of month `month` (1–12) of `year`; throws RangeError if there is none. */
  nthWorkingDayOfMonth(year: number, month: number, n: number): string {
    requirePositiveInt(n, 'n');
    const days = daysInMonth(year, month);
    let found = 0;
    for (let day = firstDayOfMonth(year, month), i = 0; i < days; day = addDays(day, 1), i += 1) {
      if (this.isWorkingDay(day)) {
        found += 1;
        if (found === n) return day;
      }
    }
    throw new RangeError(
      `${year}-${String(month).padStart(2, '0')} has only ${found} working days, not ${n}`,
    );
  }

  /**
   * `date` moved by `n` working days: for n ≥ 1 this is W(date, n) (e.g. "30 个工作日内", spec §4.11),
   * for n ≤ −1 the |n|-th working day strictly before `date`, and for n = 0 `date` itself.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer: ${n}`);
    parseDate(date);
    if (n > 0) return this.nthWorkingDayAfter(date, n);
    let d = date;
    let found = 0;
    while (found < -n) {
      d = addDays(d, -1);
      if (this.isWorkingDay(d)) found += 1;
    }
    return d;
  }

  /**
   * Working days in the half-open range (a, b], so workingDaysBetween(d, W(d, n)) = n.
   * Negative when b is before a (minus the count of (b, a]).
   */
  workingDaysBetween(a: string, b: string): number {
    const cmp = compareDates(a, b);
    if (cmp > 0) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let d = addDays(a, 1); compareDates(d, b) <= 0; d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) count += 1;
    }
    return count;
  }

  /** The working days of a month, in order. */
  workingDaysOfMonth(year: number, month: number): string[] {
    const out: string[] = [];
    const last = lastDayOfMonth(year, month);
    for (let d = firstDayOfMonth(year, month); compareDates(d, last) <= 0; d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) out.push(d);
    }
    return out;
  }
}

const FILE_RE = /^cn-(\d{4})\.json$/;

/**
 * Reads every `cn-<year>.json` in `dir` (synchronously), validates each file and that its year matches the
 * file name, and returns the calendar. Any other `.json` file in `dir` is an error, so a misnamed file is
 * not silently ignored.
 */
export function loadCalendars(dir: string = DEFAULT_CALENDAR_DIR): WorkCalendar {
  const files: CalendarFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const path = join(dir, name);
    const m = FILE_RE.exec(name);
    if (!m) throw new CalendarFileError(path, 'calendar files must be named cn-<year>.json');
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new CalendarFileError(path, `not valid JSON (${(e as Error).message})`);
    }
    files.push(validateCalendarFile(data, path, Number(m[1])));
  }
  return new WorkCalendar(files, { dir });
}
