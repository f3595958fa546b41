import type { InfoSystem, ItemStatusChange } from '../../model/index.ts';
import type { Period } from '../../period/index.ts';
import type { LuoheContext } from './context.ts';
import { evidenceOf } from './context.ts';
import { cmp, ms, type Rec } from './records.ts';

/** One step of an item's status timeline (spec §3.12). */
export interface StatusStep {
  atMs: number;
  status: ItemStatusChange['status'];
  record: Rec<'status-change'>;
}

const timelines = new WeakMap<LuoheContext, Map<number, StatusStep[]>>();

/** Status changes per item, in time order (ties by id). Items start `active` at the service start. */
export function statusTimelines(ctx: LuoheContext): Map<number, StatusStep[]> {
  const cached = timelines.get(ctx);
  if (cached) return cached;
  const out = new Map<number, StatusStep[]>();
  for (const r of evidenceOf(ctx, 'status-change')) {
    const list = out.get(r.data.itemNo) ?? [];
    list.push({ atMs: ms(r.data.effectiveAt), status: r.data.status, record: r });
    out.set(r.data.itemNo, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.atMs - b.atMs || cmp(a.record.id, b.record.id));
  timelines.set(ctx, out);
  return out;
}

/** The item's status at an instant. */
export function statusAt(ctx: LuoheContext, itemNo: number, atMs: number): ItemStatusChange['status'] {
  let status: ItemStatusChange['status'] = 'active';
  for (const step of statusTimelines(ctx).get(itemNo) ?? []) {
    if (step.atMs > atMs) break;
    status = step.status;
  }
  return status;
}

/** Spec §4.2: an item is in scope in p if it is active at any instant of p. */
export function itemInScope(ctx: LuoheContext, itemNo: number, p: Period): boolean {
  if (statusAt(ctx, itemNo, p.startMs) === 'active') return true;
  return (statusTimelines(ctx).get(itemNo) ?? []).some((s) => s.atMs > p.startMs && s.atMs < p.endMs && s.status === 'active');
}

/** The sets of spec §4.2 for one unit and period. */
export interface UnitScope {
  unitId: string;
  active: boolean;
  /** H(u,p): in-scope HW_SYSTEM items. */
  hw: number[];
  /** L(u,p): in-scope LINE_SERVICE items. */
  line: number[];
  /** HW items whose inspection counts (at least one system with inspectionInScope, or no system at all). */
  inspectionItems: number[];
  /** I(u,p), B(u,p), V(u,p). */
  inspectionSystems: InfoSystem[];
  backupSystems: InfoSystem[];
  scanSystems: InfoSystem[];
  /** Status changes of the unit's items that take effect inside p. */
  changes: StatusStep[];
}

/** H, L, I, B, V of a unit in a period. */
export function unitScope(ctx: LuoheContext, unitId: string, p: Period): UnitScope {
  const hw: number[] = [];
  const line: number[] = [];
  const changes: StatusStep[] = [];
  for (const no of ctx.itemsOfUnit.get(unitId) ?? []) {
    const item = ctx.itemByNo.get(no);
    if (!item) continue;
    for (const s of statusTimelines(ctx).get(no) ?? []) if (s.atMs >= p.startMs && s.atMs < p.endMs) changes.push(s);
    if (!itemInScope(ctx, no, p)) continue;
    (item.category === 'HW_SYSTEM' ? hw : line).push(no);
  }
  const systems = hw.flatMap((no) => ctx.systemsOfItem.get(no) ?? []);
  const inspectionItems = hw.filter((no) => {
    const list = ctx.systemsOfItem.get(no) ?? [];
    return list.length === 0 || list.some((s) => s.inspectionInScope);
  });
  return {
    unitId,
    active: hw.length + line.length > 0,
    hw,
    line,
    inspectionItems,
    inspectionSystems: systems.filter((s) => s.inspectionInScope),
    backupSystems: systems.filter((s) => s.backupRequired),
    scanSystems: systems.filter((s) => s.scanRequired),
    changes: changes.sort((a, b) => a.atMs - b.atMs || cmp(a.record.id, b.record.id)),
  };
}
