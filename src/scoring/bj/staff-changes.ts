import { parseInstant, subtractDuration } from '../../calendar/index.ts';
import type { BjContext, BjLine } from './context.ts';
import { evidenceOf, inWindow, notice, refOf } from './context.ts';
import { deadlineZh, pointsPhraseZh, timeZh } from './format-zh.ts';
import { counted, info } from './lines.ts';
import { fixedPoints } from './rule-table.ts';

function noticeZh(duration: string): string {
  const m = /^P(\d+)([DWM])$/.exec(duration);
  if (!m) return duration;
  return `${m[1]} ${m[2] === 'D' ? '天' : m[2] === 'W' ? '周' : '个月'}`;
}

/**
 * R08 人员变动未及时沟通 (BJ §六.2 (002:L141) over BJ T (002:L440), B12): on-site staff changes need
 * `bj.onsiteNotice` (1 month), off-site ones `bj.offsiteNotice` (1 week). The notice is due at
 * effectiveAt − notice, and a breach belongs to the period containing that deadline (like R16).
 */
export function scoreStaffChanges(ctx: BjContext): BjLine[] {
  const rule = ctx.rules.byTrigger('staff-change.late-notice');
  const out: BjLine[] = [];
  for (const r of evidenceOf(ctx, 'staff-change')) {
    const c = r.data;
    const staff = ctx.registry.staffById.get(c.staffId);
    // A staff member not in staff.json (a new hire) is held to the on-site notice, the table's general rule.
    const onsite = staff === undefined || staff.serviceType === '现场服务';
    if (staff === undefined) {
      notice(ctx, 'warnings', 'bj/staff-change-unknown-staff', `人员变动涉及未登记人员 ${c.staffId}，按现场人员提前期（cfg bj.onsiteNotice）核对`, [refOf(r, '/staffId')]);
    }
    const period = onsite ? ctx.config.onsiteNotice : ctx.config.offsiteNotice;
    const effectiveMs = parseInstant(c.effectiveAt);
    const dueMs = subtractDuration(effectiveMs, period);
    if (!inWindow(ctx, dueMs)) continue;
    const submittedMs = parseInstant(c.submittedAt);
    const who = staff ? `${staff.nameZh}（${c.staffId}，${staff.serviceType}）` : c.staffId;
    const text = `${who}${c.changeType}，${timeZh(effectiveMs)} 生效，须提前 ${noticeZh(period)}即 ${deadlineZh(dueMs)} 前通知甲方，实际 ${timeZh(submittedMs)} 提交申请`;
    const ev = [refOf(r, '/submittedAt')];
    if (submittedMs > dueMs) {
      const p = fixedPoints(rule);
      out.push(counted(rule, p, `${text}，${pointsPhraseZh(p)}`, ev, dueMs));
    } else {
      out.push(info(rule, `${text}，按时`, ev, dueMs));
    }
    if ((c.changeType === '调离' || c.changeType === '替换') && c.approvedAt === undefined) {
      notice(ctx, 'warnings', 'bj/staff-change-unconfirmed', `${who}${c.changeType}的交接单尚无甲方确认时间（BJ §六.2）`, ev);
    }
  }
  return out;
}
