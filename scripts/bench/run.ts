/**
 * One benchmark measurement, run by scripts/bench.ts as its own process so that every run starts cold (fresh
 * heap, no compiled schemas, no loaded modules) and its peak RSS is its own.
 *
 *   node --expose-gc scripts/bench/run.ts floor --content DIR --report FILE
 *   node --expose-gc scripts/bench/run.ts check --content DIR --report FILE [--cache FILE] [--workers N]
 *
 * floor: single-threaded read + parse only, with the project's own parsers as checkFile calls them (parseMdx for
 *        MDX evidence: front matter + body; parseJson for every JSON file). No hashing, schema or cross-file checks.
 * check: `omarc check --format json` through the real CLI entry point (`main` of src/cli/main.ts); without
 *        --cache it runs with --no-cache.
 *
 * The report is one JSON object: { mode, files, errors, warnings, exitCode, msInProcess, cpuMs, maxRssKb }.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { parseJson } from '../../src/content/parse-json.ts';
import { parseMdx } from '../../src/content/parse-mdx.ts';

export interface RunReport {
  mode: 'floor' | 'check';
  files: number;
  errors: number;
  warnings: number;
  exitCode: number;
  /** From the first line of this script to the end of the work (excludes Node's own start-up). */
  msInProcess: number;
  /** User + system CPU time of this process (all threads), in ms: less sensitive than wall time to other load. */
  cpuMs: number;
  /** `process.resourceUsage().maxRSS` of this process (all threads), in KiB. */
  maxRssKb: number;
}

const started = performance.now();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    content: { type: 'string' },
    report: { type: 'string' },
    cache: { type: 'string' },
    workers: { type: 'string' },
  },
});
const mode = positionals[0];
if ((mode !== 'floor' && mode !== 'check') || !values.content || !values.report) {
  process.stderr.write('usage: run.ts floor|check --content DIR --report FILE [--cache FILE] [--workers N]\n');
  process.exit(2);
}
const content = resolve(values.content);

type Work = Omit<RunReport, 'msInProcess' | 'cpuMs' | 'maxRssKb'>;

function floor(): Work {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = fg.sync('**/*', { cwd: content, dot: false, onlyFiles: true, followSymbolicLinks: false }).sort();
  let errors = 0;
  for (const file of files) {
    const bytes = readFileSync(join(content, file));
    if (file.startsWith('attachments/')) continue;
    const text = decoder.decode(bytes);
    const result = file.endsWith('.mdx') ? parseMdx(file, text) : file.endsWith('.json') ? parseJson(file, text) : undefined;
    if (result && result.diagnostics.length > 0) errors++;
  }
  return { mode: 'floor', files: files.length, errors, warnings: 0, exitCode: 0 };
}

async function check(): Promise<Work> {
  const { main } = await import('../../src/cli/main.ts');
  let stdout = '';
  const args = ['check', '--content', content, '--format', 'json'];
  args.push(...(values.cache ? ['--cache-location', resolve(values.cache)] : ['--no-cache']));
  if (values.workers) args.push('--workers', values.workers);
  const exitCode = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => process.stderr.write(text),
    colour: false,
    cwd: process.cwd(),
  });
  const output = JSON.parse(stdout) as { files: number; diagnostics: Array<{ severity: string }> };
  const errors = output.diagnostics.filter((d) => d.severity === 'error').length;
  return { mode: 'check', files: output.files, errors, warnings: output.diagnostics.length - errors, exitCode };
}

const result = mode === 'floor' ? floor() : await check();
const usage = process.resourceUsage();
const report: RunReport = {
  ...result,
  msInProcess: performance.now() - started,
  cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  maxRssKb: usage.maxRSS,
};
writeFileSync(values.report, `${JSON.stringify(report)}\n`);
