import { addDays, localDateOf, parseInstant, startOfLocalDay } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { ratio } from '../../decimal/index.ts';
import type { EvidenceRef } from '../../ledger/index.ts';
import type { AvailabilityRecord, FaultTicket } from '../../model/index.ts';
import type { ScoredRecord } from '../input.ts';
import type { BjContext, BjLine } from './context.ts';
import { evidenceOf, notice, refOf } from './context.ts';
import { hoursZh, percentZh, pointsPhraseZh } from './format-zh.ts';
import type { Interval } from './intervals.ts';
import { intersect, lengthOf, subtract, unionOf } from './intervals.ts';
import { counted, info, lineOf } from './lines.ts';
import { bandFor, bandZh } from './rule-table.ts';

// Availability formulas of spec §5.7 on exact integer milliseconds, so A is an exact rational:
//   A_sys = (T − F) / T,   A_net = (T × N − Σ f_j × n_j) / (T × N),   A_task = T_up / T_use.

function hhmmToMs(hhmm: string): number {
  return (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000;
}

/** Service time within [from, to) under `bj.serviceHours` (B7): 24×7, or daily hours on all or working days. */
export function serviceIntervals(ctx: BjContext, from: number, to: number): Interval[] {
  if (to <= from) return [];
  const sh = ctx.config.serviceHours;
  if (sh === '24x7') return [[from, to]];
  const out: Interval[] = [];
  const last = localDateOf(to - 1);
  for (let d = localDateOf(from); d <= last; d = addDays(d, 1)) {
    if (sh.days === 'working' && !ctx.calendar.isWorkingDay(d)) continue;
    const day = startOfLocalDay(d);
    out.push([day + hhmmToMs(sh.from), day + hhmmToMs(sh.to)]);
  }
  return intersect(out, [[from, to]]);
}

/** Fault start for availability: when it was found or reported (`reportedAt`). */
function ticketInterval(ctx: BjContext, t: FaultTicket): Interval {
  const start = parseInstant(t.reportedAt);
  const end = t.resolvedAt === undefined ? Math.max(start, ctx.evalEndMs) : parseInstant(t.resolvedAt);
  return [start, end];
}

/** Whether a ticket's downtime counts (`downtimeCountsForAvailability`, planned downtime excluded, §5.7). */
export function ticketCountsForAvailability(ctx: BjContext, t: FaultTicket): boolean {
  if (t.plannedDowntime === true) return false;
  if (t.downtimeCountsForAvailability !== undefined) return t.downtimeCountsForAvailability;
  return ctx.config.availabilityTicketDefault === 'include';
}

function overlapsWindow(ctx: BjContext, rec: AvailabilityRecord): boolean {
  return parseInstant(rec.windowStart) < ctx.window.endMs && parseInstant(rec.windowEnd) > ctx.window.startMs;
}

/** Availability records of one target type that overlap the window. */
function recordsFor(ctx: BjContext, type: AvailabilityRecord['target']['type']): ScoredRecord<AvailabilityRecord>[] {
  return evidenceOf(ctx, 'availability').filter((r) => r.data.target.type === type && overlapsWindow(ctx, r.data));
}

function planned(records: ScoredRecord<AvailabilityRecord>[]): Interval[] {
  return unionOf(records.flatMap((r) => r.data.plannedDowntime.map((p): Interval => [parseInstant(p.start), parseInstant(p.end)])));
}

function windowService(ctx: BjContext, plannedDowntime: Interval[]): Interval[] {
  return subtract(serviceIntervals(ctx, ctx.window.startMs, ctx.evalEndMs), plannedDowntime);
}

/** R42 信息系统可用性: one threshold line per information system (kind `application`, or any system with data). */
function systemAvailability(ctx: BjContext): BjLine[] {
  const rule = ctx.rules.byTrigger('availability.system');
  const network = new Set(ctx.registry.systems.filter((s) => s.kind === 'network-security').map((s) => s.id));
  const records = recordsFor(ctx, 'system');
  const tickets = evidenceOf(ctx, 'fault').filter(
    (t) => t.data.systemId !== undefined && !network.has(t.data.systemId) && ticketCountsForAvailability(ctx, t.data),
  );
  const ids = new Set<string>(ctx.registry.systems.filter((s) => s.kind === 'application').map((s) => s.id));
  for (const r of records) ids.add(r.data.target.id);
  for (const t of tickets) ids.add(t.data.systemId as string);
  const out: BjLine[] = [];
  for (const id of [...ids].sort()) {
    const recs = records.filter((r) => r.data.target.id === id);
    const service = windowService(ctx, planned(recs));
    const T = lengthOf(service);
    const name = ctx.registry.systemById.get(id)?.nameZh ?? id;
    if (T === 0) continue;
    const refs: EvidenceRef[] = recs.map((r) => refOf(r, '/outages'));
    const fromRecords = new Set<string>();
    const outages: Interval[] = [];
    for (const r of recs) {
      for (const o of r.data.outages) {
        outages.push([parseInstant(o.start), parseInstant(o.end)]);
        if (o.ticketNo !== undefined) fromRecords.add(o.ticketNo);
      }
    }
    for (const t of tickets) {
      if (t.data.systemId !== id || fromRecords.has(t.data.ticketNo)) continue;
      const iv = ticketInterval(ctx, t.data);
      if (lengthOf(intersect([iv], service)) > 0) {
        outages.push(iv);
        refs.push(refOf(t, '/resolvedAt'));
      }
    }
    const F = lengthOf(intersect(unionOf(outages), service));
    const A: Exact = ratio(T - F, T);
    const { band, points } = bandFor(rule, A);
    if (recs.length === 0) {
      notice(ctx, 'warnings', 'bj/availability-no-monitoring', `${name}（${id}）本考核期无可用性监测记录，可用性仅按故障工单计算`);
    }
    const text = `${name}（${id}）可用性 A = (${hoursZh(T)} − ${hoursZh(F)}) / ${hoursZh(T)} = ${percentZh(A)}，落在 ${bandZh(band)}，${pointsPhraseZh(points)}`;
    out.push(lineOf(rule, points, 'counted', text, refs, ctx.window.startMs, id));
  }
  return out;
}

/** R46 网络、安全设备可用性: one threshold line for the device fleet (all `network-security` groups). */
function networkAvailability(ctx: BjContext): BjLine[] {
  const rule = ctx.rules.byTrigger('availability.network-security-devices');
  const records = recordsFor(ctx, 'network-security-devices');
  const groups = new Set<string>(ctx.registry.systems.filter((s) => s.kind === 'network-security').map((s) => s.id));
  for (const r of records) groups.add(r.data.target.id);
  if (groups.size === 0) return [];
  let N = 0;
  const unknown: string[] = [];
  for (const g of [...groups].sort()) {
    const withCount = records.filter((r) => r.data.target.id === g && r.data.totalDevices !== undefined);
    const latest = withCount.sort((a, b) => parseInstant(b.data.windowStart) - parseInstant(a.data.windowStart))[0];
    const n = latest?.data.totalDevices ?? ctx.registry.systemById.get(g)?.totalDevices;
    if (n === undefined) unknown.push(g);
    else N += n;
  }
  if (unknown.length > 0 || N === 0) {
    notice(ctx, 'blockers', 'bj/availability-device-count', `网络、安全设备总数未知（${unknown.join('、')}），无法计算网络可用性：请在 systems.json 或可用性记录中填写 totalDevices`);
    return [];
  }
  const service = windowService(ctx, planned(records));
  const T = lengthOf(service);
  if (T === 0) return [];
  const refs: EvidenceRef[] = records.map((r) => refOf(r, '/outages'));
  const fromRecords = new Set<string>();
  let down = 0;
  const terms: string[] = [];
  for (const r of records) {
    for (const o of r.data.outages) {
      const f = lengthOf(intersect([[parseInstant(o.start), parseInstant(o.end)]], service));
      if (o.ticketNo !== undefined) fromRecords.add(o.ticketNo);
      if (f === 0) continue;
      down += f * o.devicesAffected;
      terms.push(`${hoursZh(f)} × ${o.devicesAffected}`);
    }
  }
  for (const t of evidenceOf(ctx, 'fault')) {
    const sys = t.data.systemId;
    if (sys === undefined || !groups.has(sys) || fromRecords.has(t.data.ticketNo) || !ticketCountsForAvailability(ctx, t.data)) continue;
    const f = lengthOf(intersect([ticketInterval(ctx, t.data)], service));
    if (f === 0) continue;
    const n = t.data.devicesAffected ?? 1;
    down += f * n;
    terms.push(`${hoursZh(f)} × ${n}`);
    refs.push(refOf(t, '/resolvedAt'));
  }
  const A = ratio(T * N - down, T * N);
  const { band, points } = bandFor(rule, A);
  const faults = terms.length === 0 ? '0' : terms.join(' + ');
  const text = `网络、安全设备可用性 A = (${hoursZh(T)} × ${N} − (${faults})) / (${hoursZh(T)} × ${N}) = ${percentZh(A)}，落在 ${bandZh(band)}，${pointsPhraseZh(points)}`;
  return [counted(rule, points, text, refs, ctx.window.startMs)];
}

/**
 * R22 重要保障 / R23 一般保障: per assurance task whose window starts in the period, A = T_up / T_use with
 * uncontrollable interruptions and planned downtime removed from both (BJ T 002:L454).
 */
function assurance(ctx: BjContext): BjLine[] {
  const important = ctx.rules.byTrigger('assurance.availability.important');
  const general = ctx.rules.byTrigger('assurance.availability.general');
  const all = evidenceOf(ctx, 'availability').filter((r) => r.data.target.type === 'assurance-task');
  const out: BjLine[] = [];
  for (const r of evidenceOf(ctx, 'assurance')) {
    const task = r.data;
    const start = parseInstant(task.window.start);
    const end = parseInstant(task.window.end);
    if (start < ctx.window.startMs || start >= ctx.window.endMs) continue;
    const rule = task.levelZh === '重要保障' ? important : general;
    const name = `${task.levelZh}“${task.labelZh}”`;
    const recs = all.filter((a) => a.id === task.availabilityRef || a.data.target.id === r.id);
    const ev = [refOf(r, '/window'), ...recs.map((a) => refOf(a, '/outages'))];
    if (end > ctx.asOfMs) {
      out.push(info(rule, `${name}尚未结束，暂不计算可用性`, ev, start));
      continue;
    }
    if (recs.length === 0) {
      notice(ctx, 'blockers', 'bj/assurance-no-availability', `${name}缺少可用性记录，无法计算保障可用性`, [refOf(r)]);
      out.push(info(rule, `${name}缺少可用性记录，待补充后计算`, ev, start));
      continue;
    }
    const outages = recs.flatMap((a) => a.data.outages);
    const uncontrollable = outages.filter((o) => !o.controllable).map((o): Interval => [parseInstant(o.start), parseInstant(o.end)]);
    const controllable = outages.filter((o) => o.controllable).map((o): Interval => [parseInstant(o.start), parseInstant(o.end)]);
    const use = subtract(subtract([[start, end]], planned(recs)), uncontrollable);
    const Tuse = lengthOf(use);
    if (Tuse === 0) {
      out.push(info(rule, `${name}扣除非可控中断后使用时长为 0，不计算`, ev, start));
      continue;
    }
    const Tup = Tuse - lengthOf(intersect(unionOf(controllable), use));
    const A = ratio(Tup, Tuse);
    const { band, points } = bandFor(rule, A);
    out.push(counted(rule, points, `${name}可用性 = 正常运行 ${hoursZh(Tup)} / 使用 ${hoursZh(Tuse)} = ${percentZh(A)}，落在 ${bandZh(band)}，${pointsPhraseZh(points)}`, ev, start));
  }
  return out;
}

/** Availability rules R22, R23, R42, R46. */
export function scoreAvailability(ctx: BjContext): BjLine[] {
  return [...assurance(ctx), ...systemAvailability(ctx), ...networkAvailability(ctx)];
}
