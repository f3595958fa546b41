import { parseInstant, startOfLocalDay } from '../calendar/index.ts';
import { type PointerMap, placeOf } from '../content/pointer-map.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';

/** `[earlier, later]` JSON Pointers per kind; `*` stands for every index of an array. */
const orderRules: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  fault: [
    ['/reportedAt', '/respondedAt'],
    ['/respondedAt', '/resolvedAt'],
    ['/reportedAt', '/resolvedAt'],
    ['/notifiedAt', '/remoteRespondedAt'],
    ['/notifiedAt', '/onSiteArrivedAt'],
    ['/notifiedAt', '/resolvedAt'],
    ['/resolvedAt', '/reportSubmittedAt'],
  ],
  vuln: [
    ['/foundAt', '/respondedAt'],
    ['/foundAt', '/fixedAt'],
    ['/foundAt', '/mitigatedAt'],
    ['/fixedAt', '/verification/at'],
  ],
  backup: [['/startedAt', '/completedAt']],
  report: [['/coversFrom', '/coversTo']],
  availability: [
    ['/windowStart', '/windowEnd'],
    ['/outages/*/start', '/outages/*/end'],
    ['/plannedDowntime/*/start', '/plannedDowntime/*/end'],
  ],
  inspection: [['/findings/*/foundAt', '/findings/*/feedbackAt']],
  filing: [['/fromDate', '/toDate']],
  emergency: [
    ['/declaredAt', '/respondedAt'],
    ['/declaredAt', '/completedAt'],
  ],
  'hidden-danger': [
    ['/foundAt', '/reportedAt'],
    ['/reportedAt', '/resolvedAt'],
  ],
  task: [['/assignedAt', '/completedAt']],
  survey: [['/issuedAt', '/respondedAt']],
};

/** Reports a later timestamp that lies before its earlier counterpart (responded before reported …). */
export function checkTimeOrder(
  file: string,
  kind: string,
  data: unknown,
  pointers: PointerMap,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [earlier, later] of orderRules[kind] ?? []) {
    for (const [a, b] of expand(data, earlier, later)) {
      const first = instantOf(get(data, a));
      const second = instantOf(get(data, b));
      if (first === undefined || second === undefined || second >= first) continue;
      out.push(
        diagnostic('time/order', file, placeOf(pointers, b), {
          earlier: label(a),
          later: label(b),
          earlierValue: String(get(data, a)),
          laterValue: String(get(data, b)),
        }),
      );
    }
  }
  return out;
}

/**
 * Epoch milliseconds of an ISO timestamp with offset, or of a date at 00:00 +08:00; `undefined` for anything
 * else (the schema reports those). Strict: `Date.parse` would roll 2026-02-30 over into March.
 */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfLocalDay(value) : parseInstant(value);
  } catch {
    return undefined;
  }
}

function expand(data: unknown, earlier: string, later: string): Array<[string, string]> {
  const star = earlier.indexOf('/*/');
  if (star === -1) return [[earlier, later]];
  const array = get(data, earlier.slice(0, star));
  if (!Array.isArray(array)) return [];
  return array.map((_, i) => [earlier.replace('*', String(i)), later.replace('*', String(i))]);
}

function get(data: unknown, pointer: string): unknown {
  let current = data;
  for (const segment of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function label(pointer: string): string {
  return pointer.slice(1).replaceAll('/', '.');
}
