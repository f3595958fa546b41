import { addDuration, durationMs, parseInstant } from '../../calendar/index.ts';
import type { FaultLevel, FaultTicket, LevelOverrideDecision } from '../../model/index.ts';
import type { ScoredRecord } from '../input.ts';
import type { BjContext, BjLine } from './context.ts';
import { evidenceOf, inWindow, notice, refOf, reviewsOf } from './context.ts';
import { durationZh, pointsPhraseZh, quoteZh, timeZh } from './format-zh.ts';
import { counted, info } from './lines.ts';
import { fixedPoints } from './rule-table.ts';

/** BJ T '派工及时性' (002:L466): "超过半小时未反馈或分配给二线技术支持的，需扣分". */
export const DISPATCH_LIMIT = 'PT30M';

const LEVEL_ZH: Record<FaultLevel, string> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' };

/** Clock start of the Beijing SLA (spec §5.6): 接到通知 `notifiedAt`, else `reportedAt`. */
export function clockStart(t: FaultTicket): number {
  return parseInstant(t.notifiedAt ?? t.reportedAt);
}

/** The effective level: a reviewer `level-override` decision (latest), else the ticket's own override, else its level. */
export function effectiveLevel(ctx: BjContext, rec: ScoredRecord<FaultTicket>): { level: FaultLevel; by: 'reviewer' | 'ticket' | 'vendor' } {
  const decisions = reviewsOf(ctx, 'decision')
    .map((d) => d.data)
    .filter((d): d is LevelOverrideDecision => d.decisionType === 'level-override' && d.ticketId === rec.id)
    .sort((a, b) => parseInstant(a.decidedAt) - parseInstant(b.decidedAt) || (a.id < b.id ? -1 : 1));
  const last = decisions.at(-1);
  if (last) return { level: last.level, by: 'reviewer' };
  if (rec.data.levelOverride) return { level: rec.data.levelOverride.level, by: 'ticket' };
  return { level: rec.data.level, by: 'vendor' };
}

/** Limit phrase of an ISO duration: `30 分钟`, `1 小时`, `8 小时`. */
function limitZh(duration: string): string {
  return durationZh(durationMs(duration));
}

/**
 * Ticket rules, each ticket in the period of its clock start: R39 响应时间 (remote ≤ 30 min and, if on-site is
 * required, arrival ≤ 1 h; one deduction per ticket), R40 处置时间 (≤ 8 h unless a third-party vendor is involved),
 * R33 派工及时性 (escalation to the 2nd line ≤ 30 min), R44/R45 一级/二级故障, R48 recurrence, plus R41 (fault suggestions adopted in the period). Boundaries are
 * inclusive (§0.2: "不超过"): exactly 30 min is on time.
 */
export function scoreFaults(ctx: BjContext): BjLine[] {
  const response = ctx.rules.byTrigger('fault.late-response');
  const resolution = ctx.rules.byTrigger('fault.late-resolution');
  const dispatch = ctx.rules.byTrigger('fault.late-dispatch');
  const level1 = ctx.rules.byTrigger('fault.level-1');
  const level2 = ctx.rules.byTrigger('fault.level-2');
  const recurrence = ctx.rules.byTrigger('fault.recurrence');
  const sla = ctx.config.faultSla;
  const tickets = evidenceOf(ctx, 'fault');
  const ticketNos = new Set(tickets.map((t) => t.data.ticketNo));
  const out: BjLine[] = [];
  for (const rec of tickets) {
    const t = rec.data;
    const t0 = clockStart(t);
    if (!inWindow(ctx, t0)) continue;
    const name = `故障工单 ${t.ticketNo} `;
    if (t.plannedDowntime === true) {
      out.push(info(response, `${name}为计划内停机，不计入故障考核`, [refOf(rec, '/plannedDowntime')], t0));
      continue;
    }
    if (t.systemId !== undefined && t.downtimeCountsForAvailability === undefined) {
      notice(ctx, 'warnings', 'bj/fault-availability-unmarked', `${name}未标注 downtimeCountsForAvailability，可用性按 cfg bj.availabilityTicketDefault = ${ctx.config.availabilityTicketDefault} 处理`, [refOf(rec)]);
    }
    const head = `${name}于 ${timeZh(t0)} 接到通知`;

    // R39
    const remoteDue = addDuration(t0, sla.remoteResponse);
    const remoteAt = t.remoteRespondedAt ?? t.respondedAt;
    const remoteMs = remoteAt === undefined ? undefined : parseInstant(remoteAt);
    const parts: string[] = [];
    let late = false;
    let pending = false;
    if (remoteMs === undefined) {
      if (ctx.asOfMs > remoteDue) {
        late = true;
        parts.push(`无远程响应记录（时限 ${limitZh(sla.remoteResponse)}）`);
      } else pending = true;
    } else {
      const ok = remoteMs <= remoteDue;
      late ||= !ok;
      parts.push(`远程响应 ${timeZh(remoteMs)}，用时 ${durationZh(remoteMs - t0)}（${ok ? '≤' : '超过'} ${limitZh(sla.remoteResponse)}）`);
    }
    if (t.onSiteRequired === true) {
      const siteDue = addDuration(t0, sla.onSite);
      if (t.onSiteArrivedAt === undefined) {
        if (ctx.asOfMs > siteDue) {
          late = true;
          parts.push(`无现场到达记录（时限 ${limitZh(sla.onSite)}）`);
        } else pending = true;
      } else {
        const siteMs = parseInstant(t.onSiteArrivedAt);
        const ok = siteMs <= siteDue;
        late ||= !ok;
        parts.push(`现场到达 ${timeZh(siteMs)}，用时 ${durationZh(siteMs - t0)}（${ok ? '≤' : '超过'} ${limitZh(sla.onSite)}）`);
      }
    }
    const responseRefs = [refOf(rec, t.remoteRespondedAt !== undefined ? '/remoteRespondedAt' : '/respondedAt')];
    if (t.onSiteRequired === true) responseRefs.push(refOf(rec, '/onSiteArrivedAt'));
    if (late) {
      const p = fixedPoints(response);
      out.push(counted(response, p, `${head}，${parts.join('，')}，响应超时（每张工单只扣一次），${pointsPhraseZh(p)}`, responseRefs, t0));
    } else if (!pending) {
      out.push(info(response, `${head}，${parts.join('，')}，未超时`, responseRefs, t0));
    }

    // R40
    if (t.thirdPartyVendor === true) {
      out.push(info(resolution, `${head}，涉及第三方厂商，不考核 ${limitZh(sla.fix)} 处置时间（BJ §七.2(6)）`, [refOf(rec, '/thirdPartyVendor')], t0));
    } else {
      const fixDue = addDuration(t0, sla.fix);
      if (t.resolvedAt !== undefined) {
        const fixMs = parseInstant(t.resolvedAt);
        const text = `${head}，${timeZh(fixMs)} 解决，用时 ${durationZh(fixMs - t0)}`;
        if (fixMs > fixDue) {
          const p = fixedPoints(resolution);
          out.push(counted(resolution, p, `${text}，超过 ${limitZh(sla.fix)}，${pointsPhraseZh(p)}`, [refOf(rec, '/resolvedAt')], t0));
        } else {
          out.push(info(resolution, `${text}，未超过 ${limitZh(sla.fix)}`, [refOf(rec, '/resolvedAt')], t0));
        }
      } else if (ctx.asOfMs > fixDue) {
        const p = fixedPoints(resolution);
        out.push(counted(resolution, p, `${head}，截至 ${timeZh(ctx.asOfMs)} 仍未解决，超过 ${limitZh(sla.fix)}，${pointsPhraseZh(p)}`, [refOf(rec)], t0));
      }
    }

    // R33
    if (t.escalatedToSecondLineAt !== undefined) {
      const escMs = parseInstant(t.escalatedToSecondLineAt);
      const due = addDuration(t0, DISPATCH_LIMIT);
      const text = `${head}，${timeZh(escMs)} 分配给二线技术支持，用时 ${durationZh(escMs - t0)}`;
      if (escMs > due) {
        const p = fixedPoints(dispatch);
        out.push(counted(dispatch, p, `${text}，超过半小时，${pointsPhraseZh(p)}`, [refOf(rec, '/escalatedToSecondLineAt')], t0));
      } else {
        out.push(info(dispatch, `${text}，未超过半小时`, [refOf(rec, '/escalatedToSecondLineAt')], t0));
      }
    }

    // R44 / R45
    const { level, by } = effectiveLevel(ctx, rec);
    const levelNote = by === 'reviewer' ? '（审核人员认定级别）' : by === 'ticket' ? '（工单改定级别）' : '';
    if (level === 1 || level === 2) {
      const rule = level === 1 ? level1 : level2;
      const p = fixedPoints(rule);
      out.push(counted(rule, p, `${name}为${LEVEL_ZH[level]}故障${levelNote}，${pointsPhraseZh(p)}`, [refOf(rec, '/level')], t0));
    }

    // R48
    if (t.recurrenceOf !== undefined) {
      const p = fixedPoints(recurrence);
      if (!ticketNos.has(t.recurrenceOf)) {
        notice(ctx, 'warnings', 'bj/fault-recurrence-unknown', `${name}标注为 ${t.recurrenceOf} 的重复故障，但找不到该工单`, [refOf(rec, '/recurrenceOf')]);
      }
      out.push(counted(recurrence, p, `${name}为 ${t.recurrenceOf} 同一设备相同问题维护后再次发生，${pointsPhraseZh(p)}`, [refOf(rec, '/recurrenceOf')], t0));
    }
  }
  const adopted = ctx.rules.byTrigger('suggestion.adopted.fault');
  for (const r of evidenceOf(ctx, 'suggestion')) {
    const s = r.data;
    if (s.context !== 'fault' || s.adoptedAt === undefined) continue;
    const at = parseInstant(s.adoptedAt);
    if (!inWindow(ctx, at)) continue;
    const p = fixedPoints(adopted);
    out.push(counted(adopted, p, `故障处置意见建议“${quoteZh(s.contentZh)}”于 ${timeZh(at)} 被采纳，${pointsPhraseZh(p)}`, [refOf(r, '/adoptedAt')], at));
  }
  return out;
}
