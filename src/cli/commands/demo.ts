import { resolve } from 'node:path';
import { formatHuman, hasErrors } from '../../diagnostics/index.ts';
import type { CliIo } from '../io.ts';
import { loadProject, periodsToScore, scoreForCli } from '../load-project.ts';
import { renderLedger, writeLedger } from './score.ts';

/**
 * `omarc demo`: the whole chain that exists today on the bundled samples — check everything, score every
 * contract period that has content, write the ledgers — and say where the results are.
 */
export async function runDemo(values: Record<string, unknown>, io: CliIo): Promise<number> {
  const out = resolve(io.cwd, String(values.out));
  const project = await loadProject(io.cwd, String(values.content));
  io.stdout(`== omarc check ==\n${formatHuman(project.check.files, project.check.diagnostics, io.colour)}\n`);
  const written: string[] = [];
  for (const registry of project.check.registries.values()) {
    for (const period of periodsToScore(project, registry, undefined)) {
      const ledger = scoreForCli(project, registry, period, undefined);
      io.stdout(
        `== omarc score --contract ${registry.contractId} --period ${period} ==\n${renderLedger(ledger)}\n`,
      );
      written.push(writeLedger(resolve(out, 'ledgers'), ledger));
    }
  }
  io.stdout(`台账已写入 / ledgers written:\n${written.map((f) => `  ${f}`).join('\n')}\n`);
  return hasErrors(project.check.diagnostics) ? 1 : 0;
}
