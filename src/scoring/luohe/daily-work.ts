import { addDays, isoWeekOf, localDateOf } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { exact, min, sum } from '../../decimal/index.ts';
import type { EvidenceRef, LedgerLine, LedgerNotice } from '../../ledger/index.ts';
import type { Period } from '../../period/index.ts';
import type { LuoheContext } from './context.ts';
import { evidenceOf } from './context.ts';
import { type FilingEval, filingApplies, filingsFor, waived } from './filings.ts';
import { pts, six } from './format.ts';
import { inPeriod, ms, platformDeadline, type Rec, type Rejection, ref, refs } from './records.ts';
import { luoheRule } from './rules.ts';
import type { UnitScope } from './scope.ts';

type ActivityKind = 'visit' | 'inspection' | 'backup' | 'scan';

const timeField: Record<ActivityKind, 'visitedAt' | 'inspectedAt' | 'startedAt' | 'scannedAt'> = {
  visit: 'visitedAt',
  inspection: 'inspectedAt',
  backup: 'startedAt',
  scan: 'scannedAt',
};

const activityZh: Record<ActivityKind, string> = { visit: '上门回访', inspection: '日常巡检', backup: '数据备份', scan: '漏洞扫描' };

/** Credited counts per D6 subject (spec §4.8): records + waivedCount. */
export interface DailyCredits {
  visit: number;
  inspection: Map<number, number>;
  backup: Map<string, number>;
  scan: Map<string, number>;
}

/** Daily work of one unit in one period (spec §4.4). */
export interface DailyWorkResult {
  /** S_daily (after cfg mixedUnitDailyWork). */
  score: Exact;
  lines: LedgerLine[];
  warnings: LedgerNotice[];
  credits: DailyCredits;
  /** C07: valid inspection records per item, and effective inspection filings per item. */
  inspectionsByItem: Map<number, EvidenceRef[]>;
  inspectionWaiversByItem: Map<number, EvidenceRef[]>;
  filings: FilingEval[];
}

function rule(id: string): Pick<LedgerLine, 'ruleId' | 'clause' | 'labelZh'> {
  const r = luoheRule(id);
  return { ruleId: r.id, clause: r.clause, labelZh: r.labelZh };
}

const activityCache = new WeakMap<LuoheContext, Map<string, { records: Array<Rec<ActivityKind>>; rejections: Rejection[] }>>();

/**
 * Valid activity records of a period, with engine-level rejections (spec §3.0(c)(d); §3.1 signed scan), computed
 * once per kind and period. A record is considered when it is filed under p or its activity time falls in p.
 */
export function periodActivities<K extends ActivityKind>(ctx: LuoheContext, kind: K, p: Period): { records: Array<Rec<K>>; rejections: Rejection[] } {
  const perCtx = activityCache.get(ctx) ?? new Map<string, { records: Array<Rec<ActivityKind>>; rejections: Rejection[] }>();
  activityCache.set(ctx, perCtx);
  const key = `${kind}@${p.label}`;
  const hit = perCtx.get(key);
  if (hit) return hit as unknown as { records: Array<Rec<K>>; rejections: Rejection[] };
  const out: Array<Rec<K>> = [];
  const rejections: Rejection[] = [];
  const field = timeField[kind];
  const deadline = platformDeadline(p, ctx.config.platformGraceDays);
  for (const r of evidenceOf(ctx, kind)) {
    const data = r.data as unknown as Record<string, unknown> & { platform?: { submittedAt: string }; attachments: Array<{ signed?: boolean }> };
    const filedHere = r.period === p.label;
    const at = ms(String(data[field]));
    if (!inPeriod(p, at)) {
      if (filedHere) {
        rejections.push({ record: r, code: 'luohe/period', pointer: `/${field}`, messageZh: `${activityZh[kind]}时间不在考核期 ${p.label}（${p.firstDay} 至 ${p.lastDay}）内，不计入` });
      }
      continue;
    }
    if (!data.platform) {
      rejections.push({ record: r, code: 'luohe/platform-missing', pointer: `/${field}`, messageZh: `${activityZh[kind]}记录未录入综合分析决策平台（缺少 platform），不计入（LH A3 §五(二)）` });
      continue;
    }
    if (ms(data.platform.submittedAt) > deadline) {
      rejections.push({
        record: r,
        code: 'luohe/platform-late',
        pointer: '/platform',
        messageZh: `平台录入时间晚于考核期末${ctx.config.platformGraceDays > 0 ? ` + ${ctx.config.platformGraceDays} 日` : ''}，不计入（A36）`,
      });
      continue;
    }
    if (kind === 'visit' && ctx.config.visitRequiresSignedScan && !data.attachments.some((a) => a.signed === true)) {
      rejections.push({ record: r, code: 'luohe/visit-unsigned', pointer: '/attachments', messageZh: '回访记录表扫描件未标注使用单位签字（signed = true），不计入（§3.1）' });
      continue;
    }
    out.push(r);
  }
  const value = { records: out, rejections };
  perCtx.set(key, value as unknown as { records: Array<Rec<ActivityKind>>; rejections: Rejection[] });
  return value;
}

/** Engine rejections of the period's activity records (for the ledger's `invalid`). */
export function activityRejections(ctx: LuoheContext, p: Period): Rejection[] {
  return (['visit', 'inspection', 'backup', 'scan'] as const).flatMap((k) => periodActivities(ctx, k, p).rejections);
}

/** ISO weeks lying wholly inside the period (Monday–Sunday), for the "每周至少 1 次" warnings (A5). */
function fullWeeks(p: Period): Array<{ key: string; monday: string; sunday: string }> {
  const out: Array<{ key: string; monday: string; sunday: string }> = [];
  let w = isoWeekOf(p.firstDay);
  if (w.monday < p.firstDay) w = isoWeekOf(addDays(w.monday, 7));
  while (w.sunday <= p.lastDay) {
    out.push({ key: `${w.weekYear}-W${String(w.week).padStart(2, '0')}`, monday: w.monday, sunday: w.sunday });
    w = isoWeekOf(addDays(w.monday, 7));
  }
  return out;
}

function weekKey(date: string): string {
  const w = isoWeekOf(date);
  return `${w.weekYear}-W${String(w.week).padStart(2, '0')}`;
}

function filingCovers(filings: readonly FilingEval[], activity: ActivityKind, subject: { itemNo?: number; systemId?: string; systemItemNo?: number }, from: string, to: string): boolean {
  return filings.some((f) => f.record.data.toDate >= from && f.record.data.fromDate <= to && filingApplies(f, activity, subject));
}

/** S_daily of spec §4.4 with its ledger lines and weekly warnings. */
export function computeDailyWork(ctx: LuoheContext, scope: UnitScope, p: Period): DailyWorkResult {
  const warnings: LedgerNotice[] = [];
  const lines: LedgerLine[] = [];
  const u = scope.unitId;
  const unitItems = new Set(ctx.itemsOfUnit.get(u) ?? []);
  const systemItem = (id: string) => ctx.registry.systemById.get(id)?.itemNo;
  const filings = filingsFor(ctx, u, p);
  const scoreWeeks = ctx.config.weeklyDistribution === 'score';

  const visits = periodActivities(ctx, 'visit', p).records.filter((r) => r.data.unitId === u);
  const inspections = periodActivities(ctx, 'inspection', p).records.filter(
    (r) => (r.data.itemNos ?? []).some((n) => unitItems.has(n)) || (r.data.systemIds ?? []).some((s) => unitItems.has(systemItem(s) ?? -1)) || (r.data.unitId === u && (r.data.itemNos ?? []).length === 0),
  );
  const backups = periodActivities(ctx, 'backup', p).records.filter((r) => unitItems.has(systemItem(r.data.systemId) ?? -1));
  const scans = periodActivities(ctx, 'scan', p).records.filter((r) => r.data.systemIds.some((s) => unitItems.has(systemItem(s) ?? -1)));

  const credits: DailyCredits = { visit: 0, inspection: new Map(), backup: new Map(), scan: new Map() };
  const inspectionsByItem = new Map<number, EvidenceRef[]>();
  const inspectionWaiversByItem = new Map<number, EvidenceRef[]>();
  const covers = (r: Rec<'inspection'>, item: number) =>
    (r.data.itemNos ?? []).includes(item) || (r.data.systemIds ?? []).some((s) => systemItem(s) === item);
  for (const item of scope.hw) {
    inspectionsByItem.set(item, refs(inspections.filter((r) => covers(r, item)).map((r) => ref(r, '/inspectedAt'))));
    const w = waived(filings, 'inspection', { itemNo: item });
    if (w.count > 0) inspectionWaiversByItem.set(item, refs(w.evidence));
  }

  // ---- visit (8)
  const visitWaived = waived(filings, 'visit', {});
  credits.visit = visits.length + visitWaived.count;
  // ---- inspection (8): distinct dates (or ISO weeks under cfg weeklyDistribution = score) per item.
  const slotOf = (r: Rec<'inspection'>) => {
    const date = localDateOf(ms(r.data.inspectedAt));
    return scoreWeeks ? weekKey(date) : date;
  };
  const perItem = new Map<number, { slots: number; waived: number; evidence: EvidenceRef[] }>();
  for (const item of scope.hw) {
    const mine = inspections.filter((r) => covers(r, item));
    const w = waived(filings, 'inspection', { itemNo: item });
    const slots = new Set(mine.map(slotOf)).size;
    perItem.set(item, { slots, waived: w.count, evidence: [...mine.map((r) => ref(r, '/inspectedAt')), ...w.evidence] });
    credits.inspection.set(item, slots + w.count);
  }
  // ---- backup (4) and scan (10) per system
  const backupPer = new Map<string, { ok: number; failed: number; waived: number; evidence: EvidenceRef[] }>();
  for (const s of scope.backupSystems) {
    const mine = backups.filter((r) => r.data.systemId === s.id);
    const okRecords = mine.filter((r) => r.data.result === 'success' && (r.data.backupPath ?? '').trim() !== '');
    const ok = scoreWeeks ? new Set(okRecords.map((r) => weekKey(localDateOf(ms(r.data.startedAt))))).size : okRecords.length;
    const w = waived(filings, 'backup', { systemId: s.id, ...(s.itemNo !== undefined ? { systemItemNo: s.itemNo } : {}) });
    backupPer.set(s.id, { ok, failed: mine.length - okRecords.length, waived: w.count, evidence: [...okRecords.map((r) => ref(r, '/backupPath')), ...w.evidence] });
    credits.backup.set(s.id, ok + w.count);
  }
  const scanPer = new Map<string, { n: number; waived: number; evidence: EvidenceRef[] }>();
  for (const s of scope.scanSystems) {
    const mine = scans.filter((r) => r.data.systemIds.includes(s.id));
    const w = waived(filings, 'scan', { systemId: s.id, ...(s.itemNo !== undefined ? { systemItemNo: s.itemNo } : {}) });
    scanPer.set(s.id, { n: mine.length, waived: w.count, evidence: [...mine.map((r) => ref(r, '/scannedAt')), ...w.evidence] });
    credits.scan.set(s.id, mine.length + w.count);
  }

  // Scan reports whose findings are not all mapped to vulnerability tickets (§3.4): warning only.
  for (const r of scans) {
    const total = Object.values(r.data.summary).reduce((a, b) => a + b, 0);
    const mapped = r.data.findingTicketIds.length + (r.data.falsePositives ?? []).length;
    if (mapped < total) {
      warnings.push({
        code: 'LH-SCAN-UNMAPPED',
        messageZh: `漏洞扫描报告 ${r.id} 发现 ${total} 个漏洞，仅 ${mapped} 个关联漏洞工单或标注误报（§3.4 要求每个漏洞对应工单）`,
        evidence: [ref(r, '/findingTicketIds')],
      });
    }
  }

  if (scope.hw.length === 0) {
    lines.push({
      ...rule('LH-DAILY'),
      points: six(30),
      status: 'counted',
      explanationZh: '本期无在范围内的硬件及系统运维事项，线路租赁和购买服务运维事项按满分计算：日常工作 30 分',
      evidence: [],
      unitId: u,
    });
    return { score: exact(30), lines, warnings, credits, inspectionsByItem, inspectionWaiversByItem, filings };
  }

  const h = scope.hw.length;
  const l = scope.line.length;
  const weighted = ctx.config.mixedUnitDailyWork === 'item-weighted' && l > 0;
  const factor = weighted ? exact(h).div(h + l) : exact(1);
  const weightNote = weighted ? `（按事项加权 ×${h}/${h + l}）` : '';

  const sVisit = exact(credits.visit >= 1 ? 8 : 0);
  lines.push({
    ...rule('LH-VISIT'),
    points: six(sVisit.mul(factor)),
    status: visits.length === 0 && visitWaived.count > 0 ? 'waived' : 'counted',
    explanationZh:
      visits.length > 0
        ? `本期有效上门回访记录 ${visits.length} 份（${visits.map((r) => localDateOf(ms(r.data.visitedAt))).join('、')}），回访 1 次及以上得 8 分${weightNote}`
        : visitWaived.count > 0
          ? `本期无回访记录，已提前书面报备免除 ${visitWaived.count} 次，按已开展计 8 分${weightNote}`
          : '本期无有效上门回访记录，得 0 分',
    evidence: refs([...visits.map((r) => ref(r, '/visitedAt')), ...visitWaived.evidence]),
    unitId: u,
  });

  let n: number;
  let inspDetail: string;
  const inspEvidence: EvidenceRef[] = [];
  if (ctx.config.inspectionCoverage === 'all') {
    const items = scope.inspectionItems;
    n = items.length === 0 ? 4 : Math.min(...items.map((i) => credits.inspection.get(i) ?? 0));
    inspDetail = items
      .map((i) => {
        const e = perItem.get(i);
        return `事项 ${i}：${e?.slots ?? 0}${e && e.waived > 0 ? `+报备 ${e.waived}` : ''}`;
      })
      .join('，');
    for (const i of items) inspEvidence.push(...(perItem.get(i)?.evidence ?? []));
    inspDetail = `各事项巡检${scoreWeeks ? '周数' : '天数'}（${inspDetail}），取最小值 N = ${n}`;
  } else {
    const slots = new Set(inspections.map(slotOf)).size;
    const unitFilings = filings.filter((f) => f.activity === 'inspection' && f.effective);
    const waivedCount = unitFilings.reduce((a, f) => a + f.count, 0);
    n = slots + waivedCount;
    inspEvidence.push(...inspections.map((r) => ref(r, '/inspectedAt')), ...unitFilings.flatMap((f) => f.evidence));
    inspDetail = `本单位有巡检记录的${scoreWeeks ? '周数' : '天数'} ${slots}${n > slots ? `，报备 ${n - slots}` : ''}，N = ${n}（inspectionCoverage = any）`;
  }
  const sInsp = min(exact(2).mul(n), 8);
  lines.push({
    ...rule('LH-INSP'),
    points: six(sInsp.mul(factor)),
    status: 'counted',
    explanationZh: `${inspDetail}；开展一次得 2 分，4 次以上得 8 分：min(2×${n}, 8) = ${pts(sInsp)} 分${weightNote}`,
    evidence: refs(inspEvidence),
    unitId: u,
  });

  let sBackup = exact(4);
  if (scope.backupSystems.length === 0) {
    lines.push({ ...rule('LH-BACKUP'), points: six(exact(4).mul(factor)), status: 'counted', explanationZh: `本单位在范围内的系统均无数据备份要求，按满分 4 分${weightNote}`, evidence: [], unitId: u });
  } else {
    const count = scope.backupSystems.length;
    const scores = scope.backupSystems.map((s) => {
      const e = backupPer.get(s.id) ?? { ok: 0, failed: 0, waived: 0, evidence: [] };
      const b = min(e.ok + e.waived, 4);
      lines.push({
        ...rule('LH-BACKUP'),
        points: six(b.div(count).mul(factor)),
        status: e.ok === 0 && e.waived > 0 ? 'waived' : 'counted',
        explanationZh: `系统 ${s.id}（${s.nameZh}）：成功备份且提交备份路径 ${e.ok} ${scoreWeeks ? '周' : '次'}${e.waived > 0 ? `，书面报备 ${e.waived} 次` : ''}${e.failed > 0 ? `，失败或无路径 ${e.failed} 次不计` : ''}，得 min(${e.ok + e.waived}, 4) = ${pts(b)} 分；按 ${count} 个需备份系统取平均，计 ${pts(b.div(count))} 分${weightNote}`,
        evidence: refs(e.evidence),
        unitId: u,
        ...(s.itemNo !== undefined ? { itemNo: s.itemNo } : {}),
        systemId: s.id,
      });
      return b;
    });
    sBackup = sum(scores).div(count);
  }

  let sScan = exact(10);
  if (scope.scanSystems.length === 0) {
    lines.push({ ...rule('LH-SCAN'), points: six(exact(10).mul(factor)), status: 'counted', explanationZh: `本单位在范围内的系统均无漏洞扫描要求，按满分 10 分${weightNote}`, evidence: [], unitId: u });
  } else {
    const count = scope.scanSystems.length;
    const scores = scope.scanSystems.map((s) => {
      const e = scanPer.get(s.id) ?? { n: 0, waived: 0, evidence: [] };
      const c = exact(e.n + e.waived >= 1 ? 10 : 0);
      lines.push({
        ...rule('LH-SCAN'),
        points: six(c.div(count).mul(factor)),
        status: e.n === 0 && e.waived > 0 ? 'waived' : 'counted',
        explanationZh: `系统 ${s.id}（${s.nameZh}）：漏洞扫描报告 ${e.n} 份${e.waived > 0 ? `，书面报备 ${e.waived} 次` : ''}，${c.isZero() ? '未扫描得 0 分' : '扫描一次及以上得 10 分'}；按 ${count} 个需扫描系统取平均，计 ${pts(c.div(count))} 分${weightNote}`,
        evidence: refs(e.evidence),
        unitId: u,
        ...(s.itemNo !== undefined ? { itemNo: s.itemNo } : {}),
        systemId: s.id,
      });
      return c;
    });
    sScan = sum(scores).div(count);
  }

  const raw = sVisit.add(sInsp).add(sBackup).add(sScan);
  let score = raw;
  if (weighted) {
    score = raw.mul(h).add(exact(30).mul(l)).div(h + l);
    lines.push({
      ...rule('LH-DAILY'),
      points: six(exact(30).mul(l).div(h + l)),
      status: 'counted',
      explanationZh: `mixedUnitDailyWork = item-weighted：硬件及系统事项 ${h} 项得 ${pts(raw)} 分，线路租赁和购买服务事项 ${l} 项按满分 30 分，加权 (${h}×${pts(raw)} + ${l}×30)/${h + l} = ${pts(score)} 分`,
      evidence: [],
      unitId: u,
    });
  }

  // A5 "每周至少 1 次": warn for every whole ISO week of p without an inspection (per item) or backup (per system).
  for (const week of fullWeeks(p)) {
    const inWeek = (at: string) => {
      const d = localDateOf(ms(at));
      return d >= week.monday && d <= week.sunday;
    };
    for (const item of scope.inspectionItems) {
      if (inspections.some((r) => covers(r, item) && inWeek(r.data.inspectedAt))) continue;
      if (filingCovers(filings, 'inspection', { itemNo: item }, week.monday, week.sunday)) continue;
      warnings.push({
        code: 'LH-WEEKLY-GAP',
        messageZh: `单位 ${u} 事项 ${item} 在 ${week.key}（${week.monday} 至 ${week.sunday}）无巡检记录（A4.2 要求每周至少 1 次${ctx.config.weeklyDistribution === 'warn' ? '；本项仅提示，不扣分' : ''}）`,
        evidence: [],
      });
    }
    for (const s of scope.backupSystems) {
      const ok = backups.some((r) => r.data.systemId === s.id && r.data.result === 'success' && inWeek(r.data.startedAt));
      if (ok || filingCovers(filings, 'backup', { systemId: s.id, ...(s.itemNo !== undefined ? { systemItemNo: s.itemNo } : {}) }, week.monday, week.sunday)) continue;
      warnings.push({
        code: 'LH-WEEKLY-GAP',
        messageZh: `单位 ${u} 系统 ${s.id} 在 ${week.key}（${week.monday} 至 ${week.sunday}）无成功的数据备份（A4.2 要求每周至少 1 次${ctx.config.weeklyDistribution === 'warn' ? '；本项仅提示，不扣分' : ''}）`,
        evidence: [],
      });
    }
  }
  for (const f of filings) {
    if (f.effective) continue;
    warnings.push({ code: 'LH-FILING-INEFFECTIVE', messageZh: `书面报备 ${f.record.id}（${activityZh[f.activity]}）未生效：${f.reasonZh ?? ''}`, evidence: f.evidence });
  }
  return { score, lines, warnings, credits, inspectionsByItem, inspectionWaiversByItem, filings };
}
