import type { Severity } from './diagnostic.ts';
import catalogue from './messages/zh-CN.json' with { type: 'json' };

interface CatalogueEntry {
  severity: Severity;
  message: string;
  hint: string;
}

const entries: Record<string, CatalogueEntry> = catalogue as Record<string, CatalogueEntry>;

/** Every diagnostic code omarc can emit, for documentation and tests. */
export const diagnosticCodes: readonly string[] = Object.keys(entries).sort();

/** Fills `{name}` placeholders of the catalogue entry for `code`. Unknown codes are a bug, not user error. */
export function formatMessage(
  code: string,
  params: Record<string, string | number>,
): { severity: Severity; message: string; hint: string } {
  const entry = entries[code];
  if (!entry) throw new Error(`Unknown diagnostic code: ${code}`);
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  return { severity: entry.severity, message: fill(entry.message), hint: fill(entry.hint) };
}
