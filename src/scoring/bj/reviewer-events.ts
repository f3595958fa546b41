import { parseInstant } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';
import type { ScoreRule } from '../../model/registry.ts';
import type { BjContext, BjLine } from './context.ts';
import { notice, refOf, reviewsInWindow } from './context.ts';
import { pointsPhraseZh, quoteZh } from './format-zh.ts';
import { lineOf } from './lines.ts';
import { outcomesOf, rangeOf, ruleSign } from './rule-table.ts';

/**
 * Reviewer-confirmed rules take reviewer events (spec §3.10): every rule that is not automatic, or that names a
 * reviewer input. Fully automatic rules (R01, R16, R29, R39, …) are computed from evidence only, so an event for
 * one of them is shown but not counted: correct the evidence instead (a `supersedes` record).
 */
export function takesReviewerEvents(rule: ScoreRule): boolean {
  return !rule.auto || rule.reviewerInputs.length > 0;
}

type Resolved = { points: Exact; ok: true } | { points: Exact; ok: false; reasonZh: string };

/** The points of an event: given (signed as in §5.3), or the rule's fixed value; checked against ranges and outcomes. */
function resolvePoints(ctx: BjContext, rule: ScoreRule, given: string | undefined, where: ReturnType<typeof refOf>): Resolved {
  const range = rangeOf(rule);
  const sign = ruleSign(rule);
  let p: Exact | undefined = given === undefined ? undefined : exact(given);
  if (p !== undefined && sign !== 0 && !p.isZero() && p.sign() !== sign) {
    notice(ctx, 'warnings', 'bj/review-event-sign', `审核事件 ${where.id} 的分值 ${given} 与 ${rule.id} 的方向相反，按 ${rule.id} 的方向计为 ${p.neg().toString()}`, [where]);
    p = p.neg();
  }
  if (range) {
    if (p === undefined) return { points: exact(0), ok: false, reasonZh: `${rule.id} 须由审核人员在 ${range.min.toString()} 至 ${range.max.toString()} 分内确定分值` };
    if (p.lt(range.min) || p.gt(range.max)) {
      return { points: p, ok: false, reasonZh: `分值 ${p.toString()} 超出 ${rule.id} 的范围 ${range.min.toString()} 至 ${range.max.toString()}` };
    }
    return { points: p, ok: true };
  }
  if (typeof rule.points === 'string') return { points: p ?? exact(rule.points), ok: true };
  if (p === undefined) return { points: exact(0), ok: false, reasonZh: `${rule.id} 有多个分值档次，审核事件须填写 points` };
  const outcomes = outcomesOf(rule);
  if (outcomes.length > 0 && !outcomes.some((o) => exact(o.points).eq(p as Exact))) {
    return { points: p, ok: false, reasonZh: `分值 ${p.toString()} 不是 ${rule.id} 的任何一档（${outcomes.map((o) => o.points).join('、')}）` };
  }
  return { points: p, ok: true };
}

/** Lines of the reviewer `event` files with a `BJ-Rxx` rule filed under a period of the window. */
export function scoreReviewerEvents(ctx: BjContext): BjLine[] {
  const out: BjLine[] = [];
  for (const r of reviewsInWindow(ctx, 'event')) {
    const e = r.data;
    if (!e.ruleId.startsWith('BJ-R')) {
      notice(ctx, 'warnings', 'bj/review-event-foreign-rule', `审核事件 ${e.id} 的规则 ${e.ruleId} 不属于北京考核表，未计分`, [refOf(r, '/ruleId')]);
      continue;
    }
    const rule = ctx.rules.byId(e.ruleId);
    if (!rule) {
      notice(ctx, 'warnings', 'bj/review-event-unknown-rule', `审核事件 ${e.id} 的规则 ${e.ruleId} 不在 rules.json 中，未计分`, [refOf(r, '/ruleId')]);
      continue;
    }
    const at = parseInstant(e.occurredAt);
    const ev = [refOf(r, e.points === undefined ? '/ruleId' : '/points')];
    if (at < ctx.window.startMs || at >= ctx.window.endMs) {
      notice(ctx, 'warnings', 'bj/review-event-outside', `审核事件 ${e.id} 的发生时间不在其归档考核期内，按归档考核期 ${e.period} 计分`, ev);
    }
    if (e.adjustment !== undefined) {
      notice(ctx, 'warnings', 'bj/review-event-adjustment', `审核事件 ${e.id} 的“${e.adjustment.kind}”调整不适用于北京考核表，未计入；请直接填写 points`, [refOf(r, '/adjustment')]);
    }
    const res = resolvePoints(ctx, rule, e.points, ev[0] as ReturnType<typeof refOf>);
    const head = `审核事件 ${e.id}：${quoteZh(e.descriptionZh)}`;
    if (e.objection?.outcome === 'upheld') {
      out.push(lineOf(rule, exact(0), 'informational', `${head}；乙方异议成立，不计分`, ev, at));
      continue;
    }
    if (e.status === 'draft') {
      notice(ctx, 'blockers', 'bj/review-event-draft', `审核事件 ${e.id}（${rule.id}）尚未定稿`, ev);
      out.push(lineOf(rule, res.points, 'draft', `${head}，拟${pointsPhraseZh(res.points)}（草稿，待审核人员定稿）`, ev, at));
      continue;
    }
    if (!res.ok) {
      notice(ctx, 'blockers', 'bj/review-event-points', `审核事件 ${e.id}：${res.reasonZh}`, ev);
      out.push(lineOf(rule, res.points, 'draft', `${head}；${res.reasonZh}，待更正后计分`, ev, at));
      continue;
    }
    if (!takesReviewerEvents(rule)) {
      notice(ctx, 'warnings', 'bj/review-event-auto-rule', `${rule.id} 由系统根据证据自动计算，审核事件 ${e.id} 未计分；如需更正请更正证据`, ev);
      out.push(lineOf(rule, exact(0), 'informational', `${head}；${rule.id} 为自动计算规则，审核事件不重复计分`, ev, at));
      continue;
    }
    if (e.objection !== undefined && e.objection.outcome === undefined) {
      notice(ctx, 'warnings', 'bj/review-event-objection', `审核事件 ${e.id} 有待复核的异议，复核期间原结果有效`, [refOf(r, '/objection')]);
    }
    out.push(lineOf(rule, res.points, 'counted', `${head}，${pointsPhraseZh(res.points)}`, ev, at));
  }
  return out;
}
