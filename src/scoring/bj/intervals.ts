// Half-open instant intervals [start, end) in epoch ms, used for availability (spec §5.7): unions so that the same
// outage reported twice is not counted twice, intersections with the service time, removal of planned downtime.

/** A half-open interval [start, end) of epoch milliseconds. */
export type Interval = readonly [number, number];

/** Sorted, non-overlapping, non-empty intervals covering the same instants as the input. */
export function unionOf(intervals: Iterable<Interval>): Interval[] {
  const sorted = [...intervals].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Instants in both sets. */
export function intersect(a: Iterable<Interval>, b: Iterable<Interval>): Interval[] {
  const x = unionOf(a);
  const y = unionOf(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [a0, a1] = x[i] as Interval;
    const [b0, b1] = y[j] as Interval;
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (hi > lo) out.push([lo, hi]);
    if (a1 < b1) i += 1;
    else j += 1;
  }
  return out;
}

/** Instants in `a` and not in `b`. */
export function subtract(a: Iterable<Interval>, b: Iterable<Interval>): Interval[] {
  const cut = unionOf(b);
  const out: Interval[] = [];
  for (const [s, e] of unionOf(a)) {
    let start = s;
    for (const [c0, c1] of cut) {
      if (c1 <= start || c0 >= e) continue;
      if (c0 > start) out.push([start, c0]);
      start = Math.max(start, c1);
      if (start >= e) break;
    }
    if (start < e) out.push([start, e]);
  }
  return out;
}

/** Total length in ms. */
export function lengthOf(intervals: Iterable<Interval>): number {
  let total = 0;
  for (const [a, b] of intervals) total += b - a;
  return total;
}
