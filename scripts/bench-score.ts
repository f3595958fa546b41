// Scoring a contract-year: generate a synthetic Luohe corpus, load it once (omarc check), then time scoring
// all 12 service months. Target (issue 3): ≤ 2 s after loading. Prints one JSON line for scripts/bench.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultAsOf, loadProject, scoringInput } from '../src/cli/load-project.ts';
import { serializeLedger } from '../src/ledger/index.ts';
import { scorePeriod } from '../src/scoring/index.ts';
import { generateCorpus } from './gen-corpus.ts';

const { values } = parseArgs({ options: { files: { type: 'string', default: '12000' }, runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '7' } } });
const files = Number(values.files);
const runs = Number(values.runs);
const root = mkdtempSync(join(tmpdir(), 'omarc-bench-score-'));
try {
  generateCorpus({ files, seed: Number(values.seed), out: join(root, 'content') });
  const loadStart = performance.now();
  const project = await loadProject(root, 'content');
  const loadMs = performance.now() - loadStart;
  const registry = project.check.registries.get('luohe-2026-b');
  if (!registry) throw new Error('the synthetic corpus has no luohe-2026-b registry');
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    bytes = 0;
    // Fresh record arrays per run: the engine reuses work only within one set of records, so every run is cold.
    const base = scoringInput(project, registry, registry.periods[0]?.label ?? '', defaultAsOf(registry, registry.periods[0]?.label ?? ''));
    const evidence = [...base.evidence];
    const reviews = [...base.reviews];
    for (const period of registry.periods) {
      const input = { ...scoringInput(project, registry, period.label, defaultAsOf(registry, period.label)), evidence, reviews };
      const ledger = scorePeriod(input);
      bytes += serializeLedger(ledger).length;
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  process.stdout.write(
    `${JSON.stringify({ files, evidence: project.check.evidence.length, periods: registry.periods.length, loadMs: Math.round(loadMs), scoreMedianMs: Math.round(median), scoreRunsMs: times.map(Math.round), ledgerBytes: bytes, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
