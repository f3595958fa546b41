import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import {
  formatGithub,
  formatHuman,
  formatJson,
  hasErrors,
  type OutputFormat,
  outputFormats,
} from '../../diagnostics/index.ts';
import { checkProject } from '../../validate/index.ts';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';

/** `omarc check`: every problem in one run; exit 1 when any is an error. */
export async function runCheck(values: Record<string, unknown>, io: CliIo): Promise<number> {
  const format = String(values.format) as OutputFormat;
  if (!outputFormats.includes(format))
    throw new UsageError(`--format 只能是 ${outputFormats.join('、')}，收到 “${format}”。`);
  const contentDir = String(values.content);
  if (!existsSync(resolve(io.cwd, contentDir)))
    throw new UsageError(`内容目录 ${contentDir} 不存在。用 --content 指定内容目录。`);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1))
    throw new UsageError('--workers 必须是正整数。');
  const useCache = values.cache !== false && values['no-cache'] !== true;
  const result = await checkProject({
    contentDir,
    cwd: io.cwd,
    cacheFile: useCache ? resolve(io.cwd, String(values['cache-location'])) : false,
    ...(workers !== undefined ? { workers } : {}),
  });
  let { diagnostics, files } = result;
  const since = values['changed-since'];
  if (typeof since === 'string') {
    const changed = changedFiles(io.cwd, since, contentDir);
    diagnostics = diagnostics.filter((d) => changed.has(d.file));
    files = changed.size;
  }
  const text =
    format === 'json'
      ? formatJson(files, diagnostics)
      : format === 'github'
        ? formatGithub(files, diagnostics)
        : formatHuman(files, diagnostics, io.colour);
  io.stdout(text);
  return hasErrors(diagnostics) ? 1 : 0;
}

/** Files under the content root that differ from `ref` (committed, staged, unstaged or untracked). */
function changedFiles(cwd: string, ref: string, contentDir: string): Set<string> {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      throw new UsageError(
        `git 无法比较 ${ref}：${stderr || (error as Error).message}。确认在 git 仓库中运行，且 ${ref} 存在（CI 中需要 fetch-depth: 0）。`,
      );
    }
  };
  const top = git(['rev-parse', '--show-toplevel']).trim();
  const names = [
    ...git(['diff', '--name-only', '--no-renames', ref, '--', contentDir]).split('\n'),
    ...git(['ls-files', '--others', '--exclude-standard', '--', contentDir])
      .split('\n')
      .map((n) => relative(top, resolve(cwd, n))),
  ].filter((n) => n !== '');
  return new Set(names.map((n) => relative(cwd, resolve(top, n)).split(sep).join('/')));
}
