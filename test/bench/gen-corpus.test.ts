import type * as CheckPool from '../../src/validate/check-pool.ts';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type GenerateResult, generateCorpus } from '../../scripts/gen-corpus.ts';
import type { Diagnostic } from '../../src/diagnostics/index.ts';
import { checkFiles } from '../../src/validate/check-pool.ts';
import { checkProject } from '../../src/validate/index.ts';

// Pass-through spy: counts how many files each run sends to the per-file checks (i.e. cache misses).
vi.mock('../../src/validate/check-pool.ts', async (importOriginal) => {
  const original = await importOriginal<typeof CheckPool>();
  return { ...original, checkFiles: vi.fn(original.checkFiles) };
});

const scratch = mkdtempSync(join(tmpdir(), 'omarc-gen-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const timeout = 120_000;
const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const pairs = (items: ReadonlyArray<{ file: string; code: string }>) => items.map((d) => `${d.file}  ${d.code}`).sort();

/** Every file under `dir` (relative, sorted) with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
  return new Map(files.map((f) => [f, readFileSync(join(dir, f))]));
}

/** Runs a check and counts its cache misses: the files it handed to the per-file checks (none if it never called them). */
async function counted(run: () => ReturnType<typeof checkProject>) {
  const before = vi.mocked(checkFiles).mock.calls.length;
  const result = await run();
  const misses = vi.mocked(checkFiles)
    .mock.calls.slice(before)
    .reduce((n, [files]) => n + files.length, 0);
  return { result, misses };
}

describe('gen-corpus', () => {
  it(
    'a 300-file corpus with seed 1 checks clean',
    async () => {
      const out = join(scratch, 'clean');
      const result = generateCorpus({ files: 300, seed: 1, out });
      expect(result.evidence).toHaveLength(300);
      expect(result.evidence.filter((f) => f.endsWith('.mdx'))).toHaveLength(150);
      expect(result.attachments.length).toBeGreaterThan(0);
      const kinds = new Set(result.evidence.map((f) => /\/([a-z]+)-[^/]+$/.exec(f)?.[1]));
      expect([...kinds].sort()).toEqual(['archive', 'backup', 'fault', 'inspection', 'report', 'satisfaction', 'scan', 'visit', 'vuln']);
      expect(new Set(result.evidence.map((f) => f.split('/')[2])).size).toBe(12);
      expect(new Set(result.evidence.map((f) => f.split('/')[3]).filter((u) => u !== '_pkg')).size).toBe(10);

      const check = await checkProject({ contentDir: '.', cwd: out, cacheFile: false });
      expect(check.files).toBe(result.totalFiles);
      expect(pairs(errorsOf(check.diagnostics))).toEqual([]);
      expect(check.evidence).toHaveLength(300);
      expect(check.evidence.every((r) => r.valid)).toBe(true);
    },
    timeout,
  );

  it(
    'with errors: 12 exactly the planted {file, code} pairs come out',
    async () => {
      const out = join(scratch, 'errors');
      const result = generateCorpus({ files: 300, seed: 1, out, errors: 12 });
      expect(result.planted).toHaveLength(12);
      expect(JSON.parse(readFileSync(join(out, 'planted-errors.json'), 'utf8'))).toEqual(result.planted);
      const codes = result.planted.map((p) => p.code);
      expect(new Set(codes).size).toBe(12);
      for (const headline of ['schema/enum', 'schema/required', 'schema/format', 'ref/item', 'time/order', 'dup/ticket', 'mdx/esm']) {
        expect(codes).toContain(headline);
      }
      expect(new Set(result.planted.map((p) => p.file)).size).toBe(12);

      const check = await checkProject({ contentDir: '.', cwd: out, cacheFile: false });
      // One error per planted pair, none missing and none extra.
      expect(pairs(errorsOf(check.diagnostics))).toEqual(pairs(result.planted));
      const invalid = check.evidence.filter((r) => !r.valid).map((r) => r.relative);
      expect(invalid.sort()).toEqual(result.planted.filter((p) => p.code !== 'parse/json').map((p) => p.file));
    },
    timeout,
  );

  it(
    'the same seed produces byte-identical files; another seed does not',
    () => {
      const a = join(scratch, 'same-a');
      const b = join(scratch, 'same-b');
      const c = join(scratch, 'other-seed');
      generateCorpus({ files: 300, seed: 1, out: a, errors: 12 });
      generateCorpus({ files: 300, seed: 1, out: b, errors: 12 });
      generateCorpus({ files: 300, seed: 2, out: c, errors: 12 });
      const first = snapshot(a);
      const second = snapshot(b);
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
      const other = snapshot(c);
      const differing = [...other].filter(([file, bytes]) => !first.get(file)?.equals(bytes));
      expect(differing.length).toBeGreaterThan(100);
    },
    timeout,
  );

  it('refuses to overwrite a folder it did not write', () => {
    const foreign = join(scratch, 'foreign');
    mkdirSync(foreign, { recursive: true });
    writeFileSync(join(foreign, 'keep.txt'), 'not generated');
    expect(() => generateCorpus({ files: 10, seed: 1, out: foreign })).toThrow(/refusing/);
    expect(readFileSync(join(foreign, 'keep.txt'), 'utf8')).toBe('not generated');
  });
});

describe('check cache', () => {
  let corpus: GenerateResult;
  const out = join(scratch, 'cached');
  const cacheFile = join(scratch, 'cache', 'check.bin');
  let misses = -1;
  /**
   * A cached run, checked against the oracle: a run without cache on the same files must give the same
   * diagnostics and records, whatever the cache holds. `misses` is how many files the cached run re-checked.
   */
  const run = async () => {
    const { result, misses: count } = await counted(() => checkProject({ contentDir: '.', cwd: out, cacheFile }));
    misses = count;
    const oracle = await checkProject({ contentDir: '.', cwd: out, cacheFile: false });
    expect(result.files).toBe(oracle.files);
    expect(result.diagnostics).toEqual(oracle.diagnostics);
    expect(result.evidence).toEqual(oracle.evidence);
    return result;
  };

  it(
    'second run is all hits; an edited file is re-checked and its error shows',
    async () => {
      corpus = generateCorpus({ files: 300, seed: 1, out });
      const first = await run();
      expect(misses).toBe(corpus.totalFiles);
      expect(errorsOf(first.diagnostics)).toEqual([]);
      const written = statSync(cacheFile);

      const second = await run();
      expect(misses).toBe(0);
      expect(second.diagnostics).toEqual(first.diagnostics);
      // Nothing changed, so nothing was written: the cache file is the same inode (saves replace it by rename).
      expect(statSync(cacheFile).ino).toBe(written.ino);

      // Introduce an error into one file (a misspelt enum in a JSON fault ticket).
      const target = corpus.evidence.find((f) => /\/fault-\d+\.json$/.test(f)) as string;
      const path = join(out, target);
      const fault = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      writeFileSync(path, `${JSON.stringify({ ...fault, categoryZh: '网路' }, null, 2)}\n`);
      const third = await run();
      expect(misses).toBe(1);
      expect(pairs(errorsOf(third.diagnostics))).toEqual([`${target}  schema/enum`]);

      // Undo it: clean again (re-checked, or served from a result for exactly these bytes).
      writeFileSync(path, `${JSON.stringify(fault, null, 2)}\n`);
      const fourth = await run();
      expect(misses).toBeLessThanOrEqual(1);
      expect(errorsOf(fourth.diagnostics)).toEqual([]);
    },
    timeout,
  );

  it(
    'the same bytes under another path are not served from the cache',
    async () => {
      // Identical bytes filed under another period: the folder disagrees with the front matter.
      const source = corpus.evidence.find((f) => f.includes('/2026-06/') && /\/inspection-\d+\.mdx$/.test(f)) as string;
      const moved = source.replace('/2026-06/', '/2026-07/').replace(/inspection-(\d+)/, 'inspection-9$1');
      mkdirSync(join(out, moved, '..'), { recursive: true });
      cpSync(join(out, source), join(out, moved));
      const result = await run();
      expect(misses).toBeGreaterThanOrEqual(1);
      expect(errorsOf(result.diagnostics).filter((d) => d.file === moved).map((d) => d.code)).toContain('path/mismatch');
      rmSync(join(out, moved));
      expect(errorsOf((await run()).diagnostics)).toEqual([]);
    },
    timeout,
  );

  it(
    'changing only the content of an attachment referenced by sha256 is caught',
    async () => {
      // The most widely referenced attachment; its file name (the expected hash) stays the same.
      const counts = corpus.attachments.map((a) => ({
        ...a,
        users: corpus.evidence.filter((f) => readFileSync(join(out, f), 'utf8').includes(a.sha256)),
      }));
      const attachment = counts.sort((x, y) => y.users.length - x.users.length)[0];
      if (!attachment) throw new Error('the corpus has no attachments');
      expect(attachment.users.length).toBeGreaterThan(0);
      const path = join(out, attachment.file);
      const original = readFileSync(path);
      writeFileSync(path, Buffer.concat([original, Buffer.from('tampered')]));

      const result = await run();
      expect(misses).toBeGreaterThanOrEqual(1);
      const flagged = errorsOf(result.diagnostics);
      expect(new Set(flagged.map((d) => d.code))).toEqual(new Set(['ref/attachment-hash']));
      expect(flagged.map((d) => d.file).sort()).toEqual(attachment.users.sort());
      expect(result.evidence.filter((r) => !r.valid).map((r) => r.relative).sort()).toEqual(attachment.users);

      writeFileSync(path, original);
      expect(errorsOf((await run()).diagnostics)).toEqual([]);
    },
    timeout,
  );
});
