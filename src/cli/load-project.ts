import { resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { type CalendarFile, CalendarMissingError, WorkCalendar } from '../calendar/index.ts';
import type { ContractRegistry } from '../content/index.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import type { Evidence, Review } from '../model/index.ts';
import type { Ledger } from '../ledger/index.ts';
import { type ScoredRecord, type ScoringInput, scorePeriod } from '../scoring/index.ts';
import { type CheckResult, checkProject, type LoadedRecord } from '../validate/index.ts';
import { UsageError } from './usage-error.ts';

/** Content checked and ready to score. */
export interface LoadedProject {
  check: CheckResult;
  calendar: WorkCalendar;
}

/** Checks the content (with the cache) so that scoring never reads a file the checker has not judged. */
export async function loadProject(cwd: string, contentDir: string): Promise<LoadedProject> {
  const check = await checkProject({ contentDir, cwd, cacheFile: resolve(cwd, '.omarc-cache/check.bin') });
  const calendar = new WorkCalendar([...check.calendars.values()] as unknown as CalendarFile[], {
    dir: resolve(cwd, contentDir, 'calendars'),
  });
  return { check, calendar };
}

/** The registry of `contractId`, or a usage error listing the contracts there are. */
export function requireRegistry(project: LoadedProject, contractId: unknown): ContractRegistry {
  if (typeof contractId !== 'string')
    throw new UsageError(`缺少 --contract。可选：${[...project.check.registries.keys()].join('、')}。`);
  const registry = project.check.registries.get(contractId);
  if (!registry) {
    const known = [...project.check.registries.keys()].join('、') || '（无）';
    throw new UsageError(
      `合同 ${contractId} 不存在或登记文件有错误（运行 omarc check 查看）。可选：${known}。`,
    );
  }
  return registry;
}

/** Periods to score: the one asked for, or every period of the contract that has evidence or reviews. */
export function periodsToScore(
  project: LoadedProject,
  registry: ContractRegistry,
  period: unknown,
): string[] {
  if (typeof period === 'string') {
    if (!registry.periods.some((p) => p.label === period)) {
      throw new UsageError(
        `考核期 ${period} 不在合同 ${registry.contractId} 的服务期内（${registry.periods[0]?.label} 至 ${registry.periods.at(-1)?.label}）。`,
      );
    }
    return [period];
  }
  const withContent = new Set(
    [...project.check.evidence, ...project.check.reviews]
      .filter((r) => r.relative.split('/')[1] === registry.contractId)
      .map((r) => r.relative.split('/')[2] ?? ''),
  );
  return registry.periods.map((p) => p.label).filter((label) => withContent.has(label));
}

/** The deterministic default evaluation instant: period end plus the evidence freeze window (spec §4.13). */
export function defaultAsOf(registry: ContractRegistry, period: string): string {
  const p = registry.periods.find((x) => x.label === period);
  if (!p) throw new UsageError(`未知考核期 ${period}`);
  const luohe = (registry.config as unknown as { luohe?: { evidenceFreezeDays?: number } }).luohe;
  const days = luohe?.evidenceFreezeDays ?? 0;
  const ms = p.endMs + days * 86_400_000;
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Builds the pure engine input for one period from the checked project. */
export function scoringInput(
  project: LoadedProject,
  registry: ContractRegistry,
  period: string,
  asOf: string,
): ScoringInput {
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(asOf) ||
    Number.isNaN(Date.parse(asOf))
  ) {
    throw new UsageError(`--as-of 必须是带时区的时间，如 2026-11-13T00:00:00+08:00；收到 “${asOf}”。`);
  }
  const { evidence, reviews } = recordsOf(project, registry.contractId);
  return {
    registry,
    evidence,
    reviews,
    calendar: project.calendar,
    period,
    asOf,
    engineVersion: `omarc ${packageJson.version}`,
  };
}

const scoredRecords = new WeakMap<LoadedProject, Map<string, Pick<ScoringInput, 'evidence' | 'reviews'>>>();

/**
 * A contract's records in engine form, converted once per loaded project: every period of a run gets the same
 * arrays, which is also what lets an engine reuse its work across periods.
 */
function recordsOf(project: LoadedProject, contractId: string): Pick<ScoringInput, 'evidence' | 'reviews'> {
  let byContract = scoredRecords.get(project);
  if (!byContract) scoredRecords.set(project, (byContract = new Map()));
  const cached = byContract.get(contractId);
  if (cached) return cached;
  const mine = (r: LoadedRecord) => r.relative.split('/')[1] === contractId;
  const records = {
    evidence: project.check.evidence.filter(mine).map((r) => toScored<Evidence>(r)),
    reviews: project.check.reviews.filter(mine).map((r) => toScored<Review>(r)),
  };
  byContract.set(contractId, records);
  return records;
}

function toScored<T>(record: LoadedRecord): ScoredRecord<T> {
  return {
    id: record.id,
    kind: record.kind,
    period: record.relative.split('/')[2] ?? '',
    file: record.file,
    line: record.places['']?.line ?? 1,
    valid: record.valid,
    problems: record.problems
      .filter((d) => d.severity === 'error')
      .map((d: Diagnostic) => ({ line: d.line, column: d.column, code: d.code, message: d.message })),
    data: record.data as T,
    lines: Object.fromEntries(Object.entries(record.places).map(([pointer, place]) => [pointer, place.line])),
  };
}

/**
 * Scores one period as the CLI does: the given `--as-of` or the deterministic default, and a missing working-day
 * calendar turned into a usage error that says which file to add.
 */
export function scoreForCli(project: LoadedProject, registry: ContractRegistry, period: string, asOf: unknown): Ledger {
  try {
    return scorePeriod(scoringInput(project, registry, period, typeof asOf === 'string' ? asOf : defaultAsOf(registry, period)));
  } catch (error) {
    explainCalendarError(error);
  }
}

/** Turns a missing working-day calendar into the user-facing explanation (exit 2). */
function explainCalendarError(error: unknown): never {
  if (error instanceof CalendarMissingError) {
    throw new UsageError(
      `${error.year} 年没有工作日历（${error.file}），无法计算工作日期限。请按国务院办公厅节假日安排通知添加该文件。`,
    );
  }
  throw error;
}
