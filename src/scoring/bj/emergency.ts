import { daysBetween, parseInstant, startOfLocalDay } from '../../calendar/index.ts';
import type { ArchiveDocument } from '../../model/index.ts';
import type { ScoredRecord } from '../input.ts';
import type { BjContext, BjLine } from './context.ts';
import { evidenceOf, inWindow, notice, refOf } from './context.ts';
import { pointsPhraseZh, quoteZh, timeZh } from './format-zh.ts';
import { counted, info } from './lines.ts';
import { fixedPoints, outcomeOf } from './rule-table.ts';

/** Archive documents of a checklist code uploaded by the end of the window and effective on or before its last day. */
export function docsInForce(ctx: BjContext, code: string): ScoredRecord<ArchiveDocument>[] {
  return evidenceOf(ctx, 'archive').filter(
    (r) => r.data.docKind === code && r.data.effectiveFrom <= ctx.window.lastDay && parseInstant(r.data.uploadedAt) < ctx.window.endMs,
  );
}

/** A half-year [from, to] (dates) intersected with the service period. */
export interface HalfYear {
  labelZh: string;
  from: string;
  to: string;
}

/**
 * Half-years whose drill is checked in this window (R35, BJ-D02): the half's last service day is in the window and
 * the service covers at least `bj.drillMinServiceDays` of it (`bj.drillSchedule = 'half-year'`).
 */
export function drillHalvesDue(ctx: BjContext): HalfYear[] {
  if (ctx.config.drillSchedule === 'none') return [];
  const [serviceStart, serviceEnd] = ctx.config.servicePeriod;
  const out: HalfYear[] = [];
  for (let y = Number(ctx.window.firstDay.slice(0, 4)) - 1; y <= Number(ctx.window.lastDay.slice(0, 4)); y += 1) {
    for (const h of [1, 2]) {
      const hFrom = h === 1 ? `${y}-01-01` : `${y}-07-01`;
      const hTo = h === 1 ? `${y}-06-30` : `${y}-12-31`;
      const from = hFrom > serviceStart ? hFrom : serviceStart;
      const to = hTo < serviceEnd ? hTo : serviceEnd;
      if (from > to || to < ctx.window.firstDay || to > ctx.window.lastDay) continue;
      if (daysBetween(from, to) + 1 < ctx.config.drillMinServiceDays) continue;
      out.push({ labelZh: `${y} 年${h === 1 ? '上' : '下'}半年（${from} 至 ${to}）`, from, to });
    }
  }
  return out;
}

/** Drill records of a half: BJ-D02 documents dated (`effectiveFrom`) inside it. */
export function drillsIn(ctx: BjContext, half: HalfYear): ScoredRecord<ArchiveDocument>[] {
  return evidenceOf(ctx, 'archive').filter((r) => r.data.docKind === 'BJ-D02' && r.data.effectiveFrom >= half.from && r.data.effectiveFrom <= half.to);
}

/** R34 预案 and R35 演练 (once per period), R36 应急响应, R37 应急处置时间, R38 意见建议被采纳. */
export function scoreEmergency(ctx: BjContext): BjLine[] {
  const plan = ctx.rules.byTrigger('emergency-plan.missing');
  const drill = ctx.rules.byTrigger('emergency-drill.missing');
  const response = ctx.rules.byTrigger('emergency.response');
  const completion = ctx.rules.byTrigger('emergency.completion');
  const adopted = ctx.rules.byTrigger('suggestion.adopted.emergency');
  const out: BjLine[] = [];
  const start = ctx.window.startMs;

  const plans = docsInForce(ctx, 'BJ-D01');
  if (plans.length === 0) {
    const p = fixedPoints(plan);
    out.push(counted(plan, p, `截至 ${ctx.window.lastDay} 没有有效的应急预案（BJ-D01），${pointsPhraseZh(p)}`, [], start));
  } else {
    out.push(info(plan, `应急预案（BJ-D01）有效`, plans.map((r) => refOf(r, '/effectiveFrom')), start));
  }
  const drillPlans = docsInForce(ctx, 'BJ-D02');
  if (drillPlans.length === 0) {
    const p = fixedPoints(drill);
    out.push(counted(drill, p, `截至 ${ctx.window.lastDay} 没有演练计划（BJ-D02），${pointsPhraseZh(p)}`, [], start));
  } else {
    out.push(info(drill, `演练计划（BJ-D02）有效`, drillPlans.map((r) => refOf(r, '/effectiveFrom')), start));
  }
  for (const half of drillHalvesDue(ctx)) {
    const held = drillsIn(ctx, half);
    const at = startOfLocalDay(half.to);
    if (held.length === 0) {
      const p = fixedPoints(drill);
      out.push(counted(drill, p, `${half.labelZh}没有演练记录（cfg bj.drillSchedule = half-year），有计划不演练，${pointsPhraseZh(p)}`, [], at));
    } else {
      out.push(info(drill, `${half.labelZh}已演练`, held.map((r) => refOf(r, '/effectiveFrom')), at));
    }
  }

  // R36 / R37 per emergency event declared in the window.
  const events = evidenceOf(ctx, 'emergency').filter((r) => inWindow(ctx, parseInstant(r.data.declaredAt)));
  let responseDeductions = 0;
  let unresolved = 0;
  for (const r of events) {
    const e = r.data;
    const at = parseInstant(e.declaredAt);
    const name = `应急事件“${e.titleZh}”（${e.planLevel}，${timeZh(at)} 启动）`;
    const dueBy = parseInstant(e.dueBy);
    const respondBy = e.respondBy === undefined ? undefined : parseInstant(e.respondBy);
    const respondedMs = e.respondedAt === undefined ? undefined : parseInstant(e.respondedAt);
    if (respondedMs === undefined) {
      if (ctx.asOfMs > (respondBy ?? dueBy)) {
        const o = outcomeOf(response, 'no-response');
        out.push(counted(response, o.value, `${name}未响应，${pointsPhraseZh(o.value)}`, [refOf(r)], at));
        responseDeductions += 1;
      } else unresolved += 1;
    } else if (respondBy !== undefined && respondedMs > respondBy) {
      const o = outcomeOf(response, 'late-response');
      out.push(counted(response, o.value, `${name}应于 ${timeZh(respondBy)} 前响应，实际 ${timeZh(respondedMs)} 响应，响应不及时，${pointsPhraseZh(o.value)}`, [refOf(r, '/respondedAt')], at));
      responseDeductions += 1;
    } else {
      if (respondBy === undefined) {
        notice(ctx, 'warnings', 'bj/emergency-no-respond-by', `${name}没有规定的响应时限（respondBy，专项应急预案分级规范），只核对是否响应`, [refOf(r)]);
      }
      out.push(info(response, `${name}于 ${timeZh(respondedMs)} 响应${respondBy === undefined ? '' : '，及时'}`, [refOf(r, '/respondedAt')], at));
    }
    const completedMs = e.completedAt === undefined ? undefined : parseInstant(e.completedAt);
    if (completedMs !== undefined && completedMs <= dueBy) {
      const o = outcomeOf(completion, 'on-time');
      out.push(info(completion, `${name}应于 ${timeZh(dueBy)} 前完成，${timeZh(completedMs)} 完成，${pointsPhraseZh(o.value)}`, [refOf(r, '/completedAt')], at));
    } else if (completedMs !== undefined) {
      const o = outcomeOf(completion, 'late');
      out.push(counted(completion, o.value, `${name}应于 ${timeZh(dueBy)} 前完成，${timeZh(completedMs)} 才完成，${pointsPhraseZh(o.value)}`, [refOf(r, '/completedAt')], at));
    } else if (ctx.asOfMs > dueBy) {
      // "未完成、无反馈扣 1 分，未能在规定时间内完成扣 0.5 分": an overdue event with feedback is only late.
      const o = outcomeOf(completion, e.feedbackAt === undefined ? 'not-completed' : 'late');
      const what = e.feedbackAt === undefined ? '未完成、无反馈' : `未完成，已于 ${timeZh(parseInstant(e.feedbackAt))} 反馈`;
      out.push(counted(completion, o.value, `${name}应于 ${timeZh(dueBy)} 前完成，截至 ${timeZh(ctx.asOfMs)} ${what}，${pointsPhraseZh(o.value)}`, [refOf(r)], at));
    }
  }
  // "考核周期内，无扣分项，加 1 分": once per period, only with ≥ 1 event when bj.bonusRequiresEvent (B14).
  const bonus = outcomeOf(response, 'no-deduction');
  const last = startOfLocalDay(ctx.window.lastDay);
  if (responseDeductions === 0 && unresolved === 0) {
    if (events.length > 0 || !ctx.config.bonusRequiresEvent) {
      const what = events.length > 0 ? `本考核期 ${events.length} 个应急事件均及时响应` : '本考核期无应急事件（cfg bj.bonusRequiresEvent = false）';
      out.push(counted(response, bonus.value, `${what}，无扣分项，${pointsPhraseZh(bonus.value)}`, events.map((r) => refOf(r)), last));
    } else {
      out.push(info(response, '本考核期无应急事件，不加分（cfg bj.bonusRequiresEvent）', [], last));
    }
  }

  for (const r of evidenceOf(ctx, 'suggestion')) {
    const s = r.data;
    if (s.context !== 'emergency' || s.adoptedAt === undefined) continue;
    const at = parseInstant(s.adoptedAt);
    if (!inWindow(ctx, at)) continue;
    const p = fixedPoints(adopted);
    out.push(counted(adopted, p, `应急处置意见建议“${quoteZh(s.contentZh)}”于 ${timeZh(at)} 被采纳，${pointsPhraseZh(p)}`, [refOf(r, '/adoptedAt')], at));
  }
  return out;
}
