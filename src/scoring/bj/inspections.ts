import { addDays, addDuration, isoWeekOf, localDateOf, parseInstant, startOfLocalDay } from '../../calendar/index.ts';
import type { EvidenceRef } from '../../ledger/index.ts';
import type { InspectionRecord } from '../../model/index.ts';
import type { ScoredRecord } from '../input.ts';
import type { BjContext, BjLine } from './context.ts';
import { evidenceOf, inWindow, refOf } from './context.ts';
import { durationZh, pointsPhraseZh, quoteZh, timeZh } from './format-zh.ts';
import { counted, info } from './lines.ts';
import { fixedPoints } from './rule-table.ts';

/** BJ T '巡检反馈及时性' (002:L463): "发现运维范围内问题后，未在 15 分钟内反馈的，扣 0.5 分". */
export const FEEDBACK_LIMIT = 'PT15M';

/** One required inspection slot (a day for page checks, an ISO week for server checks) and what covered it. */
export interface InspectionSlot {
  mode: 'page-availability' | 'server';
  /** Day `2026-11-05`, or week `2026-W47`. */
  key: string;
  labelZh: string;
  from: string;
  to: string;
  /** Instant the slot is over: it can be missed only after this. */
  endMs: number;
  covered: ScoredRecord<InspectionRecord>[];
}

/** Inspections that count for a slot: valid, of the mode, with the 巡检报告 attached (BJ §七.2(1) "并提供巡检报告"). */
function usable(ctx: BjContext, mode: 'page-availability' | 'server'): ScoredRecord<InspectionRecord>[] {
  return evidenceOf(ctx, 'inspection').filter((r) => r.data.mode === mode && r.data.reportAttachment !== undefined);
}

/**
 * Required slots of the window (spec §5.5): every calendar day (or working day, `bj.pageInspectionDays`) for the
 * page check, every ISO week whose Thursday is in the window for the server check; days outside the service period
 * are not required.
 */
export function inspectionSlots(ctx: BjContext): InspectionSlot[] {
  const [serviceStart, serviceEnd] = ctx.config.servicePeriod;
  const dateOf = (r: ScoredRecord<InspectionRecord>): string => localDateOf(parseInstant(r.data.inspectedAt));
  const pages = usable(ctx, 'page-availability');
  const servers = usable(ctx, 'server');
  const slots: InspectionSlot[] = [];
  for (let d = ctx.window.firstDay; d <= ctx.window.lastDay; d = addDays(d, 1)) {
    if (d < serviceStart || d > serviceEnd) continue;
    if (ctx.config.pageInspectionDays === 'working' && !ctx.calendar.isWorkingDay(d)) continue;
    slots.push({
      mode: 'page-availability',
      key: d,
      labelZh: d,
      from: d,
      to: d,
      endMs: startOfLocalDay(addDays(d, 1)),
      covered: pages.filter((r) => dateOf(r) === d),
    });
  }
  const firstThursday = isoWeekOf(ctx.window.firstDay).thursday;
  for (let th = firstThursday; th <= ctx.window.lastDay; th = addDays(th, 7)) {
    if (th < ctx.window.firstDay || th < serviceStart || th > serviceEnd) continue;
    const w = isoWeekOf(th);
    slots.push({
      mode: 'server',
      key: `${w.weekYear}-W${String(w.week).padStart(2, '0')}`,
      labelZh: `第 ${w.week} 周（${w.monday} 至 ${w.sunday}）`,
      from: w.monday,
      to: w.sunday,
      endMs: startOfLocalDay(addDays(w.sunday, 1)),
      covered: servers.filter((r) => dateOf(r) >= w.monday && dateOf(r) <= w.sunday),
    });
  }
  return slots;
}

/** R29 巡检完成情况: one line per missed slot, plus a summary line per mode. */
function completion(ctx: BjContext): BjLine[] {
  const rule = ctx.rules.byTrigger('inspection.missed-slot');
  const out: BjLine[] = [];
  const slots = inspectionSlots(ctx);
  for (const mode of ['page-availability', 'server'] as const) {
    const mine = slots.filter((s) => s.mode === mode);
    if (mine.length === 0) continue;
    const due = mine.filter((s) => s.endMs <= ctx.asOfMs);
    const missed = due.filter((s) => s.covered.length === 0);
    const what = mode === 'page-availability' ? '系统页面业务可用性巡检' : '服务器端巡检';
    const unit = mode === 'page-availability' ? (ctx.config.pageInspectionDays === 'working' ? '个工作日' : '天') : '周';
    for (const s of missed) {
      const p = fixedPoints(rule);
      const slot = mode === 'page-availability' ? `${s.labelZh} 无${what}记录（每日至少 1 次）` : `${s.labelZh}无${what}记录（每周至少 1 次）`;
      out.push(counted(rule, p, `${slot}，漏检，${pointsPhraseZh(p)}`, [], startOfLocalDay(s.from)));
    }
    const coveredRefs: EvidenceRef[] = due.flatMap((s) => s.covered.map((r) => refOf(r, '/inspectedAt')));
    const pendingNote = due.length < mine.length ? `（另有 ${mine.length - due.length} ${unit}尚未结束）` : '';
    out.push(info(rule, `${what}：应巡检 ${due.length} ${unit}，已巡检 ${due.length - missed.length} ${unit}${pendingNote}`, coveredRefs, ctx.window.startMs));
  }
  return out;
}

/** R30 巡检反馈及时性 (in-scope finding fed back > 15 min after it was found) and R31 out-of-scope finds fed back the same day. */
function findings(ctx: BjContext): BjLine[] {
  const late = ctx.rules.byTrigger('inspection.late-feedback');
  const outside = ctx.rules.byTrigger('inspection.out-of-scope-finding');
  const out: BjLine[] = [];
  for (const r of evidenceOf(ctx, 'inspection')) {
    r.data.findings.forEach((f, i) => {
      const found = parseInstant(f.foundAt);
      if (!inWindow(ctx, found)) return;
      const ev = [refOf(r, `/findings/${i}`)];
      const fb = f.feedbackAt === undefined ? undefined : parseInstant(f.feedbackAt);
      const head = `巡检于 ${timeZh(found)} 发现“${quoteZh(f.descZh)}”`;
      if (f.inScope) {
        const due = addDuration(found, FEEDBACK_LIMIT);
        if (fb !== undefined && fb <= due) {
          out.push(info(late, `${head}（运维范围内），${timeZh(fb)} 反馈，用时 ${durationZh(fb - found)}，未超过 15 分钟`, ev, found));
        } else if (fb !== undefined || ctx.asOfMs > due) {
          const p = fixedPoints(late);
          const what = fb === undefined ? '未反馈' : `${timeZh(fb)} 才反馈，用时 ${durationZh(fb - found)}`;
          out.push(counted(late, p, `${head}（运维范围内），${what}，超过 15 分钟，${pointsPhraseZh(p)}`, ev, found));
        }
      } else if (fb !== undefined && localDateOf(fb) === localDateOf(found) && fb >= found) {
        const p = fixedPoints(outside);
        out.push(counted(outside, p, `${head}（运维范围外），当日 ${timeZh(fb)} 反馈，${pointsPhraseZh(p)}`, ev, found));
      } else {
        out.push(info(outside, `${head}（运维范围外），未在当日反馈，不加分`, ev, found));
      }
    });
  }
  return out;
}

/** Inspection rules R29–R31. */
export function scoreInspections(ctx: BjContext): BjLine[] {
  return [...completion(ctx), ...findings(ctx)];
}
