import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { buildRegistries, type ContractRegistry } from '../content/registry.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { compareDiagnostics, diagnostic } from '../diagnostics/index.ts';
import { CheckCache } from './check-cache.ts';
import type { FileInput, FileResult } from './check-file.ts';
import { checkFiles } from './check-pool.ts';
import { checkReferences } from './references.ts';

/** Options of a project check. */
export interface CheckOptions {
  /** The content root (default `content`). */
  contentDir: string;
  /** Paths in diagnostics are shown relative to this folder. */
  cwd?: string;
  /** Where the per-file cache lives; `false` disables it. */
  cacheFile?: string | false;
  /** Worker threads for the per-file checks (default: one per core). */
  workers?: number;
}

/** A checked evidence or review record, with whether it may count toward a score. */
export interface LoadedRecord {
  id: string;
  kind: string;
  file: string;
  relative: string;
  data: Record<string, unknown>;
  places: FileResult['record'] extends infer R ? (R extends { places: infer P } ? P : never) : never;
  /** False when the record has an error: it is kept and shown as 无效, never counted (spec §3.0). */
  valid: boolean;
  problems: Diagnostic[];
}

/** Everything `omarc check` learns: the diagnostics and the loaded content that later stages score. */
export interface CheckResult {
  files: number;
  diagnostics: Diagnostic[];
  registries: Map<string, ContractRegistry>;
  evidence: LoadedRecord[];
  reviews: LoadedRecord[];
  calendars: Map<number, Record<string, unknown>>;
}

/** Checks every file under the content root and the references between them; reports all problems at once. */
export async function checkProject(options: CheckOptions): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.contentDir);
  const rootReal = await realpath(root);
  const diagnostics: Diagnostic[] = [];
  const entries = await fg('**/*', {
    cwd: root,
    dot: false,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
  });
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const display = (rel: string) => relative(cwd, join(root, rel)).split(sep).join('/');
  const inputs: Array<{ input: FileInput; bytes: Uint8Array }> = [];
  // Synchronous reads: for many small files readFileSync is several times cheaper than fs/promises
  // (one syscall sequence, no FileHandle objects or promise hops per file).
  for (const entry of entries) {
    const rel = entry.path;
    const abs = join(root, rel);
    const shown = display(rel);
    try {
      if (entry.dirent.isSymbolicLink()) {
        const target = realpathSync(abs, {});
        if (!(target === rootReal || target.startsWith(rootReal + sep))) {
          diagnostics.push(diagnostic('path/symlink', shown, { line: 1, column: 1 }, { target }));
          continue;
        }
        if (!lstatSync(target).isFile()) continue;
      } else if (!entry.dirent.isFile()) continue;
      inputs.push({ input: { display: shown, relative: rel }, bytes: readFileSync(abs) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (entry.dirent.isSymbolicLink() && (code === 'ENOENT' || code === 'ELOOP')) {
        diagnostics.push(diagnostic('path/symlink', shown, { line: 1, column: 1 }, { target: '（无效链接）' }));
      } else diagnostics.push(diagnostic('path/unreadable', shown, { line: 1, column: 1 }, { detail: (error as Error).message }));
    }
  }
  inputs.sort((a, b) => (a.input.relative < b.input.relative ? -1 : 1));

  const cache = options.cacheFile ? new CheckCache(options.cacheFile) : undefined;
  const keys = inputs.map(({ input, bytes }) => {
    input.hash = createHash('sha256').update(bytes).digest('hex');
    return CheckCache.key(input.relative, input.hash);
  });
  const results: FileResult[] = new Array(inputs.length);
  // Project memo: when every (path, hash) pair and the display prefix equal the last run's, its final
  // diagnostics are still right; per-file results and records are then only loaded if a caller asks for them.
  const projectKey = createHash('sha256').update(relative(cwd, root)).update('\0').update(keys.join('\n')).digest('hex');
  const memo = diagnostics.length === 0 ? cache?.project(projectKey) : undefined;
  if (cache && memo) {
    let full: CheckResult | undefined;
    const load = () => {
      full ??= finish(inputs.map(({ input }, i) => relocate(cache.get(keys[i] ?? '') as FileResult, input.display)), [], inputs.length, root);
      return full;
    };
    return {
      files: inputs.length,
      diagnostics: memo,
      get registries() { return load().registries; },
      get evidence() { return load().evidence; },
      get reviews() { return load().reviews; },
      get calendars() { return load().calendars; },
    };
  }
  const misses: number[] = [];
  inputs.forEach(({ input }, i) => {
    const hit = cache?.get(keys[i] ?? '');
    if (hit) results[i] = relocate(hit, input.display);
    else misses.push(i);
  });
  const fresh = await checkFiles(
    misses.map((i) => inputs[i] as (typeof inputs)[number]),
    options.workers,
  );
  misses.forEach((i, j) => {
    const result = fresh[j] as FileResult;
    results[i] = result;
    cache?.set(keys[i] ?? '', result);
  });
  const memoable = diagnostics.length === 0;
  const out = finish(results, diagnostics, inputs.length, root);
  if (cache) {
    cache.retain(new Set(keys));
    if (memoable) cache.setProject(projectKey, out.diagnostics);
    cache.save();
  }
  return out;
}

function finish(results: FileResult[], diagnostics: Diagnostic[], files: number, root: string): CheckResult {
  for (const result of results) diagnostics.push(...result.diagnostics);
  const { registries, calendars, diagnostics: registryDiagnostics } = buildRegistries(results);
  diagnostics.push(...registryDiagnostics);
  const references = checkReferences(results, registries, root);
  diagnostics.push(...references.diagnostics);

  diagnostics.sort(compareDiagnostics);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const toRecord = (result: FileResult, id: string, kind: string): LoadedRecord => {
    const problems = byFile.get(result.display) ?? [];
    return {
      id,
      kind,
      file: result.display,
      relative: result.relative,
      data: result.record?.data ?? {},
      places: result.record?.places ?? {},
      valid: !problems.some((d) => d.severity === 'error'),
      problems,
    };
  };
  const evidence: LoadedRecord[] = [];
  const reviews: LoadedRecord[] = [];
  for (const result of results) {
    if (!result.record) continue;
    if (result.path.area === 'evidence') evidence.push(toRecord(result, result.path.id, result.path.kind));
    if (result.path.area === 'review') {
      const id = typeof result.record.data.id === 'string' ? result.record.data.id : result.relative;
      reviews.push(toRecord(result, id, String(result.record.data.kind ?? '')));
    }
  }
  return { files, diagnostics, registries, evidence, reviews, calendars };
}

function relocate(result: FileResult, shown: string): FileResult {
  if (result.display === shown) return result;
  return { ...result, display: shown, diagnostics: result.diagnostics.map((d) => ({ ...d, file: shown })) };
}
