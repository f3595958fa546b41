import type { LedgerLine } from '../../ledger/index.ts';
import { formatYuanZh } from '../../money/index.ts';
import type { CliIo } from '../io.ts';
import { loadProject, requireRegistry, scoreForCli } from '../load-project.ts';
import { UsageError } from '../usage-error.ts';

/** `omarc explain`: every point gained or lost, its rule and clause, and the evidence behind it as file:line. */
export async function runExplain(values: Record<string, unknown>, io: CliIo): Promise<number> {
  const project = await loadProject(io.cwd, String(values.content));
  const registry = requireRegistry(project, values.contract);
  if (typeof values.period !== 'string') throw new UsageError('缺少 --period（YYYY-MM）。');
  const period = values.period;
  if (!registry.periods.some((p) => p.label === period))
    throw new UsageError(`考核期 ${period} 不在合同服务期内。`);
  const ledger = scoreForCli(project, registry, period, values['as-of']);
  const unit = typeof values.unit === 'string' ? values.unit : undefined;
  if (unit !== undefined && !ledger.units.some((u) => u.unitId === unit)) {
    throw new UsageError(
      `单位 ${unit} 不在本考核期的评分单位中（${ledger.units.map((u) => u.unitId).join('、') || '本合同不按单位评分'}）。`,
    );
  }
  const out: string[] = [
    `${ledger.contractId} ${ledger.period} 得分说明（${ledger.status === 'final' ? '最终' : '暂定'}，配置 ${ledger.configHash}）`,
  ];
  for (const u of ledger.units.filter((x) => unit === undefined || x.unitId === unit)) {
    out.push(
      '',
      `【${u.unitId} ${u.nameZh}】得分 ${u.score}（满意度 ${u.dimensions.satisfaction} + 日常工作 ${u.dimensions.dailyWork} + 异常处置 ${u.dimensions.exceptionHandling} + 运维资料 ${u.dimensions.archive}）`,
    );
    out.push(...u.lines.map(renderLine));
  }
  if (unit === undefined) {
    if (ledger.package.deductions?.length) {
      out.push('', `【扣分项】合计 ${ledger.package.deductionPoints}`);
      out.push(...ledger.package.deductions.map(renderLine));
    }
    for (const rule of ledger.rules.filter((r) => r.events.length > 0)) {
      out.push('', `【${rule.ruleId} ${rule.labelZh}】${rule.points}（${rule.clause}）`);
      out.push(...rule.events.map(renderLine));
    }
    if (ledger.money.penalties.length) {
      out.push('', '【处罚清单 / 重点监管（金额）】');
      out.push(...ledger.money.penalties.map(renderLine));
    }
    const missing = ledger.checklist.filter((c) => c.status === 'missing');
    if (missing.length) {
      out.push('', '【缺失资料】');
      out.push(
        ...missing.map(
          (c) =>
            `  ${c.code} ${c.labelZh}${c.unitId ? ` ${c.unitId}` : ''}${c.itemNo ? ` 事项${c.itemNo}` : ''}：${c.noteZh}`,
        ),
      );
    }
    if (ledger.blockers.length)
      out.push('', '【阻断定稿】', ...ledger.blockers.map((b) => `  ${b.code}：${b.messageZh}`));
    if (ledger.warnings.length)
      out.push(
        '',
        '【提示】',
        ...ledger.warnings.map(
          (w) =>
            `  ${w.code}：${w.messageZh}${w.evidence.map((e) => `\n      ${e.file}:${e.line}`).join('')}`,
        ),
      );
    if (ledger.invalid.length)
      out.push(
        '',
        '【无效记录（不计分）】',
        ...ledger.invalid.map(
          (r) => `  ${r.file}：${r.reasons.map((x) => `${x.line}:${x.column} ${x.message}`).join('；')}`,
        ),
      );
  }
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}

function renderLine(line: LedgerLine): string {
  const points =
    line.amountFen !== undefined
      ? formatYuanZh(BigInt(line.amountFen))
      : `${line.points.startsWith('-') ? '' : '+'}${line.points} 分`;
  const status =
    line.status === 'counted'
      ? ''
      : `［${{ draft: '草稿，未计入', waived: '已豁免', informational: '仅提示', counted: '' }[line.status]}］`;
  const evidence = line.evidence.map((e) => `\n      证据 ${e.file}:${e.line}`).join('');
  return `  ${line.ruleId} ${points}${status} ${line.explanationZh}（${line.clause}）${evidence}`;
}
