import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** `sha256:<hex>` of the canonical JSON of a contract's config, printed on every ledger and report. */
export function configHash(config: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(config)).digest('hex')}`;
}

/** Dotted keys whose value differs from the default (spec §9: reports list every non-default decision). */
export function nonDefaultValues(config: unknown, defaults: unknown, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(config) && isObject(defaults)) {
    for (const key of [...new Set([...Object.keys(config), ...Object.keys(defaults)])].sort()) {
      Object.assign(out, nonDefaultValues(config[key], defaults[key], prefix ? `${prefix}.${key}` : key));
    }
    return out;
  }
  if (canonicalJson(config) !== canonicalJson(defaults)) out[prefix] = config === undefined ? null : config;
  return out;
}
