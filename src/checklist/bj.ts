import { parseInstant } from '../calendar/index.ts';
import type { ChecklistEntry, EvidenceRef } from '../ledger/index.ts';
import type { BjReportType } from '../model/registry.ts';
import type { BjContext, BjLine } from '../scoring/bj/context.ts';
import { buildContext, evidenceOf, inWindow, notice, refOf, reviewsInWindow, reviewsOf } from '../scoring/bj/context.ts';
import { docsInForce, drillHalvesDue, drillsIn } from '../scoring/bj/emergency.ts';
import { deadlineZh, pointsPhraseZh, timeZh } from '../scoring/bj/format-zh.ts';
import { inspectionSlots } from '../scoring/bj/inspections.ts';
import { counted } from '../scoring/bj/lines.ts';
import { reportInstancesDue } from '../scoring/bj/report-due.ts';
import { fixedPoints } from '../scoring/bj/rule-table.ts';
import { specialPeriodsDue } from '../scoring/bj/special-periods.ts';
import type { ScoringInput } from '../scoring/input.ts';

// Beijing acceptance and performance checklist, spec §6.3 (BJ-D01 … BJ-D21). Entries are tracked, not scored;
// a missing document whose absence no other rule scores becomes a BJ-R13 文档完整性 proposal (a draft line) for
// the reviewer to confirm, and so does a required report still missing after its deadline (bj.missingRequiredReport).
// Missing inspections, plans and drills are already scored by R29, R26, R34 and R35, so they propose nothing more.

/** Codes whose absence in a period proposes a BJ-R13 deduction. */
export const BJ_R13_PROPOSAL_CODES: readonly string[] = ['BJ-D13', 'BJ-D14', 'BJ-D17', 'BJ-D19'];

const REPORT_CODE: Record<BjReportType, string> = {
  weekly: 'BJ-D06',
  monthly: 'BJ-D07',
  quarterly: 'BJ-D08',
  'half-year': 'BJ-D09',
  annual: 'BJ-D10',
  fault: 'BJ-D11',
};

/** The checklist of a window and the BJ-R13 proposals for its missing documents. */
export interface BjChecklistResult {
  entries: ChecklistEntry[];
  proposals: BjLine[];
}

function entry(
  ctx: BjContext,
  code: string,
  status: ChecklistEntry['status'],
  fulfilledBy: EvidenceRef[],
  noteZh: string,
  eventRef?: string,
): ChecklistEntry {
  const labelZh = ctx.registry.catalogue.find((c) => c.code === code)?.labelZh ?? code;
  const e: ChecklistEntry = { code, labelZh, scope: eventRef === undefined ? 'package' : 'event', status, scored: false, fulfilledBy, noteZh };
  if (eventRef !== undefined) e.eventRef = eventRef;
  return e;
}

function standing(ctx: BjContext, code: string, what: string): ChecklistEntry {
  const docs = docsInForce(ctx, code);
  return docs.length > 0
    ? entry(ctx, code, 'present', docs.map((r) => refOf(r, '/effectiveFrom')), `${what}有效（截至 ${ctx.window.lastDay}）`)
    : entry(ctx, code, 'missing', [], `截至 ${ctx.window.lastDay} 没有有效的${what}`);
}

function uploadedInWindow(ctx: BjContext, code: string): EvidenceRef[] {
  return evidenceOf(ctx, 'archive')
    .filter((r) => r.data.docKind === code && inWindow(ctx, parseInstant(r.data.uploadedAt)))
    .map((r) => refOf(r, '/uploadedAt'));
}

/** Evaluates §6.3 for the window of a context. */
export function bjChecklistForWindow(ctx: BjContext): BjChecklistResult {
  const out: ChecklistEntry[] = [];
  out.push(standing(ctx, 'BJ-D01', '应急预案'));
  out.push(standing(ctx, 'BJ-D02', '演练计划'));
  for (const half of drillHalvesDue(ctx)) {
    const held = drillsIn(ctx, half);
    out.push(
      held.length > 0
        ? entry(ctx, 'BJ-D02', 'present', held.map((r) => refOf(r, '/effectiveFrom')), `${half.labelZh}演练记录`, `drill:${half.from}`)
        : entry(ctx, 'BJ-D02', 'missing', [], `${half.labelZh}没有演练记录`, `drill:${half.from}`),
    );
  }
  for (const s of specialPeriodsDue(ctx)) {
    const sp = s.designated;
    out.push(
      s.plan
        ? entry(ctx, 'BJ-D03', 'present', [refOf(s.plan, '/plan')], `${sp.labelZh}（${sp.from} 至 ${sp.to}）保障计划已于开始前制定`, sp.id)
        : entry(ctx, 'BJ-D03', 'missing', s.records.map((r) => refOf(r)), `${sp.labelZh}（${sp.from} 至 ${sp.to}）开始前没有保障计划`, sp.id),
    );
  }
  const slots = inspectionSlots(ctx);
  for (const [code, mode, unit] of [
    ['BJ-D04', 'page-availability', '天'],
    ['BJ-D05', 'server', '周'],
  ] as const) {
    const mine = slots.filter((s) => s.mode === mode);
    if (mine.length === 0) continue;
    const due = mine.filter((s) => s.endMs <= ctx.asOfMs);
    const missed = due.filter((s) => s.covered.length === 0);
    const refs = due.flatMap((s) => s.covered.map((r) => refOf(r, '/inspectedAt')));
    const pending = mine.length - due.length;
    const note = `应巡检 ${due.length} ${unit}，已巡检 ${due.length - missed.length} ${unit}${pending > 0 ? `，另有 ${pending} ${unit}尚未结束` : ''}${missed.length > 0 ? `；漏检：${missed.map((s) => s.labelZh).join('、')}` : ''}`;
    out.push(entry(ctx, code, missed.length > 0 ? 'missing' : 'present', refs, note));
  }
  for (const inst of reportInstancesDue(ctx)) {
    const code = REPORT_CODE[inst.type];
    if (inst.submission) {
      const late = inst.submission.ms > inst.dueMs;
      out.push(entry(ctx, code, 'present', [inst.submission.ref], `${inst.labelZh}于 ${timeZh(inst.submission.ms)} 提交（截止 ${deadlineZh(inst.dueMs)}${late ? '，逾期' : ''}）`, inst.key));
    } else {
      const overdue = ctx.asOfMs > inst.dueMs;
      const refs = inst.ticket ? [refOf(inst.ticket, '/resolvedAt')] : [];
      out.push(entry(ctx, code, 'missing', refs, `${inst.labelZh}${overdue ? '逾期未交' : '尚未提交'}（截止 ${deadlineZh(inst.dueMs)}）`, inst.key));
    }
  }
  for (const [code, what] of [
    ['BJ-D12', '运维工作成果'],
    ['BJ-D16', '安全测试报告'],
  ] as const) {
    const refs = uploadedInWindow(ctx, code);
    if (refs.length > 0) out.push(entry(ctx, code, 'present', refs, `本考核期提交${what} ${refs.length} 份`));
  }
  out.push(standing(ctx, 'BJ-D13', '资产表'));
  out.push(standing(ctx, 'BJ-D14', '项目人员名单'));
  out.push(standing(ctx, 'BJ-D15', '项目保密协议（公司）'));
  // B19: one personal agreement per staff member in scope (bj.ndaScope); flagged, never scored retroactively.
  for (const s of [...ctx.registry.staff].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const active = s.activeFrom <= ctx.window.lastDay && (s.activeTo === undefined || s.activeTo >= ctx.window.firstDay);
    if (!active || (ctx.config.ndaScope === 'resident-staff' && !s.resident)) continue;
    const ok = s.ndaOnFile || s.confidentialityAgreement !== undefined;
    out.push(entry(ctx, 'BJ-D15', ok ? 'present' : 'missing', [], `${s.nameZh}（${s.id}）个人保密协议${ok ? '在案' : '缺失（cfg bj.ndaScope，不追溯扣分）'}`, s.id));
    if (!ok) notice(ctx, 'warnings', 'bj/nda-missing', `${s.nameZh}（${s.id}）没有个人保密协议（BJ A2；cfg bj.ndaScope = ${ctx.config.ndaScope}）`);
  }
  const stats = uploadedInWindow(ctx, 'BJ-D17');
  out.push(
    stats.length > 0
      ? entry(ctx, 'BJ-D17', 'present', stats, '本考核期已提交可用性、故障率及故障响应率统计')
      : entry(ctx, 'BJ-D17', 'missing', [], '本考核期没有提交可用性、故障率及故障响应率统计'),
  );
  for (const r of evidenceOf(ctx, 'survey').filter((x) => inWindow(ctx, parseInstant(x.data.issuedAt)))) {
    out.push(
      r.data.result !== undefined
        ? entry(ctx, 'BJ-D18', 'present', [refOf(r, '/result')], `满意度调查结果：${r.data.result}`, r.id)
        : entry(ctx, 'BJ-D18', 'missing', [refOf(r)], '满意度调查尚无结果', r.id),
    );
  }
  if (reviewsInWindow(ctx, 'acceptance').length > 0) {
    for (const [code, what] of [
      ['BJ-D19', '项目审计报告'],
      ['BJ-D21', '验收申请、专家验收会纪要及验收报告'],
    ] as const) {
      const docs = evidenceOf(ctx, 'archive').filter((r) => r.data.docKind === code && parseInstant(r.data.uploadedAt) < ctx.window.endMs);
      out.push(
        docs.length > 0
          ? entry(ctx, code, 'present', docs.map((r) => refOf(r, '/uploadedAt')), `${what}已提交`)
          : entry(ctx, code, 'missing', [], `验收时缺少${what}`),
      );
    }
  }
  const signed = new Set(reviewsOf(ctx, 'signoff').map((r) => r.data.period));
  const allSigned = ctx.window.labels.every((l) => signed.has(l));
  out.push(entry(ctx, 'BJ-D20', allSigned ? 'present' : 'missing', [], allSigned ? '本考核期绩效考核结果已签署' : '本考核期绩效考核结果尚未签署（由甲方审核人员签署）'));

  // Required reports missing after their deadline (§6.3), unless bj.missingRequiredReport scores them as late (R16).
  const overdueReports = new Set(
    ctx.config.missingRequiredReport === 'propose-r13'
      ? reportInstancesDue(ctx).filter((i) => i.required && i.submission === undefined && ctx.asOfMs > i.dueMs).map((i) => i.key)
      : [],
  );
  const rule = ctx.rules.byTrigger('document.missing-item');
  const proposals: BjLine[] = [];
  for (const e of out) {
    const overdue = e.eventRef !== undefined && overdueReports.has(e.eventRef);
    if (e.status !== 'missing' || !(BJ_R13_PROPOSAL_CODES.includes(e.code) || overdue)) continue;
    const p = fixedPoints(rule);
    const what = overdue ? `${e.code} ${e.noteZh}` : `${e.code}“${e.labelZh}”缺失`;
    const l = counted(rule, p, `考核期应交资料 ${what}，拟${pointsPhraseZh(p)}（系统提出，待审核人员以 BJ-R13 审核事件确认）`, e.fulfilledBy, ctx.window.startMs);
    l.status = 'draft';
    proposals.push(l);
  }
  const order = (e: ChecklistEntry): string => `${e.code}\u0000${e.eventRef ?? ''}`;
  out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return { entries: out, proposals };
}

/** The §6.3 checklist of the period (`input.period`), for views that want it without the score. */
export function evaluateBjChecklist(input: ScoringInput): ChecklistEntry[] {
  return bjChecklistForWindow(buildContext(input, input.period)).entries;
}
