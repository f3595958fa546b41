#!/usr/bin/env node
/**
 * `npm run bench`: throughput and memory of `omarc check` on synthetic Luohe corpora.
 *
 *   node scripts/bench.ts [--sizes 10000,100000] [--runs 3] [--dir /tmp/omarc-bench] [--seed 1]
 *                         [--workers N] [--fresh] [--keep] [--no-write]
 *
 * For each size it generates a corpus (scripts/gen-corpus.ts; reused when an identical one is already there) and
 * measures, each run in its own child process (scripts/bench/run.ts):
 *   floor  single-threaded read + parse with the project's parsers (the cost no checker can avoid),
 *   cold   `omarc check` with no cache file present (it writes one), all cores,
 *   warm   `omarc check` again with that cache and nothing changed,
 *   edit   `omarc check` with a copy of that cache after one file was changed (one error introduced; restored after).
 * Rounds interleave floor → cold → warm → edit so that background load hits them alike; the table shows medians.
 * Results are printed as Markdown and written to BENCHMARKS.md (everything below the keep-marker is preserved).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import type { RunReport } from './bench/run.ts';
import { generateCorpus } from './gen-corpus.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const runScript = fileURLToPath(new URL('./bench/run.ts', import.meta.url));
const benchmarksFile = join(repoRoot, 'BENCHMARKS.md');
const keepMarker = '<!-- bench.ts regenerates everything above this line; text below it is kept -->';

const targets = { size: 100_000, coldFilesPerSecond: 5_000, warmFilesPerSecond: 20_000, maxRssBytes: 1.5 * 1024 ** 3 };

type Mode = 'floor' | 'cold' | 'warm' | 'edit';
interface Measurement extends RunReport {
  wallMs: number;
  load: number;
}
interface Row {
  size: number;
  mode: Mode;
  runs: Measurement[];
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string', default: join(tmpdir(), 'omarc-bench') },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.replaceAll('_', '').trim()));
const runs = Number(values.runs);
const seed = Number(values.seed);
const dir = resolve(values.dir);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  throw new Error('--sizes takes positive integers separated by commas and --runs a positive integer');
}
if (!relative(repoRoot, dir).startsWith('..')) throw new Error(`--dir ${dir} is inside the repository; use a temporary folder`);

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const log = (text: string) => process.stderr.write(`${text}\n`);

/** Generates the corpus unless an identical one (same size, seed and generator source) is already there. */
function corpusFor(size: number): { path: string; note: string } {
  const path = join(dir, `corpus-${size}`);
  const stampFile = join(dir, `corpus-${size}.stamp.json`);
  const generator = createHash('sha256')
    .update(readFileSync(join(repoRoot, 'scripts', 'gen-corpus.ts')))
    .update(readFileSync(join(repoRoot, 'content', 'contracts', 'luohe-2026-b', 'items.json')))
    .update(readFileSync(join(repoRoot, 'content', 'contracts', 'luohe-2026-b', 'systems.json')))
    .digest('hex');
  const stamp = JSON.stringify({ size, seed, generator });
  if (!values.fresh && existsSync(path) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return { path, note: 'reused (identical generator, size and seed)' };
  }
  rmSync(stampFile, { force: true });
  const started = performance.now();
  generateCorpus({ files: size, seed, out: path });
  writeFileSync(stampFile, stamp);
  return { path, note: `generated in ${((performance.now() - started) / 1000).toFixed(1)} s` };
}

function runChild(args: string[], expectedErrors = 0): Promise<Measurement> {
  const report = join(dir, `run-${process.pid}.json`);
  rmSync(report, { force: true });
  const load = loadavg()[0] ?? 0;
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', runScript, ...args, '--report', report], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0 || !existsSync(report)) return reject(new Error(`run.ts ${args.join(' ')} exited with ${code}`));
      const result = JSON.parse(readFileSync(report, 'utf8')) as RunReport;
      rmSync(report, { force: true });
      if (result.errors !== expectedErrors || result.exitCode !== (expectedErrors > 0 ? 1 : 0)) {
        return reject(new Error(`run.ts ${args.join(' ')}: ${result.errors} errors, expected ${expectedErrors} (exit ${result.exitCode})`));
      }
      resolvePromise({ ...result, wallMs, load });
    });
  });
}

async function measure(size: number, corpus: string): Promise<Row[]> {
  const cache = join(dir, `cache-${size}.bin`);
  const workers = values.workers ? ['--workers', values.workers] : [];
  const rows: Record<Mode, Row> = {
    floor: { size, mode: 'floor', runs: [] },
    cold: { size, mode: 'cold', runs: [] },
    warm: { size, mode: 'warm', runs: [] },
    edit: { size, mode: 'edit', runs: [] },
  };
  // The file the edit runs change: the first JSON fault ticket; its category gets a misspelt enum value.
  const edited = join(corpus, fg.sync('evidence/**/fault-*.json', { cwd: corpus }).sort()[0] ?? '');
  const original = readFileSync(edited, 'utf8');
  const changed = `${JSON.stringify({ ...(JSON.parse(original) as object), categoryZh: '网路' }, null, 2)}\n`;
  const editCache = join(dir, `cache-${size}-edit.bin`);
  for (let round = 1; round <= runs; round++) {
    const floor = await runChild(['floor', '--content', corpus]);
    rows.floor.runs.push(floor);
    log(`  ${size} round ${round}/${runs}: floor ${(floor.wallMs / 1000).toFixed(1)} s`);
    rmSync(cache, { force: true });
    const cold = await runChild(['check', '--content', corpus, '--cache', cache, ...workers]);
    rows.cold.runs.push(cold);
    log(`  ${size} round ${round}/${runs}: cold ${(cold.wallMs / 1000).toFixed(1)} s`);
    const warm = await runChild(['check', '--content', corpus, '--cache', cache, ...workers]);
    rows.warm.runs.push(warm);
    log(`  ${size} round ${round}/${runs}: warm ${(warm.wallMs / 1000).toFixed(1)} s`);
    copyFileSync(cache, editCache);
    writeFileSync(edited, changed);
    try {
      const edit = await runChild(['check', '--content', corpus, '--cache', editCache, ...workers], 1);
      rows.edit.runs.push(edit);
      log(`  ${size} round ${round}/${runs}: edit ${(edit.wallMs / 1000).toFixed(1)} s`);
    } finally {
      writeFileSync(edited, original);
      rmSync(editCache, { force: true });
    }
  }
  rmSync(cache, { force: true });
  return [rows.floor, rows.cold, rows.warm, rows.edit];
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const summary = (row: Row) => {
  const files = row.runs[0]?.files ?? 0;
  const wall = median(row.runs.map((r) => r.wallMs));
  return {
    files,
    wall,
    filesPerSecond: files / (wall / 1000),
    inProcess: median(row.runs.map((r) => r.msInProcess)),
    cpu: median(row.runs.map((r) => r.cpuMs)),
    rss: Math.max(...row.runs.map((r) => r.maxRssKb * 1024)),
    load: median(row.runs.map((r) => r.load)),
    walls: row.runs.map((r) => r.wallMs),
  };
};

function table(rows: readonly Row[]): string {
  const modeLabel: Record<Mode, string> = {
    floor: 'floor (read + parse, 1 thread)',
    cold: 'cold `omarc check` (no cache)',
    warm: 'warm `omarc check` (cache, no change)',
    edit: 'edit `omarc check` (cache, 1 file changed)',
  };
  const lines = [
    '| corpus | measurement | runs | files | median wall | files/s | median CPU (user+sys) | peak RSS | all walls (s) | 1-min load at start |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const row of rows) {
    const s = summary(row);
    lines.push(
      `| ${fmt(row.size)} | ${modeLabel[row.mode]} | ${row.runs.length} | ${fmt(s.files)} | ${fmt(s.wall / 1000, 1)} s | **${fmt(s.filesPerSecond)}** | ${fmt(s.cpu / 1000, 1)} s | ${fmt(s.rss / 1024 ** 2)} MiB | ${s.walls.map((w) => (w / 1000).toFixed(1)).join(', ')} | ${s.load.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

function verdict(rows: readonly Row[]): string[] {
  const at = (mode: Mode) => rows.find((r) => r.size === targets.size && r.mode === mode);
  const floor = at('floor');
  const cold = at('cold');
  const warm = at('warm');
  const edit = at('edit');
  if (!floor || !cold || !warm || !edit) return [`- Targets are defined at ${fmt(targets.size)} files; this run did not measure that size.`];
  const f = summary(floor);
  const c = summary(cold);
  const w = summary(warm);
  const e = summary(edit);
  const mark = (ok: boolean) => (ok ? '**met**' : '**not met**');
  const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  return [
    `- Cold ≥ ${fmt(targets.coldFilesPerSecond)} files/s: ${mark(c.filesPerSecond >= targets.coldFilesPerSecond)} (${fmt(c.filesPerSecond)} files/s).`,
    `- Cold no slower than the floor: ${mark(c.filesPerSecond >= f.filesPerSecond)} (cold ${fmt(c.filesPerSecond)} vs floor ${fmt(f.filesPerSecond)} files/s).`,
    `- Warm ≥ ${fmt(targets.warmFilesPerSecond)} files/s: ${mark(w.filesPerSecond >= targets.warmFilesPerSecond)} (${fmt(w.filesPerSecond)} files/s).`,
    `- Peak RSS ≤ 1.5 GiB: ${mark(Math.max(c.rss, w.rss, e.rss) <= targets.maxRssBytes)} (cold ${gb(c.rss)}, warm ${gb(w.rss)}, edit ${gb(e.rss)}; floor ${gb(f.rss)}).`,
  ];
}

function machine(): string[] {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown';
  const hypervisor = /^flags\s*:.*\bhypervisor\b/m.test(cpuinfo) ? ' (virtual machine)' : '';
  return [
    `- CPUs (\`nproc\`): ${availableParallelism()} × ${model}${hypervisor}`,
    `- RAM: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node: ${process.version} (Linux ${release()})`,
  ];
}

/** The commit measured, and whether the checker's sources differ from it. */
function revision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'schemas', 'bin', 'package.json', 'package-lock.json') !== '';
    return `commit \`${git('rev-parse', '--short', 'HEAD')}\`${dirty ? ' plus uncommitted changes to the checker' : ''}`;
  } catch {
    return 'an unknown commit';
  }
}

async function main(): Promise<void> {
  const measured = revision();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const size of sizes) {
    log(`corpus ${size} …`);
    const corpus = corpusFor(size);
    notes.push(`- ${fmt(size)}-file corpus (seed ${seed}) at \`${corpus.path}\`: ${corpus.note}.`);
    log(`  ${corpus.note}`);
    rows.push(...(await measure(size, corpus.path)));
    if (!values.keep) {
      rmSync(corpus.path, { recursive: true, force: true });
      rmSync(join(dir, `corpus-${size}.stamp.json`), { force: true });
    }
  }
  const results = table(rows);
  const verdicts = verdict(rows);
  process.stdout.write(`\n${results}\n\n${verdicts.join('\n')}\n`);
  if (values['no-write']) return;

  const generated = [
    '# Benchmarks',
    '',
    `Measured ${date} at ${measured}, with \`${command}\` (\`scripts/bench.ts\`).`,
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Method',
    '',
    '- Corpora come from `scripts/gen-corpus.ts` (synthetic Luohe evidence: half MDX with a Chinese narrative, half JSON,',
    '  12 service months, 10 units, plus the registry, calendars and 8 shared attachments); they check clean.',
    ...notes,
    '- Every measurement is a separate child process (`node --expose-gc scripts/bench/run.ts …`): fresh heap, no',
    '  compiled schemas, no loaded modules. **Wall** is spawn → exit as seen by the parent (includes Node start-up);',
    '  **files/s** = files ÷ median wall; **CPU** is the child\'s user + system time (all threads); **peak RSS** is',
    '  `process.resourceUsage().maxRSS` of the child (all threads), the maximum over the runs (MiB/GiB: 1024-based).',
    '- **floor**: one thread, fast-glob listing, `readFileSync`, strict UTF-8 decode, then the project\'s own parsers',
    '  as `checkFile` calls them: `parseMdx` (front matter + MDX body) for MDX, `parseJson` for JSON; attachments are',
    '  read only. No hashing, schemas, safety or cross-file checks.',
    '- **cold**: `omarc check --format json --cache-location <tmp>` through the CLI entry point (`main` in',
    '  `src/cli/main.ts`), cache file deleted first (so the run also writes the cache), default workers (one per core).',
    '- **warm**: the same command right after, with the cache the cold run wrote and no file changed.',
    '- **edit** (extra, the usual CI case): a copy of that cache, after one JSON fault ticket was changed (a misspelt',
    '  enum: the run must report exactly that one error); the file is restored afterwards.',
    '- Rounds run floor → cold → warm → edit, repeated; the OS page cache is warm for all of them (the corpus was just',
    '  written or read). The 1-min load average at the start of each run is recorded: this machine is shared, so',
    '  wall times include other processes\' load; CPU time is the steadier figure.',
    '',
    '## Results',
    '',
    results,
    '',
    `## Targets (at ${fmt(targets.size)} files)`,
    '',
    ...verdicts,
    '',
    ...scoringSection(),
  ].join('\n');
  const kept = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8').split(keepMarker)[1] : undefined;
  const tail =
    kept ??
    [
      '',
      '',
      '## Scoring',
      '',
      '**Pending.** Scoring a contract-year (`omarc score`) will be benchmarked by the lead once scoring lands;',
      'this section is a placeholder.',
      '',
    ].join('\n');
  writeFileSync(benchmarksFile, `${generated}\n${keepMarker}${tail}`);
  log(`wrote ${benchmarksFile}`);
}

/**
 * Scoring a contract-year (issue 3: ≤ 2 s after loading): `scripts/bench-score.ts` in a child process loads a
 * 12,000-file synthetic year once, then scores its 12 service months, cold, five times.
 */
function scoringSection(): string[] {
  const script = fileURLToPath(new URL('./bench-score.ts', import.meta.url));
  log('scoring a contract-year …');
  const output = execFileSync(process.execPath, [script, '--files', '12000', '--runs', '5'], { encoding: 'utf8' });
  const r = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    files: number;
    periods: number;
    loadMs: number;
    scoreMedianMs: number;
    scoreRunsMs: number[];
    maxRssMb: number;
  };
  return [
    '## Scoring a contract-year',
    '',
    `\`node scripts/bench-score.ts --files 12000 --runs 5\` (run by \`npm run bench\`): a ${fmt(r.files)}-file synthetic Luohe year is`,
    'loaded once (`omarc check`, first run: no cache yet), then all 12 service months are scored and serialised to ledgers, five times,',
    'each time with fresh record arrays so that no run reuses another\'s work.',
    '',
    '| periods | load (check) | scoring, median of 5 | all runs (ms) | peak RSS | target |',
    '|---:|---:|---:|---|---:|---|',
    `| ${r.periods} | ${fmt(r.loadMs / 1000, 1)} s | **${fmt(r.scoreMedianMs)} ms** | ${r.scoreRunsMs.join(', ')} | ${fmt(r.maxRssMb)} MiB | ≤ 2,000 ms: ${r.scoreMedianMs <= 2000 ? '**met**' : '**not met**'} |`,
    '',
  ];
}

await main();
