import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '../../src/diagnostics/index.ts';
import { diagnosticsOf } from './harness.ts';
import { cases } from './malformed-cases.ts';

/** Codes no content file can produce through `omarc check` alone, with the reason. */
const notFromContent: Record<string, string> = {
  'path/unreadable': 'needs a file the checking user cannot read; tests run as root',
  'time/calendar-missing': 'raised by scoring when a deadline needs a year without a calendar (test/cli)',
  'schema/other': 'fallback for ajv keywords our schemas do not use',
};

describe('omarc check on malformed files', () => {
  it('has at least 40 malformed cases', () => {
    expect(cases.filter((c) => c.expected.length > 0).length).toBeGreaterThanOrEqual(40);
  });
  it('asserts every diagnostic code at an exact place', () => {
    const covered = new Set(cases.flatMap((c) => c.expected.map((e) => e.split('@')[0])));
    expect(diagnosticCodes.filter((code) => !covered.has(code) && !(code in notFromContent))).toEqual([]);
  });
  it.each(cases)('$name', async ({ files, symlinks, expected, file }) => {
    const target = file ?? `content/${Object.keys(files)[0]}`;
    const diagnostics = await diagnosticsOf(files, symlinks);
    expect(diagnostics.filter((d) => d.file === target).map((d) => `${d.code}@${d.at}`)).toEqual(expected);
    // Nothing leaks onto other files: the real registry and calendars stay clean.
    expect(
      diagnostics.filter(
        (d) => d.file !== target && /^content\/(contracts\/(luohe|bj)|calendars)/.test(d.file),
      ),
    ).toEqual([]);
  });
});
