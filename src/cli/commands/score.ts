import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { hasErrors } from '../../diagnostics/index.ts';
import { type Ledger, serializeLedger } from '../../ledger/index.ts';
import { formatYuanZh } from '../../money/index.ts';
import type { CliIo } from '../io.ts';
import { loadProject, periodsToScore, requireRegistry, scoreForCli } from '../load-project.ts';

/** `omarc score`: one ledger per period; a readable table, or the ledger JSON with --json. */
export async function runScore(values: Record<string, unknown>, io: CliIo): Promise<number> {
  const project = await loadProject(io.cwd, String(values.content));
  const registry = requireRegistry(project, values.contract);
  const periods = periodsToScore(project, registry, values.period);
  const ledgers: Ledger[] = [];
  for (const period of periods) {
    ledgers.push(scoreForCli(project, registry, period, values['as-of']));
  }
  if (typeof values.out === 'string')
    for (const ledger of ledgers) writeLedger(resolve(io.cwd, values.out), ledger);
  if (values.json === true)
    io.stdout(
      ledgers.length === 1 ? serializeLedger(ledgers[0] as Ledger) : `${JSON.stringify(ledgers, null, 2)}\n`,
    );
  else io.stdout(ledgers.map(renderLedger).join('\n'));
  if (hasErrors(project.check.diagnostics)) {
    io.stderr(
      `注意：内容有 ${project.check.diagnostics.filter((d) => d.severity === 'error').length} 个错误，相关记录按“无效”处理、不计分。运行 omarc check 查看。\n`,
    );
  }
  return 0;
}

/** Writes `<dir>/<contract>/<period>.json` atomically. */
export function writeLedger(dir: string, ledger: Ledger): string {
  const file = join(dir, ledger.contractId, `${ledger.period}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, serializeLedger(ledger));
  renameSync(`${file}.tmp`, file);
  return file;
}

const statusZh = { provisional: '暂定', final: '最终' } as const;

/** The terminal view of a ledger. */
export function renderLedger(ledger: Ledger): string {
  const out: string[] = [];
  out.push(
    `${ledger.contractId} · 考核期 ${ledger.period}（${ledger.periodStart.slice(0, 10)} 至 ${ledger.periodEnd.slice(0, 10)}）· ${statusZh[ledger.status]} · 评估时点 ${ledger.asOf}`,
  );
  if (ledger.units.length > 0) {
    out.push('');
    out.push(row(['单位', '名称', '满意度', '日常工作', '异常处置', '运维资料', '得分', '等级']));
    for (const unit of ledger.units) {
      const d = unit.dimensions;
      out.push(
        row([
          unit.unitId,
          unit.nameZh,
          show(d.satisfaction),
          show(d.dailyWork),
          show(d.exceptionHandling),
          show(d.archive),
          show(unit.score),
          unit.grade,
        ]),
      );
    }
    out.push('');
    out.push(
      `运维得分（平均） ${show(ledger.package.average ?? ledger.package.score)}  扣分项 ${show(ledger.package.deductionPoints ?? '0')}  考核得分 ${show(ledger.package.score)}  等级 ${ledger.package.grade}`,
    );
  } else {
    out.push('');
    for (const rule of ledger.rules.filter((r) => r.points !== '0.000000' || r.events.length > 0)) {
      out.push(
        row([rule.ruleId, rule.labelZh, rule.status === 'not-applicable' ? '不适用' : show(rule.points)]),
      );
    }
    out.push('');
    out.push(`绩效考核得分 ${show(ledger.package.score)}  等级 ${ledger.package.grade}`);
  }
  const m = ledger.money;
  if (m.monthlyFeeFen !== undefined) {
    out.push(
      `当月运维费 ${formatYuanZh(BigInt(m.monthlyFeeFen))}  等级扣减 ${formatYuanZh(BigInt(m.gradeDeductionFen ?? 0))}  处罚 ${formatYuanZh(BigInt(m.penaltiesFen))}  应付 ${formatYuanZh(BigInt(m.payableFen ?? 0))}`,
    );
  }
  if (m.tail)
    out.push(
      `尾款 ${formatYuanZh(BigInt(m.tail.tailFen))}  按当前等级（${m.tail.grade}）的退回风险 ${formatYuanZh(BigInt(m.tail.refundExposureFen))}`,
    );
  for (const b of ledger.blockers) out.push(`阻断定稿：${b.messageZh}`);
  if (ledger.warnings.length > 0)
    out.push(`提示 ${ledger.warnings.length} 条、无效记录 ${ledger.invalid.length} 条；详见 omarc explain。`);
  out.push(
    `配置 ${ledger.configHash}${Object.keys(ledger.configNonDefault).length ? `（非默认：${Object.keys(ledger.configNonDefault).join('、')}）` : ''}`,
  );
  return `${out.join('\n')}\n`;
}

/** Scores are stored with six decimals and shown with two (spec §0.2), half-up. */
function show(value: string): string {
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = value.replace('-', '').split('.');
  const cents = BigInt(int) * 100n + BigInt((frac + '000').slice(0, 2)) + ((frac[2] ?? '0') >= '5' ? 1n : 0n);
  const text = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
  return negative && cents !== 0n ? `-${text}` : text;
}

function row(cells: string[]): string {
  return cells
    .map((c, i) => pad(c, [6, 20, 8, 8, 8, 8, 8, 6][i] ?? 8))
    .join(' ')
    .trimEnd();
}

function pad(text: string, width: number): string {
  const w = [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - w));
}
