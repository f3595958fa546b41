import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { getDayDetail, isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import type { CalendarFile } from '../../src/calendar/index.ts';
import { addDays, isWeekend, loadCalendars } from '../../src/calendar/index.ts';

// cn-2026.json is checked against two independently maintained packages, each transcribed from the
// 国务院办公厅 notice, so a copying mistake in any one of the three shows up as a disagreement.

const root = new URL('../../', import.meta.url);
const calendarDir = fileURLToPath(new URL('content/calendars/', root));
const ours = JSON.parse(
  readFileSync(new URL('content/calendars/cn-2026.json', root), 'utf8'),
) as CalendarFile;
const calendar = loadCalendars(calendarDir);

const require = createRequire(import.meta.url);

interface HolidayCalendarYear {
  year: number;
  region: string;
  dates: { date: string; name_cn: string; type: 'public_holiday' | 'transfer_workday' }[];
}
const hc = require('holiday-calendar/data/CN/2026.json') as HolidayCalendarYear;

interface ChineseDaysYear {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}
const cd = require('chinese-days/dist/years/2026.json') as ChineseDaysYear;

// chinese-days abbreviates three festival names; the notice writes them with 节.
const CD_NAMES: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆节: '国庆节',
};
const cdName = (value: string): string => {
  const zh = value.split(',')[1] ?? '';
  const name = CD_NAMES[zh];
  if (name === undefined) throw new Error(`unexpected chinese-days name ${value}`);
  return name;
};

const allDays2026: string[] = Array.from({ length: 365 }, (_, i) => addDays('2026-01-01', i));

describe('content/calendars/cn-2026.json', () => {
  it('is valid against schemas/calendar.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv, { mode: 'full', formats: ['date', 'date-time', 'uri'] });
    for (const name of ['common.schema.json', 'calendar.schema.json']) {
      ajv.addSchema(JSON.parse(readFileSync(new URL(`schemas/${name}`, root), 'utf8')) as object);
    }
    const validate = ajv.getSchema('https://omarc.local/schemas/calendar.schema.json');
    expect(validate).toBeDefined();
    expect(validate?.(ours), JSON.stringify(validate?.errors)).toBe(true);
  });

  it('holds the notice: 33 days off in 7 blocks, 6 make-up working days', () => {
    expect(ours.year).toBe(2026);
    expect(ours.holidays).toHaveLength(33);
    expect(ours.makeupWorkdays.map((m) => m.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    const blocks = new Map<string, number>();
    for (const h of ours.holidays) blocks.set(h.nameZh, (blocks.get(h.nameZh) ?? 0) + 1);
    expect(Object.fromEntries(blocks)).toEqual({
      元旦: 3,
      春节: 9,
      清明节: 3,
      劳动节: 5,
      端午节: 3,
      中秋节: 3,
      国庆节: 7,
    });
    for (const m of ours.makeupWorkdays) expect(isWeekend(m.date)).toBe(true);
  });

  it('equals holiday-calendar@1.3.3 data/CN/2026.json, holiday by holiday and make-up day by make-up day', () => {
    expect(hc.year).toBe(2026);
    const hcHolidays = hc.dates
      .filter((d) => d.type === 'public_holiday')
      .map((d) => ({ date: d.date, nameZh: d.name_cn }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const hcMakeup = hc.dates
      .filter((d) => d.type === 'transfer_workday')
      .map((d) => ({ date: d.date, nameZh: d.name_cn.replace(/补班$/, '调休上班') }))
      .sort((a, b) => a.date.localeCompare(b.date));
    expect(ours.holidays).toEqual(hcHolidays);
    expect(ours.makeupWorkdays).toEqual(hcMakeup);
  });

  it('equals chinese-days@1.5.7 for 2026, holiday by holiday and make-up day by make-up day', () => {
    const cdHolidays = Object.entries(cd.holidays)
      .map(([date, v]) => ({ date, nameZh: cdName(v) }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const cdMakeup = Object.entries(cd.workdays)
      .map(([date, v]) => ({ date, nameZh: `${cdName(v)}调休上班` }))
      .sort((a, b) => a.date.localeCompare(b.date));
    expect(ours.holidays).toEqual(cdHolidays);
    expect(ours.makeupWorkdays).toEqual(cdMakeup);
  });

  it('agrees with both packages on every one of the 365 days of 2026', () => {
    const hcType = new Map(hc.dates.map((d) => [d.date, d.type]));
    const disagreements: string[] = [];
    let working = 0;
    for (const date of allDays2026) {
      const mine = calendar.isWorkingDay(date);
      const type = hcType.get(date);
      const hcWorking = type === 'transfer_workday' || (type === undefined && !isWeekend(date));
      const cdWorking = isWorkday(date);
      if (mine !== hcWorking || mine !== cdWorking) {
        disagreements.push(
          `${date}: omarc ${mine}, holiday-calendar ${hcWorking}, chinese-days ${cdWorking}`,
        );
      }
      expect(getDayDetail(date).work).toBe(mine);
      if (mine) working += 1;
    }
    expect(disagreements).toEqual([]);
    // 261 Mon–Fri days − 19 of them off + 6 make-up days.
    expect(working).toBe(248);
  });
});
