import { addDuration } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { exact, sum } from '../../decimal/index.ts';
import type { EvidenceRef, LedgerLine, LedgerNotice } from '../../ledger/index.ts';
import type { Period } from '../../period/index.ts';
import type { LuoheContext } from './context.ts';
import { reviewsOf } from './context.ts';
import { type FaultEval, evaluateFaults } from './faults.ts';
import { durationZh, negSix, pts, six, when, whenShort } from './format.ts';
import { ms, ref, refs } from './records.ts';
import { luoheRule } from './rules.ts';
import { evaluateVulns, repeatPeriods, type VulnEval } from './vulns.ts';

/** Exception handling of one unit in one period (spec §4.5). */
export interface ExceptionResult {
  /** S_exc (floored at 0 under cfg floorZero). */
  score: Exact;
  lines: LedgerLine[];
  warnings: LedgerNotice[];
  blockers: LedgerNotice[];
  /** Breaches with majorImpact in this period: proposed as D1 instead (A10). */
  majorImpact: FaultEval[];
}

function ruleOf(id: string): Pick<LedgerLine, 'ruleId' | 'clause' | 'labelZh'> {
  const r = luoheRule(id);
  return { ruleId: r.id, clause: r.clause, labelZh: r.labelZh };
}

function ticketRefs(f: FaultEval): EvidenceRef[] {
  const r = f.record;
  const out = [ref(r, '/reportedAt')];
  if (f.lateResponse || f.respondedMs !== undefined) out.push(ref(r, '/respondedAt'));
  if (f.lateResolution || f.resolvedMs !== undefined) out.push(ref(r, '/resolvedAt'));
  if (f.forceMajeureDecision) out.push(ref(f.forceMajeureDecision));
  return refs(out);
}

/** Chinese explanation of a fault ticket against its SLA. */
export function explainFault(f: FaultEval, p: Period): string {
  const t = f.record.data;
  const head = `${f.level} 级故障 ${t.ticketNo}（事项 ${f.itemNo ?? '?'}${f.levelSource !== 'ticket' ? `，级别经${f.levelSource === 'decision' ? '审核决定' : '工单'}调整` : ''}）：报告 ${when(f.reportedMs)}`;
  const resp =
    f.respondedMs === undefined
      ? `未记录响应时间（时限 ${whenShort(f.respondByMs, f.reportedMs)}，报告后 ${durationZh(f.respondMinutes)}）${f.lateResponse ? '，已超时' : ''}`
      : f.lateResponse
        ? `响应时间 ${whenShort(f.respondedMs, f.reportedMs)} 晚于时限 ${whenShort(f.respondByMs, f.reportedMs)}（报告后 ${durationZh(f.respondMinutes)}）`
        : `响应 ${whenShort(f.respondedMs, f.reportedMs)}（时限 ${whenShort(f.respondByMs, f.reportedMs)}，按时）`;
  const res =
    f.resolvedMs === undefined
      ? `未解决（时限 ${whenShort(f.resolveByMs, f.reportedMs)}，报告后 ${durationZh(f.resolveMinutes)}）${f.lateResolution ? '，已超时' : ''}`
      : f.lateResolution
        ? `解决时间 ${whenShort(f.resolvedMs, f.reportedMs)} 晚于时限 ${whenShort(f.resolveByMs, f.reportedMs)}（报告后 ${durationZh(f.resolveMinutes)}）`
        : `解决 ${whenShort(f.resolvedMs, f.reportedMs)}（时限 ${whenShort(f.resolveByMs, f.reportedMs)}，按时）`;
  let outcome: string;
  if (!f.breached) outcome = f.resolvedMs === undefined ? '尚未超时，暂不扣分' : '未超时，不扣分';
  else if (f.breachPeriod && f.breachPeriod.label !== p.label) outcome = `超时，计入 ${f.breachPeriod.label} 考核期`;
  else if (f.majorImpact) outcome = '超时且造成重大影响，参照扣分项 D1 处理，本项不再扣分';
  else if (f.forceMajeure === 'waived') outcome = `超时，经中心会同使用单位认定为不可抗力，免于扣分（原应扣 ${pts(f.base)} 分）`;
  else if (f.forceMajeure === 'reduced') outcome = `超时，不可抗力酌情减免后扣 ${pts(f.deduction)} 分（原应扣 ${pts(f.base)} 分）`;
  else if (f.forceMajeure === 'pending') outcome = `超时，扣 ${pts(f.deduction)} 分（不可抗力待中心决定，结果为暂定）`;
  else if (f.forceMajeure === 'not-waived') outcome = `超时，不可抗力申请未获减免，扣 ${pts(f.deduction)} 分`;
  else outcome = `扣 ${pts(f.deduction)} 分`;
  return `${head}；${resp}；${res}，${outcome}`;
}

/** Chinese explanation of a vulnerability ticket against its deadlines. */
export function explainVuln(v: VulnEval, p: Period, repeat: boolean): string {
  const t = v.record.data;
  const head = `${t.severity}漏洞 ${t.vulnId}（系统 ${t.systemId}）：发现 ${when(v.foundMs)}，时限 ${when(v.deadlineMs)}（${v.deadlineZh}）`;
  const closure =
    v.closedMs !== undefined
      ? `${v.closedHow === 'mitigated' ? '制定缓解措施' : '修复'} ${when(v.closedMs)}${v.closedMs > v.deadlineMs ? '，晚于时限' : '，按时'}`
      : v.closureVoidZh !== undefined
        ? `修复不予认可（${v.closureVoidZh}），视为未修复`
        : '尚未修复';
  const resp = v.cls === '极危' ? `；响应 ${v.respondedMs !== undefined ? when(v.respondedMs) : '未记录'}${v.lateResponse ? '（超过 24 小时）' : ''}` : '';
  const contract = v.lateContract && v.breached && !v.lateA3 ? '；未在合同约定时限内开始处置（contractVulnHandling = score）' : '';
  let outcome: string;
  if (repeat) outcome = `逾期仍未修复，本期再次扣 ${pts(v.deduction)} 分（vulnRepeatMonthly）`;
  else if (!v.breached) outcome = v.closedMs === undefined ? '尚未到期，暂不扣分' : '不扣分';
  else if (v.breachPeriod && v.breachPeriod.label !== p.label) outcome = `超时，计入 ${v.breachPeriod.label} 考核期`;
  else outcome = `扣 ${pts(v.deduction)} 分`;
  return `${head}；${closure}${resp}${contract}，${outcome}`;
}

/** S_exc(u,p) = 30 − Σ d_fault − Σ d_vuln over tickets of the unit whose breach period is p. */
export function computeExceptionHandling(ctx: LuoheContext, unitId: string, p: Period): ExceptionResult {
  const lines: LedgerLine[] = [];
  const warnings: LedgerNotice[] = [];
  const blockers: LedgerNotice[] = [];
  const majorImpact: FaultEval[] = [];
  const deductions: Exact[] = [];
  const unitMsg = `单位 ${unitId}`;

  for (const f of evaluateFaults(ctx)) {
    if (f.unitId !== unitId) continue;
    const breachHere = f.breached && f.breachPeriod?.label === p.label;
    const filedHere = f.record.period === p.label;
    if (!breachHere && !filedHere) continue;
    const counted = breachHere && !f.deduction.isZero();
    if (breachHere) deductions.push(f.deduction);
    if (breachHere && f.majorImpact) majorImpact.push(f);
    lines.push({
      ...ruleOf('LH-FAULT'),
      points: breachHere ? negSix(f.deduction) : six(0),
      status: counted ? 'counted' : breachHere && f.forceMajeure === 'waived' ? 'waived' : 'informational',
      explanationZh: explainFault(f, p),
      evidence: ticketRefs(f),
      unitId,
      ...(f.itemNo !== undefined ? { itemNo: f.itemNo } : {}),
      ...(f.record.data.systemId !== undefined ? { systemId: f.record.data.systemId } : {}),
    });
    if (breachHere && f.forceMajeure === 'pending' && !f.majorImpact) {
      blockers.push({
        code: 'LH-FORCE-MAJEURE-PENDING',
        messageZh: `故障工单 ${f.record.data.ticketNo} 申请不可抗力，待中心会同使用单位决定是否纳入考核（A9）`,
        evidence: refs([ref(f.record, '/forceMajeure'), ...(f.forceMajeureDecision ? [ref(f.forceMajeureDecision)] : [])]),
      });
    }
    if (f.levelDisputed) {
      blockers.push({
        code: 'LH-LEVEL-DISPUTE',
        messageZh: `故障工单 ${f.record.data.ticketNo} 的级别由 ${f.record.data.level} 级调整为 ${f.level} 级，尚无审核人员的级别认定决定`,
        evidence: [ref(f.record, '/levelOverride')],
      });
    }
    if (filedHere) faultWarnings(ctx, f, warnings);
  }
  for (const f of evaluateFaults(ctx)) {
    if (f.itemNo === undefined && f.record.period === p.label && f.record.data.itemNo === undefined) {
      warnings.push({ code: 'LH-FAULT-NO-ITEM', messageZh: `故障工单 ${f.record.data.ticketNo} 未填写运维事项，无法归属使用单位`, evidence: [ref(f.record)] });
    }
  }

  for (const v of evaluateVulns(ctx)) {
    if (v.unitId !== unitId) continue;
    const breachHere = v.breached && v.breachPeriod?.label === p.label;
    const repeat = !breachHere && repeatPeriods(ctx, v).some((x) => x.label === p.label);
    const filedHere = v.record.period === p.label;
    if (!breachHere && !repeat && !filedHere) continue;
    if (breachHere || repeat) deductions.push(v.deduction);
    const evidence = [ref(v.record, '/foundAt')];
    if (v.closedMs !== undefined || v.breached) evidence.push(ref(v.record, v.closedHow === 'mitigated' ? '/mitigatedAt' : '/fixedAt'));
    lines.push({
      ...ruleOf('LH-VULN'),
      points: breachHere || repeat ? negSix(v.deduction) : six(0),
      status: breachHere || repeat ? 'counted' : 'informational',
      explanationZh: explainVuln(v, p, repeat),
      evidence: refs(evidence),
      unitId,
      ...(v.itemNo !== undefined ? { itemNo: v.itemNo } : {}),
      systemId: v.record.data.systemId,
    });
    if (filedHere) vulnWarnings(ctx, v, warnings);
  }

  const raw = exact(30).sub(sum(deductions));
  const score = ctx.config.floorZero && raw.lt(0) ? exact(0) : raw;
  lines.unshift({
    ...ruleOf('LH-EXC'),
    points: six(30),
    status: 'counted',
    explanationZh: `异常处置满分 30 分，按本期超时的故障和漏洞扣分${deductions.length > 0 ? `（共扣 ${pts(sum(deductions))} 分）` : '（本期无扣分）'}：${unitMsg} 得 ${pts(score)} 分`,
    evidence: [],
    unitId,
  });
  if (!score.eq(raw)) {
    lines.push({
      ...ruleOf('LH-EXC'),
      points: six(score.sub(raw)),
      status: 'counted',
      explanationZh: `扣分合计 ${pts(sum(deductions))} 分超过 30 分，本项最低为 0 分（A14，floorZero）`,
      evidence: [],
      unitId,
    });
  }
  return { score, lines, warnings, blockers, majorImpact };
}

function faultWarnings(ctx: LuoheContext, f: FaultEval, warnings: LedgerNotice[]): void {
  const t = f.record.data;
  if (f.respondedMs !== undefined && f.respondedMs < f.reportedMs) {
    warnings.push({ code: 'LH-TIME-ORDER', messageZh: `故障工单 ${t.ticketNo} 响应时间早于报告时间`, evidence: [ref(f.record, '/respondedAt')] });
  }
  if (f.resolvedMs !== undefined && f.respondedMs !== undefined && f.resolvedMs < f.respondedMs) {
    warnings.push({ code: 'LH-TIME-ORDER', messageZh: `故障工单 ${t.ticketNo} 解决时间早于响应时间`, evidence: [ref(f.record, '/resolvedAt')] });
  }
  if (t.recurrenceOf !== undefined) {
    const handled = reviewsOf(ctx, 'event').some((e) => e.data.ruleId === 'P3' && (e.data.relatedIds ?? []).includes(f.record.id));
    if (!handled) {
      warnings.push({
        code: 'LH-RECURRENCE',
        messageZh: `故障 ${t.ticketNo} 为 ${t.recurrenceOf} 的重复发生，请审核人员确认是否适用处罚 P3（故障修复不彻底，¥20,000.00）`,
        evidence: [ref(f.record, '/recurrenceOf')],
      });
    }
  }
  if (f.level <= 2) {
    // A31: "第一时间上报" 中心和使用单位, compared with cfg l12EscalationWithin (warning only).
    const limit = addDuration(f.reportedMs, ctx.config.l12EscalationWithin);
    const parts: string[] = [];
    for (const [key, label] of [
      ['centerAt', '市政务大数据中心'],
      ['unitAt', '系统使用单位'],
    ] as const) {
      const at = t.escalation?.[key];
      if (at === undefined) parts.push(`未记录上报${label}的时间`);
      else if (ms(at) > limit) parts.push(`上报${label}时间 ${when(ms(at))} 晚于报告后 ${ctx.config.l12EscalationWithin}（${when(limit)}）`);
    }
    if (parts.length > 0) {
      warnings.push({ code: 'LH-ESCALATION', messageZh: `${f.level} 级故障 ${t.ticketNo}：${parts.join('；')}（LH A3 §五(三)1“第一时间上报”）`, evidence: [ref(f.record, '/escalation')] });
    }
  }
}

function vulnWarnings(ctx: LuoheContext, v: VulnEval, warnings: LedgerNotice[]): void {
  const t = v.record.data;
  if (ctx.config.contractVulnHandling === 'warn' && v.lateContract) {
    const limit = v.cls === '中低危' ? 'PT24H' : ctx.config.immediateWithin;
    warnings.push({
      code: 'LH-VULN-CONTRACT',
      messageZh: `${t.severity}漏洞 ${t.vulnId}：${v.respondedMs !== undefined ? `开始处置时间 ${when(v.respondedMs)}` : '未记录响应时间'}，晚于合同约定的发现后 ${limit}（${when(v.contractDeadlineMs)}）（LH §9(二)11；A11，仅提示）`,
      evidence: [ref(v.record, '/respondedAt')],
    });
  }
  if (t.recurrenceOf !== undefined) {
    const handled = reviewsOf(ctx, 'event').some((e) => e.data.ruleId === 'P3' && (e.data.relatedIds ?? []).includes(v.record.id));
    if (!handled) {
      warnings.push({
        code: 'LH-RECURRENCE',
        messageZh: `漏洞 ${t.vulnId} 为 ${t.recurrenceOf} 的重复发生，请审核人员确认是否适用处罚 P3（故障修复不彻底，¥20,000.00）`,
        evidence: [ref(v.record, '/recurrenceOf')],
      });
    }
  }
}
