import { civilDayPeriod, localDateOf, parseInstant } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { ratio } from '../../decimal/index.ts';
import type { BjContext, BjLine } from './context.ts';
import { evidenceOf, inWindow, notice, refOf } from './context.ts';
import { percentZh, pointsPhraseZh, quoteZh, timeZh } from './format-zh.ts';
import { counted, info } from './lines.ts';
import { outcomeOf } from './rule-table.ts';

/** R49 服务态度: each complaint or praise received in the window, by the person's level. */
function feedback(ctx: BjContext): BjLine[] {
  const rule = ctx.rules.byTrigger('feedback');
  const out: BjLine[] = [];
  for (const r of evidenceOf(ctx, 'feedback')) {
    const f = r.data;
    const at = parseInstant(f.receivedAt);
    if (!inWindow(ctx, at)) continue;
    const outcome = `${f.feedbackType === '投诉' ? 'complaint' : 'praise'}-${f.personLevel === '重要人员' ? 'important' : 'general'}`;
    const o = outcomeOf(rule, outcome);
    const who = f.personLevel === '重要人员' ? '重要人员（处级及以上领导）' : '一般人员';
    out.push(counted(rule, o.value, `${timeZh(at)} 收到${who}${f.feedbackType}：${quoteZh(f.contentZh)}，${pointsPhraseZh(o.value)}`, [refOf(r, '/feedbackType')], at));
  }
  return out;
}

/**
 * R50 整体满意度: per survey issued in the window, the result's points; no result once `bj.surveyReplyDays` have
 * passed (civil-code days, A34) is "无满意度调查反馈" −1 (B18). No survey issued → the rule is not applicable.
 */
function surveys(ctx: BjContext): BjLine[] {
  const rule = ctx.rules.byTrigger('survey.result');
  const out: BjLine[] = [];
  for (const r of evidenceOf(ctx, 'survey')) {
    const s = r.data;
    const issued = parseInstant(s.issuedAt);
    if (!inWindow(ctx, issued)) continue;
    const head = `${timeZh(issued)} 发出的整体满意度调查`;
    if (s.result !== undefined) {
      const o = outcomeOf(rule, s.result);
      out.push(counted(rule, o.value, `${head}结果为“${s.result}”，${pointsPhraseZh(o.value)}`, [refOf(r, '/result')], issued));
      continue;
    }
    const reply = civilDayPeriod(localDateOf(issued), ctx.config.surveyReplyDays);
    if (ctx.asOfMs >= reply.endExclusive) {
      const o = outcomeOf(rule, 'no-feedback');
      out.push(counted(rule, o.value, `${head}在 ${ctx.config.surveyReplyDays} 日内（至 ${reply.lastDay}）无反馈，${pointsPhraseZh(o.value)}`, [refOf(r)], issued));
    } else {
      out.push(info(rule, `${head}尚在 ${ctx.config.surveyReplyDays} 日反馈期内（至 ${reply.lastDay}）`, [refOf(r)], issued));
    }
  }
  return out;
}

/** §七.2(7) satisfaction rate over the surveys of the window with a result: share in `bj.satisfactionRateLevels` (B20). */
export function satisfactionRate(ctx: BjContext): { rate: Exact; satisfied: number; responses: number } | undefined {
  const results = evidenceOf(ctx, 'survey').filter((r) => r.data.result !== undefined && inWindow(ctx, parseInstant(r.data.issuedAt)));
  if (results.length === 0) return undefined;
  const levels = new Set<string>(ctx.config.satisfactionRateLevels);
  const satisfied = results.filter((r) => levels.has(r.data.result as string)).length;
  return { rate: ratio(satisfied, results.length), satisfied, responses: results.length };
}

/** R49 and R50, plus a warning when the §七.2(7) satisfaction rate is not above 95%. */
export function scoreSatisfaction(ctx: BjContext): BjLine[] {
  const rate = satisfactionRate(ctx);
  if (rate !== undefined && !rate.rate.gt('0.95')) {
    notice(
      ctx,
      'warnings',
      'bj/satisfaction-rate',
      `满意率（${ctx.config.satisfactionRateLevels.join('、')}）${rate.satisfied}/${rate.responses} = ${percentZh(rate.rate)}，未达到验收指标“大于 95%”（BJ §七.2(7)）`,
    );
  }
  return [...feedback(ctx), ...surveys(ctx)];
}
