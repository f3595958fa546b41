import { endOfLocalDay, localDateOf } from '../../calendar/index.ts';
import type { Exact, ExactInput } from '../../decimal/index.ts';
import { exact, max, sum } from '../../decimal/index.ts';
import type { EvidenceRef, LedgerLine, LedgerNotice } from '../../ledger/index.ts';
import type { ReviewerEvent } from '../../model/index.ts';
import type { LuoheConfig, LuoheGrade } from '../../model/registry.ts';
import { type Period, periodAt } from '../../period/index.ts';
import type { ScoredRecord } from '../input.ts';
import type { LuoheContext } from './context.ts';
import { evidenceOf, reviewsOf } from './context.ts';
import type { DailyCredits } from './daily-work.ts';
import type { FaultEval } from './faults.ts';
import { negSix, pts, when } from './format.ts';
import { gradeOf, gradeRate } from './grades.ts';
import { ms, ref, refs } from './records.ts';
import { type DeductionRule, deductionRule } from './rules.ts';
import type { UnitScope } from './scope.ts';

/** An engine proposal (spec §3.10 `proposedBy: 'engine'`): a draft until a reviewer finalises it in a file with its id. */
export interface Proposal {
  id: string;
  ruleId: string;
  period: string;
  points?: Exact;
  unitId?: string;
  itemNo?: number;
  systemId?: string;
  explanationZh: string;
  evidence: EvidenceRef[];
  /** Ids a reviewer file may name in `relatedIds` to take the proposal over. */
  keys: string[];
}

/** 扣分项 lines of a period and their effect on the package score. */
export interface DeductionResult {
  lines: LedgerLine[];
  /** Counted points, with the unit they are tied to (for cfg deductionLevel = unit). */
  counted: Array<{ points: Exact; unitId?: string }>;
  warnings: LedgerNotice[];
  blockers: LedgerNotice[];
}

const DEDUCTION_IDS = new Set(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'N1']);

function ceilHalf(a: Exact): Exact {
  const q = a.numerator / a.denominator;
  return exact(q * a.denominator === a.numerator ? q : q + 1n);
}

/** Whether a reviewer file takes over an engine proposal (same id, or the proposal id/keys in relatedIds). */
export function takesOver(event: ReviewerEvent, proposal: Proposal): boolean {
  if (event.ruleId !== proposal.ruleId) return false;
  const related = event.relatedIds ?? [];
  return event.id === proposal.id || related.includes(proposal.id) || proposal.keys.some((k) => related.includes(k));
}

/** The unit an event concerns: its unitId, else the unit of its item. */
export function eventUnit(ctx: LuoheContext, e: ReviewerEvent): string | undefined {
  if (e.unitId !== undefined) return e.unitId;
  return e.itemNo !== undefined ? ctx.itemUnit.get(e.itemNo) : undefined;
}

/**
 * Points of a final 扣分项 event (A20): the given points (D3: 5 市级 / 10 省级 when absent; D5, D6: 5), the reviewer
 * adjustment (酌情减免 lowers, 加重扣分 raises, each needing a justification under cfg aggravation), capped at
 * maxFactor × max; a value outside the allowed range is reported.
 */
export function eventPoints(ctx: LuoheContext, record: ScoredRecord<ReviewerEvent>): { points?: Exact; notes: string[]; warnings: LedgerNotice[] } {
  const e = record.data;
  const rule = deductionRule(e.ruleId) as DeductionRule;
  const notes: string[] = [];
  const warnings: LedgerNotice[] = [];
  const agg = ctx.config.aggravation;
  let lo = exact(rule.min);
  let hi = exact(rule.max);
  if (e.ruleId === 'D3') {
    const provincial = e.notice?.levelZh === '省级及以上';
    lo = exact(provincial ? 10 : 5);
    hi = lo;
  }
  // Points are a magnitude to deduct; a reviewer who writes "-5" means the same 5 points.
  let base: Exact | undefined = e.points !== undefined ? exact(e.points).abs() : undefined;
  if (base === undefined && lo.eq(hi) && e.ruleId !== 'N1') {
    base = lo;
    notes.push(`按规则计 ${pts(lo)} 分`);
  }
  if (base === undefined) return { notes, warnings };
  const key = e.keySupervisionAggravated === true || (e.itemNo !== undefined && ctx.itemByNo.get(e.itemNo)?.keySupervision === true);
  if (key && ['D1', 'D2', 'D4'].includes(e.ruleId)) {
    // A20: 重点监管事项从重: the minimum becomes ceil((min + max) / 2).
    lo = ceilHalf(lo.add(hi).div(2));
    notes.push(`重点监管事项从重，最低 ${pts(lo)} 分`);
  }
  let points = base;
  let ceiling = hi;
  const adj = e.adjustment;
  if (adj) {
    const justified = adj.justificationZh.trim() !== '';
    if (agg.requireJustification && !justified) {
      warnings.push({ code: 'LH-ADJUSTMENT-UNJUSTIFIED', messageZh: `扣分事件 ${e.id} 的${adj.kind}缺少书面理由，未予采用（A20）`, evidence: [ref(record, '/adjustment')] });
    } else {
      const delta = exact(adj.deltaPoints).abs();
      if (adj.kind === '酌情减免') {
        points = points.sub(delta);
        lo = exact(0);
        notes.push(`酌情减免 ${pts(delta)} 分`);
      } else {
        points = points.add(delta);
        ceiling = hi.mul(agg.maxFactor);
        notes.push(`加重扣分 ${pts(delta)} 分`);
      }
    }
  }
  points = max(points, 0);
  if (points.gt(ceiling) && adj?.kind === '加重扣分') {
    warnings.push({ code: 'LH-DEDUCTION-RANGE', messageZh: `扣分事件 ${e.id} 加重后 ${pts(points)} 分超过上限 ${pts(ceiling)} 分（${agg.maxFactor} 倍最高分），按上限计`, evidence: [ref(record, '/points')] });
    points = ceiling;
  } else if (points.gt(ceiling) || points.lt(lo)) {
    warnings.push({ code: 'LH-DEDUCTION-RANGE', messageZh: `扣分事件 ${e.id}（${e.ruleId}）${pts(points)} 分不在允许范围 ${pts(lo)}–${pts(ceiling)} 分内，请审核人员核对`, evidence: [ref(record, '/points')] });
  }
  return { points, notes, warnings };
}

/** Reviewer 扣分项 events of a period plus the engine's proposals not yet taken over by a reviewer file. */
export function computeDeductions(ctx: LuoheContext, p: Period, proposals: readonly Proposal[]): DeductionResult {
  const lines: LedgerLine[] = [];
  const counted: Array<{ points: Exact; unitId?: string }> = [];
  const warnings: LedgerNotice[] = [];
  const blockers: LedgerNotice[] = [];
  const events = reviewsOf(ctx, 'event').filter((e) => e.data.period === p.label && DEDUCTION_IDS.has(e.data.ruleId));
  for (const record of events) {
    const e = record.data;
    const rule = deductionRule(e.ruleId) as DeductionRule;
    const unitId = eventUnit(ctx, e);
    const where = [unitId ? `单位 ${unitId}` : '', e.itemNo !== undefined ? `事项 ${e.itemNo}` : ''].filter(Boolean).join('，');
    const base = { ruleId: rule.id, clause: rule.clause, labelZh: rule.labelZh, ...(unitId ? { unitId } : {}), ...(e.itemNo !== undefined ? { itemNo: e.itemNo } : {}) };
    const evidence = refs([ref(record, '/points'), ...(e.relatedIds ?? []).flatMap((id) => relatedRef(ctx, id))]);
    if (e.status === 'draft') {
      lines.push({ ...base, points: e.points !== undefined ? negSix(exact(e.points).abs()) : negSix(0), status: 'draft', explanationZh: `${e.proposedBy === 'engine' ? '系统建议' : '审核人员草拟'}：${e.descriptionZh}${where ? `（${where}）` : ''}；草稿不计分，待审核人员确定`, evidence });
      blockers.push({ code: 'LH-DRAFT-EVENT', messageZh: `扣分事件 ${e.id}（${e.ruleId} ${rule.labelZh}）仍为草稿`, evidence: [ref(record)] });
      continue;
    }
    const { points, notes, warnings: w } = eventPoints(ctx, record);
    warnings.push(...w);
    if (points === undefined) {
      lines.push({ ...base, points: negSix(0), status: 'informational', explanationZh: `${e.descriptionZh}：未填写扣分分值（${rule.min}–${rule.max} 分），暂不计分`, evidence });
      blockers.push({ code: 'LH-EVENT-POINTS-MISSING', messageZh: `扣分事件 ${e.id}（${e.ruleId}）未填写分值`, evidence: [ref(record)] });
      continue;
    }
    counted.push({ points, ...(unitId ? { unitId } : {}) });
    const notice = e.notice ? `；${e.notice.levelZh}通报${e.notice.correctedWithinDeadline === true ? '，已在规定时间内改正' : e.notice.correctedWithinDeadline === false ? '，未在规定时间内改正' : ''}` : '';
    lines.push({
      ...base,
      points: negSix(points),
      status: 'counted',
      explanationZh: `${e.descriptionZh}${where ? `（${where}）` : ''}${notice}；${notes.length > 0 ? `${notes.join('，')}；` : ''}扣 ${pts(points)} 分${ctx.config.deductionLevel === 'unit' ? (unitId ? '（deductionLevel = unit：从该单位得分中扣除）' : '（deductionLevel = unit：未关联单位，从平均分中扣除）') : '（从运维得分中扣除）'}`,
      evidence,
    });
  }
  const reviewerEvents = reviewsOf(ctx, 'event').map((r) => r.data);
  for (const prop of proposals) {
    if (prop.period !== p.label || reviewerEvents.some((e) => takesOver(e, prop))) continue;
    const rule = deductionRule(prop.ruleId) as DeductionRule;
    lines.push({
      ruleId: rule.id,
      clause: rule.clause,
      labelZh: rule.labelZh,
      points: negSix(prop.points ?? 0),
      status: 'draft',
      explanationZh: `系统建议（${prop.id}）：${prop.explanationZh}；草稿不计分，待审核人员确认`,
      evidence: prop.evidence,
      ...(prop.unitId ? { unitId: prop.unitId } : {}),
      ...(prop.itemNo !== undefined ? { itemNo: prop.itemNo } : {}),
      ...(prop.systemId ? { systemId: prop.systemId } : {}),
    });
    blockers.push({ code: 'LH-DRAFT-PROPOSAL', messageZh: `系统建议的 ${prop.ruleId}（${rule.labelZh}）${prop.id} 尚待审核人员确认或驳回（以 0 分定稿）`, evidence: prop.evidence });
  }
  return { lines, counted, warnings, blockers };
}

function relatedRef(ctx: LuoheContext, id: string): EvidenceRef[] {
  for (const list of ctx.evidence.values()) {
    const r = list.find((x) => x.id === id);
    if (r) return [ref(r)];
  }
  return [];
}

/** D6 subjects missing an activity in both p−1 and p (spec §4.8 D6 detection, A21). */
export function proposeD6(
  ctx: LuoheContext,
  p: Period,
  prev: Period,
  unitId: string,
  now: { scope: UnitScope; credits: DailyCredits },
  before: { scope: UnitScope; credits: DailyCredits },
): Proposal[] {
  const out: Proposal[] = [];
  if (now.scope.hw.length === 0 || before.scope.hw.length === 0) return out;
  const retro = prev.startMs < ms(`${ctx.config.effectiveAt}T00:00:00+08:00`) ? '；涉及合同生效前的追溯期，需审核人员确认（A28）' : '';
  const label = `${prev.label}、${p.label} 连续两个月`;
  if (now.credits.visit === 0 && before.credits.visit === 0) {
    out.push({
      id: `auto-D6-${p.label}-unit-${unitId}`,
      ruleId: 'D6',
      period: p.label,
      points: exact(5),
      unitId,
      explanationZh: `单位 ${unitId}（硬件及系统事项 ${now.scope.hw.join('、')}）${label}未开展上门回访，扣 5 分${retro}`,
      evidence: [],
      keys: [`D6:${p.label}:unit:${unitId}`],
    });
  }
  for (const item of now.scope.inspectionItems) {
    if (!before.scope.inspectionItems.includes(item)) continue;
    if ((now.credits.inspection.get(item) ?? 0) > 0 || (before.credits.inspection.get(item) ?? 0) > 0) continue;
    out.push({
      id: `auto-D6-${p.label}-item-${item}`,
      ruleId: 'D6',
      period: p.label,
      points: exact(5),
      unitId,
      itemNo: item,
      explanationZh: `单位 ${unitId} 事项 ${item} ${label}未开展日常巡检，扣 5 分${retro}`,
      evidence: [],
      keys: [`D6:${p.label}:item:${item}`],
    });
  }
  const systems = [...new Map([...now.scope.backupSystems, ...now.scope.scanSystems].map((s) => [s.id, s])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const s of systems) {
    const missing: string[] = [];
    if (now.scope.backupSystems.includes(s) && before.scope.backupSystems.some((x) => x.id === s.id) && (now.credits.backup.get(s.id) ?? 0) === 0 && (before.credits.backup.get(s.id) ?? 0) === 0) {
      missing.push('数据备份');
    }
    if (now.scope.scanSystems.includes(s) && before.scope.scanSystems.some((x) => x.id === s.id) && (now.credits.scan.get(s.id) ?? 0) === 0 && (before.credits.scan.get(s.id) ?? 0) === 0) {
      missing.push('漏洞扫描');
    }
    if (missing.length === 0) continue;
    out.push({
      id: `auto-D6-${p.label}-system-${s.id}`,
      ruleId: 'D6',
      period: p.label,
      points: exact(5),
      unitId,
      ...(s.itemNo !== undefined ? { itemNo: s.itemNo } : {}),
      systemId: s.id,
      explanationZh: `单位 ${unitId} 系统 ${s.id}（${s.nameZh}）${label}未开展${missing.join('、')}，扣 5 分（同一系统每期最多 1 次）${retro}`,
      evidence: [],
      keys: [`D6:${p.label}:system:${s.id}`],
    });
  }
  return out;
}

/** D5: a status change filed late or not at all (spec §3.12, cfg changeFilingWorkingDays), in the period of the deadline. */
export function proposeD5(ctx: LuoheContext, p: Period): Proposal[] {
  const out: Proposal[] = [];
  const horizon = 62 * 86_400_000;
  for (const r of evidenceOf(ctx, 'status-change')) {
    const at = ms(r.data.effectiveAt);
    if (at >= p.endMs || at < p.startMs - horizon) continue;
    const n = ctx.config.changeFilingWorkingDays;
    const dueDate = n > 0 ? ctx.calendar.addWorkingDays(localDateOf(at), n) : localDateOf(at);
    const deadline = endOfLocalDay(dueDate);
    const filed = r.data.filedWithCenterAt;
    const late = filed === undefined ? ctx.asOfMs > deadline : ms(filed) > deadline;
    if (!late || periodAt(ctx.periods, deadline)?.label !== p.label) continue;
    const unitId = ctx.itemUnit.get(r.data.itemNo);
    const statusZh = { active: '恢复运维', suspended: '暂停运维', terminated: '停用' }[r.data.status];
    out.push({
      id: `auto-D5-${p.label}-${r.id.split('/').at(-1) ?? 'change'}-${r.data.itemNo}`,
      ruleId: 'D5',
      period: p.label,
      points: exact(5),
      ...(unitId ? { unitId } : {}),
      itemNo: r.data.itemNo,
      explanationZh: `事项 ${r.data.itemNo} 于 ${when(at)} ${statusZh}（${r.data.reasonZh}），${filed === undefined ? '未' : `于 ${when(ms(filed))} `}向市政务大数据中心报备，报备期限为 ${n} 个工作日内（${dueDate}）${filed === undefined ? '' : '，已逾期'}，扣 5 分`,
      evidence: [ref(r, filed === undefined ? '/effectiveAt' : '/filedWithCenterAt')],
      keys: [r.id],
    });
  }
  return out;
}

/** D1 proposals for SLA breaches with major impact (A10: "造成重大影响的，参照扣分项处理"). */
export function proposeD1(ctx: LuoheContext, p: Period, faults: readonly FaultEval[]): Proposal[] {
  return faults.map((f) => {
    const key = f.itemNo !== undefined && ctx.itemByNo.get(f.itemNo)?.keySupervision === true;
    return {
      id: `auto-D1-${p.label}-${f.record.data.ticketNo.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      ruleId: 'D1',
      period: p.label,
      ...(f.unitId ? { unitId: f.unitId } : {}),
      ...(f.itemNo !== undefined ? { itemNo: f.itemNo } : {}),
      explanationZh: `${f.level} 级故障 ${f.record.data.ticketNo} 超时并造成重大影响，参照扣分项 D1 处理，由审核人员在 ${key ? '6–10' : '1–10'} 分内确定${key ? '（重点监管事项从重）' : ''}`,
      evidence: [ref(f.record, '/majorImpact')],
      keys: [f.record.id],
    };
  });
}

/** Package score of spec §4.8 from the unit scores and the counted 扣分项 (cfg deductionLevel, floorZero, gradeRounding). */
export function computeLuohePackage(input: {
  unitScores: ReadonlyArray<{ unitId: string; score: ExactInput }>;
  deductions: ReadonlyArray<{ points: ExactInput; unitId?: string }>;
  deductionLevel?: LuoheConfig['deductionLevel'];
  floorZero?: boolean;
  gradeRounding?: LuoheConfig['gradeRounding'];
}): { average: Exact; deductionPoints: Exact; score: Exact; grade: LuoheGrade; rate: Exact } {
  const level = input.deductionLevel ?? 'package';
  const floor = input.floorZero ?? true;
  const n = input.unitScores.length;
  const scores = input.unitScores.map((u) => ({ unitId: u.unitId, score: exact(u.score) }));
  const average = n === 0 ? exact(0) : sum(scores.map((u) => u.score)).div(n);
  const deductionPoints = sum(input.deductions.map((d) => d.points));
  let score: Exact;
  if (level === 'package' || n === 0) {
    score = average.sub(deductionPoints);
  } else {
    const units = new Set(scores.map((u) => u.unitId));
    const perUnit = scores.map((u) => {
      const d = sum(input.deductions.filter((x) => x.unitId === u.unitId).map((x) => x.points));
      const v = u.score.sub(d);
      return floor ? max(v, 0) : v;
    });
    const pkg = sum(input.deductions.filter((x) => x.unitId === undefined || !units.has(x.unitId)).map((x) => x.points));
    score = sum(perUnit).div(n).sub(pkg);
  }
  if (floor) score = max(score, 0);
  const grade = gradeOf(score, input.gradeRounding ?? 'none');
  return { average, deductionPoints, score, grade, rate: gradeRate(grade) };
}
