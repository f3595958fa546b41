import { startOfLocalDay } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { exact, sum } from '../../decimal/index.ts';
import type { EvidenceRef } from '../../ledger/index.ts';
import type { AttendanceEvent, ScoreRule } from '../../model/index.ts';
import type { ScoredRecord } from '../input.ts';
import type { BjContext, BjLine } from './context.ts';
import { dateInWindow, evidenceOf, notice, refOf } from './context.ts';
import { monthZh, pointsPhraseZh } from './format-zh.ts';
import { counted, info, lineOf } from './lines.ts';
import { fixedPoints } from './rule-table.ts';

/**
 * BJ T '驻场人员出勤管理' (002:L439): "比规定到岗时间晚 1 小时以内算迟到 … 晚 1 小时以上算旷工". Per spec §0.2 and B11,
 * "以内" includes the number: 60 minutes late is 迟到, 61 is 旷工.
 */
export const LATE_EARLY_LIMIT_MINUTES = 60;

function staffZh(ctx: BjContext, staffId: string): string {
  const s = ctx.registry.staffById.get(staffId);
  return s ? `${s.nameZh}（${staffId}）` : staffId;
}

function isResident(ctx: BjContext, staffId: string): boolean {
  return ctx.registry.staffById.get(staffId)?.resident === true;
}

/** Resident staff active on some day of the month `YYYY-MM`. */
function residentsInMonth(ctx: BjContext, ym: string): string[] {
  const first = `${ym}-01`;
  const last = `${ym}-31`;
  return ctx.registry.staff
    .filter((s) => s.resident && s.activeFrom <= last && (s.activeTo === undefined || s.activeTo >= first))
    .map((s) => s.id)
    .sort();
}

/** R01 迟到, R02 早退, R05 离岗串岗, R06 闲聊喧哗, R07 旷工, R09 岗位空缺, R10 着装. */
function singleEvents(ctx: BjContext, recs: ScoredRecord<AttendanceEvent>[]): BjLine[] {
  const t = (trigger: string): ScoreRule => ctx.rules.byTrigger(trigger);
  const late = t('attendance.late');
  const early = t('attendance.early-leave');
  const absent = t('attendance.absent');
  const offPost = t('attendance.off-post');
  const chatting = t('attendance.chatting-noise');
  const dress = t('attendance.dress-code');
  const vacancy = t('attendance.vacancy-day');
  const out: BjLine[] = [];
  for (const r of recs) {
    const a = r.data;
    const at = startOfLocalDay(a.date);
    const who = staffZh(ctx, a.staffId);
    const ev = [refOf(r, '/type')];
    if (a.type === 'sick-leave') continue;
    if (a.type !== 'vacancy-day' && !isResident(ctx, a.staffId)) {
      const byType: Record<string, ScoreRule> = { late, 'early-leave': early, absent, 'off-post': offPost, 'chatting-noise': chatting };
      const rule = byType[a.type] ?? dress;
      out.push(info(rule, `${who} ${a.date} 的出勤记录：该人员不是驻场人员，驻场人员出勤规则不适用`, ev, at));
      notice(ctx, 'warnings', 'bj/attendance-not-resident', `${who} 不是驻场人员，其出勤记录不计分`, ev);
      continue;
    }
    switch (a.type) {
      case 'late':
      case 'early-leave': {
        const minutes = a.minutes ?? 0;
        const word = a.type === 'late' ? '迟到' : '早退';
        const base = a.type === 'late' ? late : early;
        const evm = [refOf(r, '/minutes')];
        if (minutes <= 0) {
          out.push(info(base, `${who} ${a.date} ${word}时长未记录，不计分`, evm, at));
        } else if (minutes <= LATE_EARLY_LIMIT_MINUTES) {
          const p = fixedPoints(base);
          out.push(counted(base, p, `${who} ${a.date} ${word} ${minutes} 分钟（1 小时以内算${word}），${pointsPhraseZh(p)}`, evm, at));
        } else {
          const p = fixedPoints(absent);
          out.push(
            counted(absent, p, `${who} ${a.date} ${word} ${minutes} 分钟，超过 1 小时算旷工，${pointsPhraseZh(p)}`, evm, at),
          );
        }
        break;
      }
      case 'absent': {
        const p = fixedPoints(absent);
        out.push(counted(absent, p, `${who} ${a.date} 旷工，${pointsPhraseZh(p)}`, ev, at));
        break;
      }
      case 'off-post': {
        const p = fixedPoints(offPost);
        out.push(counted(offPost, p, `${who} ${a.date} 无故离岗、串岗，${pointsPhraseZh(p)}`, ev, at));
        break;
      }
      case 'chatting-noise': {
        // BJ T: "闲聊、大声喧哗以被其他部门投诉为准".
        if (a.complaintRef === undefined || a.complaintRef.trim() === '') {
          out.push(info(chatting, `${who} ${a.date} 闲聊、大声喧哗：无其他部门投诉，不计分`, ev, at));
        } else {
          const p = fixedPoints(chatting);
          out.push(
            counted(chatting, p, `${who} ${a.date} 闲聊、大声喧哗，经其他部门投诉（${a.complaintRef}），${pointsPhraseZh(p)}`, [refOf(r, '/complaintRef')], at),
          );
        }
        break;
      }
      case 'dress-code': {
        const p = fixedPoints(dress);
        out.push(counted(dress, p, `${who} ${a.date} 着装不符合要求，${pointsPhraseZh(p)}`, ev, at));
        break;
      }
      case 'vacancy-day': {
        const p = fixedPoints(vacancy);
        out.push(counted(vacancy, p, `${a.date} 岗位空缺（${who} 的现场岗位），${pointsPhraseZh(p)}`, ev, at));
        break;
      }
    }
  }
  return out;
}

/**
 * R03 个人病假 / R04 团队病假, per calendar month ("每月病假"). Each excess day costs the rule's points; the two rules
 * combine by `bj.sickCombine` (B10): `max` keeps the larger deduction (the individual one on a tie), `sum` both.
 * All `sickDays` of a record count in the month of its `date`.
 */
function sickLeave(ctx: BjContext, recs: ScoredRecord<AttendanceEvent>[]): BjLine[] {
  const individual = ctx.rules.byTrigger('attendance.sick-leave.individual');
  const team = ctx.rules.byTrigger('attendance.sick-leave.team');
  const indAllowance = individual.allowance ?? 0;
  const teamAllowance = team.allowance ?? 0;
  const byMonth = new Map<string, ScoredRecord<AttendanceEvent>[]>();
  for (const r of recs) {
    if (r.data.type !== 'sick-leave') continue;
    if (!isResident(ctx, r.data.staffId)) {
      notice(ctx, 'warnings', 'bj/attendance-not-resident', `${staffZh(ctx, r.data.staffId)} 不是驻场人员，其病假记录不计分`, [refOf(r)]);
      continue;
    }
    const ym = r.data.date.slice(0, 7);
    byMonth.set(ym, [...(byMonth.get(ym) ?? []), r]);
  }
  const out: BjLine[] = [];
  for (const ym of [...byMonth.keys()].sort()) {
    const month = byMonth.get(ym) ?? [];
    const at = startOfLocalDay(`${ym}-01`);
    const perStaff = new Map<string, { days: number; refs: EvidenceRef[] }>();
    for (const r of month) {
      const cur = perStaff.get(r.data.staffId) ?? { days: 0, refs: [] };
      cur.days += r.data.sickDays ?? 1;
      cur.refs.push(refOf(r, '/sickDays'));
      perStaff.set(r.data.staffId, cur);
    }
    const indLines: Array<{ line: BjLine; base: string }> = [];
    for (const staffId of [...perStaff.keys()].sort()) {
      const { days, refs } = perStaff.get(staffId) as { days: number; refs: EvidenceRef[] };
      const excess = days - indAllowance;
      if (excess > 0) {
        const p = fixedPoints(individual).mul(excess);
        const base = `${staffZh(ctx, staffId)} ${monthZh(ym)}病假 ${days} 天，超过 ${indAllowance} 天的部分 ${excess} 天`;
        indLines.push({ line: lineOf(individual, p, 'counted', `${base}，${pointsPhraseZh(p)}`, refs, at), base });
      } else {
        const base = `${staffZh(ctx, staffId)} ${monthZh(ym)}病假 ${days} 天，未超过 ${indAllowance} 天，不扣分`;
        indLines.push({ line: info(individual, base, refs, at), base });
      }
    }
    const allRefs = month.map((r) => refOf(r, '/sickDays'));
    const residents = residentsInMonth(ctx, ym);
    const teamDays = [...perStaff.values()].reduce((n, s) => n + s.days, 0);
    let teamEntry: { line: BjLine; base: string };
    if (residents.length < 2) {
      const base = `${monthZh(ym)}驻场团队 ${residents.length} 人，不足 2 人，团队病假规则不适用`;
      teamEntry = { line: info(team, base, allRefs, at), base };
    } else if (teamDays > teamAllowance) {
      const excess = teamDays - teamAllowance;
      const p = fixedPoints(team).mul(excess);
      const base = `驻场团队（${residents.length} 人）${monthZh(ym)}病假累计 ${teamDays} 天，超过 ${teamAllowance} 天的部分 ${excess} 天`;
      teamEntry = { line: lineOf(team, p, 'counted', `${base}，${pointsPhraseZh(p)}`, allRefs, at), base };
    } else {
      const base = `驻场团队（${residents.length} 人）${monthZh(ym)}病假累计 ${teamDays} 天，未超过 ${teamAllowance} 天，不扣分`;
      teamEntry = { line: info(team, base, allRefs, at), base };
    }
    const indTotal: Exact = sum(indLines.filter((l) => l.line.status === 'counted').map((l) => l.line.points));
    const teamTotal: Exact = teamEntry.line.status === 'counted' ? teamEntry.line.points : exact(0);
    if (ctx.config.sickCombine === 'max' && !indTotal.isZero() && !teamTotal.isZero()) {
      // B10: both rules deduct in the month, keep the larger deduction (the individual one on a tie).
      const teamWins = teamTotal.abs().gt(indTotal.abs());
      const note = `按 cfg bj.sickCombine = max 与${teamWins ? '团队' : '个人'}病假扣分（${pointsPhraseZh(teamWins ? teamTotal : indTotal)}）取较大者，本项不重复扣分`;
      for (const l of teamWins ? indLines : [teamEntry]) {
        if (l.line.status === 'counted') {
          l.line.status = 'informational';
          l.line.explanationZh = `${l.base}，${note}`;
        }
      }
    }
    const teamLine = teamEntry.line;
    out.push(...indLines.map((l) => l.line), teamLine);
  }
  return out;
}

/** Attendance rules R01–R07, R09, R10 for the attendance records dated inside the window. */
export function scoreAttendance(ctx: BjContext): BjLine[] {
  const recs = evidenceOf(ctx, 'attendance').filter((r) => dateInWindow(ctx, r.data.date));
  return [...singleEvents(ctx, recs), ...sickLeave(ctx, recs)];
}
