import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addDuration,
  addMonthsToDate,
  civilDayPeriod,
  dateToDayNumber,
  dayNumberToDate,
  daysBetween,
  durationMs,
  endOfLocalDay,
  formatInstant,
  InvalidTimeError,
  isoWeekday,
  isoWeekOf,
  isoWeeksOfMonth,
  isWithinCivilDays,
  localDateOf,
  parseDuration,
  parseInstant,
  startOfLocalDay,
  subtractDuration,
} from '../../src/calendar/index.ts';

const H = 3_600_000;
const at = parseInstant;

describe('parseInstant', () => {
  it('parses offsets exactly', () => {
    expect(at('1970-01-01T08:00:00+08:00')).toBe(0);
    expect(at('1970-01-01T00:00:00Z')).toBe(0);
    expect(at('2026-10-21T10:00:00+08:00')).toBe(Date.UTC(2026, 9, 21, 2, 0, 0));
    expect(at('2026-10-21T10:00+08:00')).toBe(at('2026-10-21T10:00:00+08:00'));
    expect(at('2026-10-21T02:00:00Z')).toBe(at('2026-10-21T10:00:00+08:00'));
    expect(at('2026-10-20T21:30:00-04:30')).toBe(at('2026-10-21T10:00:00+08:00'));
    expect(at('2026-10-21T10:00:00.5+08:00') - at('2026-10-21T10:00:00+08:00')).toBe(500);
    expect(at('2026-10-21T10:00:00.007+08:00') - at('2026-10-21T10:00:00+08:00')).toBe(7);
  });

  it.each([
    ['2026-10-21T10:00:00', /no UTC offset/],
    ['2026-10-21T10:00', /no UTC offset/],
    ['2026-10-21', /with offset/],
    ['2026-10-21 10:00:00+08:00', /with offset/],
    ['2026-02-29T10:00:00+08:00', /No such calendar date/],
    ['2026-10-21T24:00:00+08:00', /out of range/],
    ['2026-10-21T10:60:00+08:00', /out of range/],
    ['2026-10-21T10:00:00+08:60', /offset out of range/],
    ['2026-10-21T10:00:00+0800', /with offset/],
  ])('rejects %s', (input, message) => {
    expect(() => at(input)).toThrow(InvalidTimeError);
    expect(() => at(input)).toThrow(message);
  });

  it('agrees with Date.parse on valid timestamps (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1992-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (d, offsetMin) => {
          const ms = d.getTime();
          const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(at(`${local}${off}`)).toBe(ms);
        },
      ),
    );
  });
});

describe('formatInstant, localDateOf, start and end of day', () => {
  it('formats in Asia/Shanghai', () => {
    expect(formatInstant(at('2026-10-21T02:00:00Z'))).toBe('2026-10-21T10:00:00+08:00');
    expect(formatInstant(at('2026-10-21T16:00:00Z'))).toBe('2026-10-22T00:00:00+08:00');
    expect(formatInstant(at('2026-10-21T10:00:00.250+08:00'))).toBe('2026-10-21T10:00:00.250+08:00');
  });

  it('local date changes at 16:00 UTC', () => {
    expect(localDateOf(at('2026-10-21T15:59:59Z'))).toBe('2026-10-21');
    expect(localDateOf(at('2026-10-21T16:00:00Z'))).toBe('2026-10-22');
    expect(localDateOf(at('2026-10-22T00:00:00+08:00'))).toBe('2026-10-22');
    expect(localDateOf(at('2026-10-21T23:59:59.999+08:00'))).toBe('2026-10-21');
  });

  it('start and end of a local day', () => {
    expect(startOfLocalDay('2026-11-16')).toBe(at('2026-11-16T00:00:00+08:00'));
    expect(endOfLocalDay('2026-11-16')).toBe(at('2026-11-16T23:59:59+08:00'));
    expect(formatInstant(endOfLocalDay('2026-12-31'))).toBe('2026-12-31T23:59:59+08:00');
  });

  it('round-trips format → parse (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('1992-01-01T00:00:00+08:00'), max: at('2100-01-01T00:00:00+08:00') }),
        (ms) => {
          expect(at(formatInstant(ms))).toBe(ms);
          expect(startOfLocalDay(localDateOf(ms)) <= ms).toBe(true);
          expect(ms < startOfLocalDay(addDays(localDateOf(ms), 1))).toBe(true);
        },
      ),
    );
  });
});

describe('durations', () => {
  it('adds exactly at the boundary', () => {
    expect(addDuration(at('2026-10-27T09:00:00+08:00'), 'PT4H')).toBe(at('2026-10-27T13:00:00+08:00'));
    expect(formatInstant(addDuration(at('2026-10-27T09:00+08:00'), 'PT4H'))).toBe(
      '2026-10-27T13:00:00+08:00',
    );
    expect(addDuration(at('2026-11-12T09:00:00+08:00'), 'PT10M')).toBe(at('2026-11-12T09:10:00+08:00'));
    expect(addDuration(at('2026-11-12T09:00:00+08:00'), 'PT1H')).toBe(at('2026-11-12T10:00:00+08:00'));
    expect(addDuration(at('2026-11-12T09:00:00+08:00'), 'PT8H')).toBe(at('2026-11-12T17:00:00+08:00'));
    expect(addDuration(at('2026-09-28T09:30:00+08:00'), 'P7D')).toBe(at('2026-10-05T09:30:00+08:00'));
    expect(addDuration(at('2026-11-12T09:00:00+08:00'), 'P1DT2H30M15S')).toBe(
      at('2026-11-13T11:30:15+08:00'),
    );
  });

  it('P1M moves the local date by a calendar month, clamping to month end', () => {
    expect(addDuration(at('2026-06-10T00:00:00+08:00'), 'P1M')).toBe(at('2026-07-10T00:00:00+08:00'));
    expect(addDuration(at('2026-01-31T08:00:00+08:00'), 'P1M')).toBe(at('2026-02-28T08:00:00+08:00'));
    // Local 00:30 on 12-31 is still 12-30 in UTC: the month must be taken in Shanghai time.
    expect(addDuration(at('2026-12-31T00:30:00+08:00'), 'P2M')).toBe(at('2027-02-28T00:30:00+08:00'));
    expect(addDuration(at('2026-10-15T12:00:00+08:00'), 'P1Y')).toBe(at('2027-10-15T12:00:00+08:00'));
  });

  it('subtracts (notice deadlines such as 提前 P7D / P1M)', () => {
    expect(subtractDuration(at('2026-12-01T09:00:00+08:00'), 'P7D')).toBe(at('2026-11-24T09:00:00+08:00'));
    expect(subtractDuration(at('2026-03-31T09:00:00+08:00'), 'P1M')).toBe(at('2026-02-28T09:00:00+08:00'));
    expect(subtractDuration(at('2026-11-12T09:00:00+08:00'), 'PT10M')).toBe(at('2026-11-12T08:50:00+08:00'));
  });

  it('a fault resolved exactly +2:00:00 later is within "2 小时" (以内 includes the bound)', () => {
    const reported = at('2026-10-21T10:00:00+08:00');
    expect(at('2026-10-21T12:00:00+08:00') - reported <= durationMs('PT2H')).toBe(true);
    expect(at('2026-10-21T12:00:01+08:00') - reported <= durationMs('PT2H')).toBe(false);
  });

  it('durationMs and parseDuration', () => {
    expect(durationMs('PT10M')).toBe(600_000);
    expect(durationMs('PT1H')).toBe(H);
    expect(durationMs('P7D')).toBe(168 * H);
    expect(durationMs('P1W')).toBe(168 * H);
    expect(() => durationMs('P1M')).toThrow(/no fixed length/);
    expect(parseDuration('P1M')).toEqual({
      years: 0,
      months: 1,
      weeks: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
    });
    expect(parseDuration('PT1M').minutes).toBe(1);
    for (const bad of ['P', 'PT', '10M', 'P1.5D', 'PT-1H', 'p7d', 'P1DT']) {
      expect(() => parseDuration(bad)).toThrow(InvalidTimeError);
    }
  });
});

describe('ISO weeks', () => {
  it('2026-11-16 is Monday of ISO week 47', () => {
    expect(isoWeekday('2026-11-16')).toBe(1);
    expect(isoWeekOf('2026-11-16')).toEqual({
      weekYear: 2026,
      week: 47,
      monday: '2026-11-16',
      thursday: '2026-11-19',
      sunday: '2026-11-22',
    });
    expect(isoWeekOf('2026-11-15').week).toBe(46);
    expect(isoWeekOf('2026-11-09').monday).toBe('2026-11-09');
  });

  it('November 2026 owns weeks 45–48 by Thursday', () => {
    const weeks = isoWeeksOfMonth(2026, 11);
    expect(weeks.map((w) => w.week)).toEqual([45, 46, 47, 48]);
    expect(weeks.map((w) => w.thursday)).toEqual(['2026-11-05', '2026-11-12', '2026-11-19', '2026-11-26']);
    // Week 49 (11-30..12-06) has its Thursday in December.
    expect(isoWeekOf('2026-11-30')).toMatchObject({ week: 49, thursday: '2026-12-03' });
    expect(isoWeeksOfMonth(2026, 12).map((w) => w.week)).toEqual([49, 50, 51, 52, 53]);
  });

  it('handles year boundaries', () => {
    expect(isoWeekOf('2026-01-01')).toMatchObject({ weekYear: 2026, week: 1, monday: '2025-12-29' });
    expect(isoWeekOf('2027-01-03')).toMatchObject({ weekYear: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toMatchObject({ weekYear: 2027, week: 1 });
    expect(isoWeekOf('2024-12-30')).toMatchObject({ weekYear: 2025, week: 1 });
  });
});

describe('dates and months', () => {
  it('service months: 2026-06-10 + k months', () => {
    expect(Array.from({ length: 13 }, (_, k) => addMonthsToDate('2026-06-10', k))).toEqual([
      '2026-06-10',
      '2026-07-10',
      '2026-08-10',
      '2026-09-10',
      '2026-10-10',
      '2026-11-10',
      '2026-12-10',
      '2027-01-10',
      '2027-02-10',
      '2027-03-10',
      '2027-04-10',
      '2027-05-10',
      '2027-06-10',
    ]);
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('day numbers round-trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const date = dayNumberToDate(n);
        expect(dateToDayNumber(date)).toBe(n);
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(date);
      }),
    );
  });

  it('days between', () => {
    expect(daysBetween('2026-06-10', '2027-06-09')).toBe(364);
    expect(daysBetween('2026-11-01', '2026-10-01')).toBe(-31);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('civil-code day counting (民法典, spec A34)', () => {
  it('"7 日内" from 2026-10-21 ends at 24:00 of 10-28', () => {
    const p = civilDayPeriod('2026-10-21', 7);
    expect(p.lastDay).toBe('2026-10-28');
    expect(formatInstant(p.endExclusive)).toBe('2026-10-29T00:00:00+08:00');
    expect(isWithinCivilDays('2026-10-21', 7, at('2026-10-28T23:59:59.999+08:00'))).toBe(true);
    expect(isWithinCivilDays('2026-10-21', 7, at('2026-10-29T00:00:00+08:00'))).toBe(false);
  });

  it('"十五日内" across a month end, and "一周内" = 7 days', () => {
    expect(civilDayPeriod('2026-10-20', 15).lastDay).toBe('2026-11-04');
    expect(civilDayPeriod('2026-12-28', 7).lastDay).toBe('2027-01-04');
  });

  it('needs a positive day count', () => {
    expect(() => civilDayPeriod('2026-10-21', 0)).toThrow(RangeError);
  });
});
