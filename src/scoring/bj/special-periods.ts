import { addDays, parseInstant, startOfLocalDay } from '../../calendar/index.ts';
import type { SpecialPeriod } from '../../model/index.ts';
import type { DesignatedSpecialPeriod } from '../../model/registry.ts';
import type { ScoredRecord } from '../input.ts';
import type { BjContext, BjLine } from './context.ts';
import { dateInWindow, evidenceOf, inWindow, notice, refOf } from './context.ts';
import { pointsPhraseZh, quoteZh, timeZh } from './format-zh.ts';
import { counted, info } from './lines.ts';
import { fixedPoints, outcomeOf } from './rule-table.ts';

/**
 * The designated list. `ContractRegistry.specialPeriods` holds special-periods.json entries (the registry model's
 * `SpecialPeriod`), although its declared type names the evidence kind of the same name.
 */
export function designatedSpecialPeriods(ctx: Pick<BjContext, 'registry'>): DesignatedSpecialPeriod[] {
  return ctx.registry.specialPeriods;
}

/** A designated special period (B15) with the vendor's 保障 records for it. */
export interface SpecialPeriodStatus {
  designated: DesignatedSpecialPeriod;
  startMs: number;
  records: ScoredRecord<SpecialPeriod>[];
  /** The first record whose plan was in before the special period began. */
  plan?: ScoredRecord<SpecialPeriod>;
}

/**
 * Designated special periods (`registry.specialPeriods`, loaded from `bj.specialPeriods`) whose last day is in the
 * window: a special period is judged when it is over, so it belongs to the period of its last day. Vendor records
 * match by `specialPeriodId`, or, without one, by overlapping dates.
 */
export function specialPeriodsDue(ctx: BjContext): SpecialPeriodStatus[] {
  const records = evidenceOf(ctx, 'special-period');
  const designated = designatedSpecialPeriods(ctx);
  const out: SpecialPeriodStatus[] = [];
  for (const sp of [...designated].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1))) {
    if (!dateInWindow(ctx, sp.to)) continue;
    const startMs = startOfLocalDay(sp.from);
    const endMs = startOfLocalDay(addDays(sp.to, 1));
    const mine = records.filter((r) =>
      r.data.specialPeriodId !== undefined
        ? r.data.specialPeriodId === sp.id
        : parseInstant(r.data.window.start) < endMs && parseInstant(r.data.window.end) > startMs,
    );
    const plan = mine.find((r) => r.data.plan !== undefined && (r.data.planSubmittedAt === undefined || parseInstant(r.data.planSubmittedAt) <= startMs));
    const s: SpecialPeriodStatus = { designated: sp, startMs, records: mine };
    if (plan) s.plan = plan;
    out.push(s);
  }
  return out;
}

/**
 * R26 保障计划 (−1 per special period without a plan in before it began), R27 事故 (−1 per human-caused accident;
 * +1 for a special period with a 保障 record and no human-caused accident), R28 隐患 (+1 per non-routine hidden
 * danger resolved in the window; the +5 cap comes from rules.json).
 */
export function scoreSpecialPeriods(ctx: BjContext): BjLine[] {
  const noPlan = ctx.rules.byTrigger('special-period.no-plan');
  const accident = ctx.rules.byTrigger('special-period.accident');
  const danger = ctx.rules.byTrigger('hidden-danger.non-routine');
  const out: BjLine[] = [];
  for (const s of specialPeriodsDue(ctx)) {
    const sp = s.designated;
    const name = `特殊时段“${sp.labelZh}”（${sp.from} 至 ${sp.to}）`;
    const at = startOfLocalDay(sp.to);
    if (!sp.confirmed) {
      notice(ctx, 'warnings', 'bj/special-period-unconfirmed', `${name}尚未经审核人员确认（special-periods.json confirmed = false），仍按指定时段考核`);
    }
    if (s.plan) {
      out.push(info(noPlan, `${name}已于开始前制定保障计划`, [refOf(s.plan, '/plan')], at));
    } else {
      const p = fixedPoints(noPlan);
      const late = s.records.find((r) => r.data.plan !== undefined);
      const what = late?.data.planSubmittedAt !== undefined ? `保障计划 ${timeZh(parseInstant(late.data.planSubmittedAt))} 才提交，晚于时段开始` : '没有保障计划';
      out.push(counted(noPlan, p, `${name}${what}，${pointsPhraseZh(p)}`, s.records.map((r) => refOf(r)), at));
    }
    const accidents = s.records.flatMap((r) => r.data.accidents.map((a, i) => ({ r, a, i })));
    const human = accidents.filter((x) => x.a.humanCaused);
    const perAccident = outcomeOf(accident, 'accident');
    for (const { r, a, i } of human) {
      out.push(counted(accident, perAccident.value, `${name}内 ${timeZh(parseInstant(a.occurredAt))} 发生人为事故：${quoteZh(a.descZh)}，${pointsPhraseZh(perAccident.value)}`, [refOf(r, `/accidents/${i}`)], parseInstant(a.occurredAt)));
    }
    if (s.records.length === 0) {
      out.push(info(accident, `${name}没有保障记录，不加分`, [], at));
    } else if (human.length === 0) {
      const bonus = outcomeOf(accident, 'accident-free');
      const other = accidents.length > 0 ? `（另有 ${accidents.length} 起非人为事故）` : '';
      out.push(counted(accident, bonus.value, `${name}保障时期内未出现人为事故${other}，${pointsPhraseZh(bonus.value)}`, s.records.map((r) => refOf(r, '/accidents')), at));
    }
  }
  for (const r of evidenceOf(ctx, 'special-period')) {
    const known = designatedSpecialPeriods(ctx).some((sp) => sp.id === r.data.specialPeriodId);
    if (r.data.specialPeriodId !== undefined && !known && inWindow(ctx, parseInstant(r.data.window.start))) {
      notice(ctx, 'warnings', 'bj/special-period-undesignated', `保障记录引用的特殊时段 ${r.data.specialPeriodId} 不在指定名单中（cfg bj.specialPeriods），未计分`, [refOf(r, '/specialPeriodId')]);
    }
  }
  for (const r of evidenceOf(ctx, 'hidden-danger')) {
    const h = r.data;
    if (h.resolvedAt === undefined) continue;
    const at = parseInstant(h.resolvedAt);
    if (!inWindow(ctx, at)) continue;
    const head = `${timeZh(parseInstant(h.foundAt))} 发现隐患“${quoteZh(h.descZh)}”，${timeZh(parseInstant(h.reportedAt))} 汇报，${timeZh(at)} 解决`;
    if (h.routine) {
      out.push(info(danger, `${head}；属日常应发现的隐患，不加分`, [refOf(r, '/routine')], at));
    } else {
      const p = fixedPoints(danger);
      out.push(counted(danger, p, `${head}，${pointsPhraseZh(p)}`, [refOf(r, '/resolvedAt')], at));
    }
  }
  return out;
}
