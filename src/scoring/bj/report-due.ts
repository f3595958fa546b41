import {
  addDays,
  addMonthsToDate,
  compareDates,
  isoWeekOf,
  localDateOf,
  parseDate,
  parseInstant,
} from '../../calendar/index.ts';
import type { EvidenceRef } from '../../ledger/index.ts';
import type { FaultTicket, WorkReport } from '../../model/index.ts';
import type { BjReportType } from '../../model/registry.ts';
import type { ScoredRecord } from '../input.ts';
import type { BjContext } from './context.ts';
import { dateInWindow, evidenceOf, refOf } from './context.ts';
import { monthZh } from './format-zh.ts';

// Report deadlines of BJ T '文档及时性' (002:L448) as decided in spec §5.8: W(d, n) is the n-th working day strictly
// after d, WM(month, n) the n-th working day of a month, both from the loaded 调休 calendar; a deadline falls at
// `bj.deadlineTime` (23:59:59) of the due day, and a late report belongs to the period containing its due date.

/** A parsed `bj.reportDue` rule: `W(anchor,n)` or `WM(anchor,n)`. */
export interface DueRule {
  fn: 'W' | 'WM';
  anchor: string;
  n: number;
}

/** Parses `W(weekEnd,1)`, `WM(next,3)`, … */
export function parseDueRule(text: string): DueRule {
  const m = /^(WM|W)\(([A-Za-z]+),(\d+)\)$/.exec(text);
  if (!m) throw new Error(`Invalid report due rule "${text}": expected W(anchor,n) or WM(anchor,n)`);
  return { fn: m[1] as 'W' | 'WM', anchor: m[2] as string, n: Number(m[3]) };
}

/** Instant of the deadline on a due day: `date` at `bj.deadlineTime`, Asia/Shanghai. */
export function deadlineOf(ctx: Pick<BjContext, 'config'>, date: string): number {
  return parseInstant(`${date}T${ctx.config.deadlineTime}+08:00`);
}

/** One report that is due (or was submitted) with its due date and its earliest valid submission. */
export interface ReportInstance {
  /** `weekly:2026-W46`, `monthly:2026-10`, `quarterly:2026-Q3`, `half-year:2026-H1`, `annual`, `fault:<ticket id>`. */
  key: string;
  type: BjReportType;
  labelZh: string;
  dueDate: string;
  dueMs: number;
  /** In `bj.requiredReports`: missing when absent (B26). */
  required: boolean;
  submission?: { ms: number; ref: EvidenceRef };
  /** Fault reports: the ticket. */
  ticket?: ScoredRecord<FaultTicket>;
}

/** W(d, n) when it falls on or before the window's last day, else undefined (later years are never touched). */
function workingDayAfterWithin(ctx: BjContext, d: string, n: number): string | undefined {
  if (compareDates(d, ctx.window.lastDay) >= 0) return undefined;
  if (ctx.calendar.workingDaysBetween(d, ctx.window.lastDay) < n) return undefined;
  return ctx.calendar.nthWorkingDayAfter(d, n);
}

function monthsOfWindow(ctx: BjContext): string[] {
  const out: string[] = [];
  for (let m = `${ctx.window.firstDay.slice(0, 7)}-01`; m <= ctx.window.lastDay; m = addMonthsToDate(m, 1)) out.push(m.slice(0, 7));
  return out;
}

function wm(ctx: BjContext, ym: string, n: number): string {
  const { year, month } = parseDate(`${ym}-01`);
  return ctx.calendar.nthWorkingDayOfMonth(year, month, n);
}

const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
const halfOf = (date: string): string => `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;

/** Instance key of a submitted report (by the last day it covers), or undefined for untimed types. */
function keyOfReport(r: WorkReport): string | undefined {
  const to = r.coversTo;
  switch (r.reportType) {
    case 'weekly': {
      const w = isoWeekOf(to);
      return `weekly:${w.weekYear}-W${String(w.week).padStart(2, '0')}`;
    }
    case 'monthly':
      return `monthly:${to.slice(0, 7)}`;
    case 'quarterly':
      return `quarterly:${quarterOf(to)}`;
    case 'half-year':
      return `half-year:${halfOf(to)}`;
    case 'annual':
      return 'annual';
    default:
      return undefined;
  }
}

function earliest(a: { ms: number; ref: EvidenceRef } | undefined, b: { ms: number; ref: EvidenceRef }): { ms: number; ref: EvidenceRef } {
  if (a === undefined) return b;
  if (b.ms !== a.ms) return b.ms < a.ms ? b : a;
  return b.ref.id < a.ref.id ? b : a;
}

/** Every report instance whose due date falls in the window (spec §5.8), with its earliest valid submission. */
export function reportInstancesDue(ctx: BjContext): ReportInstance[] {
  const cfg = ctx.config;
  const [serviceStart, serviceEnd] = cfg.servicePeriod;
  const required = new Set<BjReportType>(cfg.requiredReports);
  const reports = evidenceOf(ctx, 'report');
  const submissions = new Map<string, { ms: number; ref: EvidenceRef }>();
  for (const r of reports) {
    const key = keyOfReport(r.data);
    if (key === undefined) continue;
    submissions.set(key, earliest(submissions.get(key), { ms: parseInstant(r.data.submittedAt), ref: refOf(r, '/submittedAt') }));
  }
  const out: ReportInstance[] = [];
  const push = (i: Omit<ReportInstance, 'dueMs' | 'submission'>): void => {
    if (!dateInWindow(ctx, i.dueDate)) return;
    const submission = submissions.get(i.key);
    if (!i.required && submission === undefined && i.type !== 'fault') return;
    const inst: ReportInstance = { ...i, dueMs: deadlineOf(ctx, i.dueDate) };
    if (submission !== undefined) inst.submission = submission;
    out.push(inst);
  };
  const months = monthsOfWindow(ctx);
  const overlaps = (from: string, to: string): boolean => from <= serviceEnd && to >= serviceStart;

  // 周报: "每周 1 个工作日内" → W(Sunday of the week, n).
  const weekly = parseDueRule(cfg.reportDue.weekly);
  for (let sunday = isoWeekOf(addDays(ctx.window.firstDay, -28)).sunday; sunday <= ctx.window.lastDay; sunday = addDays(sunday, 7)) {
    const w = isoWeekOf(sunday);
    if (!overlaps(w.monday, w.sunday)) continue;
    const due = workingDayAfterWithin(ctx, sunday, weekly.n);
    if (due === undefined) continue;
    push({
      key: `weekly:${w.weekYear}-W${String(w.week).padStart(2, '0')}`,
      type: 'weekly',
      labelZh: `第 ${w.week} 周周报（${w.monday} 至 ${w.sunday}）`,
      dueDate: due,
      required: required.has('weekly'),
    });
  }
  // 月报: "每月第一周 3 个工作日内" → WM(next month, n).
  const monthly = parseDueRule(cfg.reportDue.monthly);
  for (const dueMonth of months) {
    const ym = addMonthsToDate(`${dueMonth}-01`, -1).slice(0, 7);
    if (!overlaps(`${ym}-01`, `${ym}-31`)) continue;
    push({ key: `monthly:${ym}`, type: 'monthly', labelZh: `${monthZh(ym)}月报`, dueDate: wm(ctx, dueMonth, monthly.n), required: required.has('monthly') });
  }
  // 季报 / 半年报: "每季度或每半年第一周 5 个工作日内" → WM(first month of the next quarter / half, n).
  const quarterly = parseDueRule(cfg.reportDue.quarterly);
  const half = parseDueRule(cfg.reportDue.halfYear);
  for (const dueMonth of months) {
    const m = Number(dueMonth.slice(5, 7));
    const prevLast = addDays(`${dueMonth}-01`, -1);
    if ((m - 1) % 3 === 0) {
      const qFirst = addMonthsToDate(`${dueMonth}-01`, -3);
      if (overlaps(qFirst, prevLast)) {
        const q = quarterOf(qFirst);
        push({
          key: `quarterly:${q}`,
          type: 'quarterly',
          labelZh: `${q.slice(0, 4)} 年第 ${q.slice(6)} 季度季报`,
          dueDate: wm(ctx, dueMonth, quarterly.n),
          required: required.has('quarterly'),
        });
      }
    }
    if (m === 1 || m === 7) {
      const hFirst = addMonthsToDate(`${dueMonth}-01`, -6);
      if (overlaps(hFirst, prevLast)) {
        const h = halfOf(hFirst);
        push({
          key: `half-year:${h}`,
          type: 'half-year',
          labelZh: `${h.slice(0, 4)} 年${h.endsWith('1') ? '上' : '下'}半年半年报`,
          dueDate: wm(ctx, dueMonth, half.n),
          required: required.has('half-year'),
        });
      }
    }
  }
  // 年终总结报告: "年底前" → bj.annualReportDue.
  push({ key: 'annual', type: 'annual', labelZh: '年终总结报告', dueDate: cfg.annualReportDue, required: required.has('annual') });

  // 故障报告: "故障解除完成后 3 个工作日内" → W(resolution date, n).
  const fault = parseDueRule(cfg.reportDue.fault);
  const faultReports = reports.filter((r) => r.data.reportType === 'fault');
  for (const t of evidenceOf(ctx, 'fault')) {
    if (t.data.resolvedAt === undefined || t.data.plannedDowntime === true) continue;
    const resolvedDate = localDateOf(parseInstant(t.data.resolvedAt));
    const due = workingDayAfterWithin(ctx, resolvedDate, fault.n);
    if (due === undefined || !dateInWindow(ctx, due)) continue;
    let submission: { ms: number; ref: EvidenceRef } | undefined;
    if (t.data.reportSubmittedAt !== undefined) {
      submission = { ms: parseInstant(t.data.reportSubmittedAt), ref: refOf(t, '/reportSubmittedAt') };
    }
    for (const r of faultReports) {
      if (r.data.coversFrom <= resolvedDate && resolvedDate <= r.data.coversTo) {
        submission = earliest(submission, { ms: parseInstant(r.data.submittedAt), ref: refOf(r, '/submittedAt') });
      }
    }
    const inst: ReportInstance = {
      key: `fault:${t.id}`,
      type: 'fault',
      labelZh: `故障工单 ${t.data.ticketNo} 的故障报告（故障于 ${resolvedDate} 解除）`,
      dueDate: due,
      dueMs: deadlineOf(ctx, due),
      required: required.has('fault'),
      ticket: t,
    };
    if (submission !== undefined) inst.submission = submission;
    if (inst.required || submission !== undefined) out.push(inst);
  }
  return out.sort((a, b) => a.dueMs - b.dueMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
