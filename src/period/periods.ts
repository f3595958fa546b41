/** One assessment period: a half-open interval of instants [start, endExclusive) in Asia/Shanghai. */
export interface Period {
  label: string;
  /** 1-based index within the contract (Luohe service month k). */
  index: number;
  /** Local dates, inclusive. */
  firstDay: string;
  lastDay: string;
  start: string;
  endExclusive: string;
  startMs: number;
  endMs: number;
}

/** How a contract's service period is cut into assessment periods (spec §4.1, §5.1). */
export interface PeriodScheme {
  servicePeriod: { start: string; end: string };
  mode: 'service-month' | 'calendar-month';
  /** Calendar months only: a final fragment shorter than this joins the previous period (spec §5.1). */
  mergeShortPeriodDays?: number;
}

const dayMs = 86_400_000;

/** `YYYY-MM-DD` of a UTC-midnight epoch used for local-date arithmetic (China has a fixed +08:00 offset). */
function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The local date `months` calendar months after `date`, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Instant of local midnight at the start of `date` in Asia/Shanghai. */
export function localMidnight(date: string): string {
  return `${date}T00:00:00+08:00`;
}

function period(label: string, index: number, firstDay: string, nextDay: string): Period {
  const start = localMidnight(firstDay);
  const endExclusive = localMidnight(nextDay);
  return {
    label,
    index,
    firstDay,
    lastDay: dateOf(dayNumber(nextDay) - dayMs),
    start,
    endExclusive,
    startMs: Date.parse(start),
    endMs: Date.parse(endExclusive),
  };
}

/** Every assessment period of a contract, in order. */
export function periodsOf(scheme: PeriodScheme): Period[] {
  const { start, end } = scheme.servicePeriod;
  const after = dateOf(dayNumber(end) + dayMs);
  const out: Period[] = [];
  if (scheme.mode === 'service-month') {
    for (let k = 1; ; k++) {
      const first = addMonths(start, k - 1);
      if (dayNumber(first) >= dayNumber(after)) break;
      const next = addMonths(start, k);
      out.push(period(first.slice(0, 7), k, first, dayNumber(next) > dayNumber(after) ? after : next));
    }
    return out;
  }
  let first = start;
  while (dayNumber(first) < dayNumber(after)) {
    const next = `${addMonths(`${first.slice(0, 7)}-01`, 1)}`;
    const stop = dayNumber(next) > dayNumber(after) ? after : next;
    out.push(period(first.slice(0, 7), out.length + 1, first, stop));
    first = stop;
  }
  const last = out.at(-1);
  const previous = out.at(-2);
  const days = last ? (dayNumber(last.lastDay) - dayNumber(last.firstDay)) / dayMs + 1 : 0;
  if (last && previous && scheme.mergeShortPeriodDays !== undefined && days < scheme.mergeShortPeriodDays) {
    out.splice(-2, 2, period(previous.label, previous.index, previous.firstDay, after));
  }
  return out;
}

/** The period containing an instant, if any. */
export function periodAt(periods: readonly Period[], ms: number): Period | undefined {
  return periods.find((p) => ms >= p.startMs && ms < p.endMs);
}
