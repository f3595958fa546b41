import { startOfLocalDay } from '../../calendar/index.ts';
import type { EvidenceRef } from '../../ledger/index.ts';
import type { AdvanceFiling } from '../../model/index.ts';
import type { Period } from '../../period/index.ts';
import type { LuoheContext } from './context.ts';
import { evidenceOf, filingDecision } from './context.ts';
import { ms, ref, type Rec } from './records.ts';

/** A 书面报备 (spec §3.11) as it applies to one unit and period. */
export interface FilingEval {
  record: Rec<'filing'>;
  activity: AdvanceFiling['activity'];
  /** Waived count for this period (0 when not effective). */
  count: number;
  effective: boolean;
  /** Why it is not effective, if so. */
  reasonZh?: string;
  /** Items (inspection) or systems (backup, scan) it names; empty = the whole unit. */
  itemNos: number[];
  systemIds: string[];
  evidence: EvidenceRef[];
}

/** Filings of a unit whose window overlaps the period, with their effect under cfg `filingWaiver` (A35). */
export function filingsFor(ctx: LuoheContext, unitId: string, p: Period): FilingEval[] {
  const out: FilingEval[] = [];
  for (const r of evidenceOf(ctx, 'filing')) {
    const f = r.data;
    if (f.unitId !== unitId || f.toDate < p.firstDay || f.fromDate > p.lastDay) continue;
    const evidence = [ref(r, '/waivedCount')];
    let reasonZh: string | undefined;
    const decision = filingDecision(ctx, r.id);
    if (decision) evidence.push(ref(decision));
    if (ctx.config.filingWaiver === 'none') reasonZh = '配置 filingWaiver = none：书面报备不计为已开展';
    // "提前": filed before the first day the waived activity was due.
    else if (ms(f.filedAt) >= startOfLocalDay(f.fromDate)) reasonZh = `报备时间晚于报备期起始日 ${f.fromDate}，不属于提前报备`;
    else if (decision && !decision.data.approved) reasonZh = '审核人员已驳回该报备';
    else if (ctx.config.filingWaiver === 'approved-only' && !decision) reasonZh = '配置 filingWaiver = approved-only：报备尚未经审核批准';
    const effective = reasonZh === undefined;
    out.push({
      record: r,
      activity: f.activity,
      count: effective ? Math.max(0, f.waivedCount) : 0,
      effective,
      ...(reasonZh !== undefined ? { reasonZh } : {}),
      itemNos: [...(f.itemNos ?? [])].sort((a, b) => a - b),
      systemIds: [...(f.systemIds ?? [])].sort(),
      evidence,
    });
  }
  return out;
}

/** Whether an effective filing applies to a subject: the unit (visit), an item (inspection) or a system (backup, scan). */
export function filingApplies(
  f: FilingEval,
  activity: AdvanceFiling['activity'],
  subject: { itemNo?: number; systemId?: string; systemItemNo?: number },
): boolean {
  if (f.activity !== activity || !f.effective) return false;
  if (f.itemNos.length === 0 && f.systemIds.length === 0) return true;
  if (subject.itemNo !== undefined && f.itemNos.includes(subject.itemNo)) return true;
  if (subject.systemId !== undefined && f.systemIds.includes(subject.systemId)) return true;
  return subject.systemId !== undefined && f.systemIds.length === 0 && subject.systemItemNo !== undefined && f.itemNos.includes(subject.systemItemNo);
}

/** Waived count for one subject (sum of the waivedCount of the filings that apply to it). */
export function waived(
  filings: readonly FilingEval[],
  activity: AdvanceFiling['activity'],
  subject: { itemNo?: number; systemId?: string; systemItemNo?: number },
): { count: number; evidence: EvidenceRef[] } {
  let count = 0;
  const evidence: EvidenceRef[] = [];
  for (const f of filings) {
    if (!filingApplies(f, activity, subject)) continue;
    count += f.count;
    evidence.push(...f.evidence);
  }
  return { count, evidence };
}
