import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CalendarFile } from '../../src/calendar/index.ts';
import {
  CalendarFileError,
  CalendarMissingError,
  endOfLocalDay,
  formatInstant,
  loadCalendars,
  parseInstant,
  WorkCalendar,
} from '../../src/calendar/index.ts';

const calendarDir = fileURLToPath(new URL('../../content/calendars/', import.meta.url));
const cal = loadCalendars(calendarDir);

function missing(fn: () => unknown): CalendarMissingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarMissingError) return e;
    throw e;
  }
  throw new Error('expected CalendarMissingError');
}

describe('loadCalendars(content/calendars)', () => {
  it('loads exactly 2026 (no 2027 notice exists yet)', () => {
    expect(cal.years).toEqual([2026]);
    expect(cal.hasYear(2027)).toBe(false);
    expect(cal.sourceOf(2026).titleZh).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });
});

describe('isWorkingDay and dayInfo around 国庆节 2026', () => {
  it.each([
    ['2026-09-19', false], // Saturday
    ['2026-09-20', true], // Sunday, 调休上班
    ['2026-09-25', false], // 中秋节, Friday
    ['2026-09-28', true],
    ['2026-09-30', true],
    ['2026-10-01', false],
    ['2026-10-05', false], // Monday inside the block
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true], // Saturday, 调休上班
    ['2026-10-11', false], // Sunday
  ])('%s → %s', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('names holidays and make-up days', () => {
    expect(cal.dayInfo('2026-10-10')).toEqual({
      date: '2026-10-10',
      working: true,
      kind: 'makeup-workday',
      nameZh: '国庆节调休上班',
    });
    expect(cal.dayInfo('2026-10-03')).toEqual({
      date: '2026-10-03',
      working: false,
      kind: 'holiday',
      nameZh: '国庆节',
    });
    expect(cal.dayInfo('2026-11-15')).toEqual({ date: '2026-11-15', working: false, kind: 'weekend' });
    expect(cal.dayInfo('2026-11-16')).toEqual({ date: '2026-11-16', working: true, kind: 'workday' });
  });

  it('counts 18 working days in October 2026 and 21 in November', () => {
    expect(cal.workingDaysOfMonth(2026, 10)).toEqual([
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
      '2026-10-13',
      '2026-10-14',
      '2026-10-15',
      '2026-10-16',
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
    ]);
    expect(cal.workingDaysOfMonth(2026, 11)).toHaveLength(21);
  });

  it('rejects malformed dates', () => {
    expect(() => cal.isWorkingDay('2026-02-29')).toThrow(/No such calendar date/);
    expect(() => cal.isWorkingDay('2026-1-5')).toThrow(/YYYY-MM-DD/);
  });
});

describe('W(d, n): nthWorkingDayAfter', () => {
  it.each([
    ['2026-11-12', 3, '2026-11-17'], // spec §7.4 fault report
    ['2026-11-15', 1, '2026-11-16'], // Sunday → Monday (weekly report of ISO week 46)
    ['2026-11-16', 1, '2026-11-17'], // strictly after a working day
    ['2026-09-18', 1, '2026-09-20'], // Friday → 调休 Sunday
    ['2026-09-24', 1, '2026-09-28'], // over 中秋节
    ['2026-09-30', 1, '2026-10-08'], // over 国庆节
    ['2026-09-30', 3, '2026-10-10'], // lands on the 调休 Saturday
    ['2026-10-09', 1, '2026-10-10'],
    ['2026-10-10', 1, '2026-10-12'],
    ['2026-12-30', 1, '2026-12-31'], // stays inside 2026: no 2027 needed
  ])('W(%s, %i) = %s', (d, n, expected) => {
    expect(cal.nthWorkingDayAfter(d, n)).toBe(expected);
  });

  it('needs n ≥ 1', () => {
    expect(() => cal.nthWorkingDayAfter('2026-11-12', 0)).toThrow(RangeError);
    expect(() => cal.nthWorkingDayAfter('2026-11-12', 1.5)).toThrow(RangeError);
  });

  it('weekly report of ISO week 46 is due 2026-11-16 23:59:59+08:00, so 11-17 is late', () => {
    const due = endOfLocalDay(cal.nthWorkingDayAfter('2026-11-15', 1));
    expect(formatInstant(due)).toBe('2026-11-16T23:59:59+08:00');
    expect(parseInstant('2026-11-16T23:59:59+08:00') <= due).toBe(true);
    expect(parseInstant('2026-11-17T00:00:00+08:00') > due).toBe(true);
  });
});

describe('WM(y, m, n): nthWorkingDayOfMonth', () => {
  it.each([
    [2026, 10, 1, '2026-10-08'],
    [2026, 10, 3, '2026-10-10'], // 国庆 leaves the 调休 Saturday as the 3rd working day
    [2026, 10, 5, '2026-10-13'], // quarterly report due
    [2026, 11, 3, '2026-11-04'], // spec §7.4: October monthly report due Wed 11-04
    [2026, 1, 1, '2026-01-04'], // 元旦 调休 Sunday, and no 2025 calendar needed
    [2026, 2, 3, '2026-02-04'],
    [2026, 7, 5, '2026-07-07'], // half-year report
  ])('WM(%i, %i, %i) = %s', (y, m, n, expected) => {
    expect(cal.nthWorkingDayOfMonth(y, m, n)).toBe(expected);
  });

  it('throws when the month has fewer working days', () => {
    expect(() => cal.nthWorkingDayOfMonth(2026, 10, 19)).toThrow(RangeError);
    expect(cal.nthWorkingDayOfMonth(2026, 10, 18)).toBe('2026-10-30');
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('30 working days after 2026-09-30 is 2026-11-17 (18 in October + 12 in November)', () => {
    expect(cal.addWorkingDays('2026-09-30', 30)).toBe('2026-11-17');
    expect(cal.workingDaysBetween('2026-09-30', '2026-11-17')).toBe(30);
  });

  it('equals W(d, n) for n ≥ 1 and walks backwards for n < 0', () => {
    for (let n = 1; n <= 40; n += 1) {
      expect(cal.addWorkingDays('2026-09-15', n)).toBe(cal.nthWorkingDayAfter('2026-09-15', n));
    }
    expect(cal.addWorkingDays('2026-10-12', 0)).toBe('2026-10-12');
    expect(cal.addWorkingDays('2026-10-12', -1)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-10-12', -2)).toBe('2026-10-09');
    expect(cal.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
  });

  it('counts the half-open range (a, b]', () => {
    expect(cal.workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(cal.workingDaysBetween('2026-10-10', '2026-09-30')).toBe(-3);
    expect(cal.workingDaysBetween('2026-11-16', '2026-11-16')).toBe(0);
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('round-trips: workingDaysBetween(d, W(d, n)) = n', () => {
    for (const d of ['2026-01-01', '2026-02-13', '2026-04-30', '2026-09-19', '2026-10-06']) {
      for (const n of [1, 2, 5, 10, 30]) {
        expect(cal.workingDaysBetween(d, cal.nthWorkingDayAfter(d, n))).toBe(n);
      }
    }
  });
});

describe('a year without a calendar is an error, never a Mon–Fri guess', () => {
  const file2027 = join(calendarDir, 'cn-2027.json');

  it('isWorkingDay in 2027 throws, naming the year and the file', () => {
    const e = missing(() => cal.isWorkingDay('2027-01-04'));
    expect(e.year).toBe(2027);
    expect(e.file).toBe(file2027);
    expect(e.message).toContain('cn-2027.json');
    expect(e.message).toContain('2027');
  });

  it('a walk that crosses into 2027 throws', () => {
    expect(missing(() => cal.nthWorkingDayAfter('2026-12-30', 2)).year).toBe(2027);
    expect(missing(() => cal.addWorkingDays('2026-12-10', 30)).year).toBe(2027);
    expect(missing(() => cal.workingDaysBetween('2026-12-01', '2027-01-05')).file).toBe(file2027);
    expect(missing(() => cal.nthWorkingDayOfMonth(2027, 1, 3)).year).toBe(2027);
  });

  it('a backward walk into 2025 throws too', () => {
    expect(cal.addWorkingDays('2026-01-05', -1)).toBe('2026-01-04');
    expect(missing(() => cal.addWorkingDays('2026-01-05', -2)).year).toBe(2025);
    expect(missing(() => cal.isWorkingDay('2025-12-31')).file).toBe(join(calendarDir, 'cn-2025.json'));
  });

  it('an empty calendar knows no day at all', () => {
    const empty = new WorkCalendar([]);
    const e = missing(() => empty.isWorkingDay('2026-11-16'));
    expect(e.file).toBe(join('content', 'calendars', 'cn-2026.json'));
  });
});

describe('calendar file validation', () => {
  const fixture = (over: Partial<CalendarFile> = {}): CalendarFile => ({
    year: 2030,
    holidays: [{ date: '2030-01-01', nameZh: '元旦' }],
    makeupWorkdays: [{ date: '2030-01-05', nameZh: '元旦调休上班' }],
    sourceNotice: { titleZh: '测试', url: 'https://example.invalid/2030' },
    ...over,
  });
  const tmp = mkdtempSync(join(tmpdir(), 'omarc-cal-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const writeDir = (name: string, files: Record<string, unknown>): string => {
    const dir = join(tmp, name);
    mkdirSync(dir);
    for (const [file, data] of Object.entries(files)) writeFileSync(join(dir, file), JSON.stringify(data));
    return dir;
  };

  it('accepts a fixture calendar', () => {
    const c = new WorkCalendar([fixture()]);
    expect(c.isWorkingDay('2030-01-01')).toBe(false);
    expect(c.isWorkingDay('2030-01-05')).toBe(true); // Saturday
    expect(c.isWorkingDay('2030-01-06')).toBe(false);
  });

  it.each([
    [
      'a date outside the year',
      fixture({ holidays: [{ date: '2031-01-01', nameZh: '元旦' }] }),
      /outside 2030/,
    ],
    [
      'unsorted or duplicate dates',
      fixture({
        holidays: [
          { date: '2030-01-01', nameZh: '元旦' },
          { date: '2030-01-01', nameZh: '元旦' },
        ],
      }),
      /not after/,
    ],
    [
      'a make-up day on a weekday',
      fixture({ makeupWorkdays: [{ date: '2030-01-07', nameZh: 'x' }] }),
      /not a weekend/,
    ],
    [
      'a day both off and worked',
      fixture({ holidays: [{ date: '2030-01-05', nameZh: '元旦' }] }),
      /both a holiday and a make-up/,
    ],
    ['an invalid date', fixture({ holidays: [{ date: '2030-02-30', nameZh: '元旦' }] }), /not a valid date/],
    [
      'an unknown property',
      { ...fixture(), extra: 1 } as unknown as CalendarFile,
      /unknown property "extra"/,
    ],
  ])('rejects %s', (_label, file, message) => {
    expect(() => new WorkCalendar([file])).toThrow(CalendarFileError);
    expect(() => new WorkCalendar([file])).toThrow(message);
  });

  it('rejects the same year twice', () => {
    expect(() => new WorkCalendar([fixture(), fixture()])).toThrow(/given twice/);
  });

  it('loadCalendars checks that the file name and the year agree', () => {
    const dir = writeDir('mismatch', { 'cn-2031.json': fixture() });
    expect(() => loadCalendars(dir)).toThrow(/"year" is 2030 but the file name says 2031/);
  });

  it('loadCalendars rejects misnamed JSON files and bad JSON', () => {
    expect(() => loadCalendars(writeDir('misnamed', { 'cn2030.json': fixture() }))).toThrow(
      /cn-<year>\.json/,
    );
    const bad = writeDir('bad', {});
    writeFileSync(join(bad, 'cn-2030.json'), '{ not json');
    expect(() => loadCalendars(bad)).toThrow(/not valid JSON/);
  });

  it('loadCalendars reads several years and names the directory in missing-year errors', () => {
    const dir = writeDir('ok', { 'cn-2030.json': fixture(), 'README.md': 'ignored' });
    const c = loadCalendars(dir);
    expect(c.years).toEqual([2030]);
    expect(missing(() => c.isWorkingDay('2029-12-31')).file).toBe(join(dir, 'cn-2029.json'));
  });
});
