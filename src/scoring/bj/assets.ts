import { civilDayPeriod, localDateOf, parseInstant, startOfLocalDay } from '../../calendar/index.ts';
import type { BjContext, BjLine } from './context.ts';
import { dateInWindow, evidenceOf, inWindow, refOf } from './context.ts';
import { deadlineZh, pointsPhraseZh, timeZh } from './format-zh.ts';
import { counted, info } from './lines.ts';
import { fixedPoints } from './rule-table.ts';

/** BJ T '资产表更新及时性' (002:L453): "确认的变更是否在一周内及时更新" = 7 days, civil-code counting (A34). */
export const ASSET_LEDGER_UPDATE_DAYS = 7;

/**
 * R19 资产盘点 (a scheduled inventory not completed by `scheduledBy`, in the period of that date), R20 资产损失
 * (human cause, per asset, in the period of the loss), R21 资产表更新 (confirmed change not in the register within
 * 7 days, in the period of the deadline).
 */
export function scoreAssets(ctx: BjContext): BjLine[] {
  const inventory = ctx.rules.byTrigger('asset.inventory-missed');
  const loss = ctx.rules.byTrigger('asset.loss-human');
  const ledger = ctx.rules.byTrigger('asset.ledger-late');
  const out: BjLine[] = [];
  for (const r of evidenceOf(ctx, 'asset')) {
    const a = r.data;
    if (a.recordType === 'inventory' && a.inventory) {
      const dueMs = parseInstant(a.inventory.scheduledBy);
      if (!inWindow(ctx, dueMs)) continue;
      const head = `资产盘点（${a.assetZh}）计划于 ${timeZh(dueMs)} 前完成`;
      const ev = [refOf(r, '/inventory')];
      const done = a.inventory.completedAt === undefined ? undefined : parseInstant(a.inventory.completedAt);
      if (done !== undefined && done <= dueMs) out.push(info(inventory, `${head}，${timeZh(done)} 已完成`, ev, dueMs));
      else if (done !== undefined || ctx.asOfMs > dueMs) {
        const p = fixedPoints(inventory);
        const what = done === undefined ? '未完成' : `${timeZh(done)} 才完成`;
        out.push(counted(inventory, p, `${head}，${what}，${pointsPhraseZh(p)}`, ev, dueMs));
      }
    } else if (a.recordType === 'loss' && a.loss) {
      if (!dateInWindow(ctx, a.loss.date)) continue;
      const at = startOfLocalDay(a.loss.date);
      const ev = [refOf(r, '/loss')];
      if (a.loss.cause === 'human') {
        const p = fixedPoints(loss);
        out.push(counted(loss, p, `${a.loss.date} 人为原因造成资产（${a.assetZh}）损坏或丢失，${pointsPhraseZh(p)}（赔偿另计）`, ev, at));
      } else {
        out.push(info(loss, `${a.loss.date} 资产（${a.assetZh}）损失非人为原因，不扣分`, ev, at));
      }
    } else if (a.recordType === 'change' && a.change) {
      const confirmed = parseInstant(a.change.confirmedAt);
      const period = civilDayPeriod(localDateOf(confirmed), ASSET_LEDGER_UPDATE_DAYS);
      const dueMs = period.endExclusive - 1000;
      if (!inWindow(ctx, dueMs)) continue;
      const head = `资产变更（${a.assetZh}）于 ${timeZh(confirmed)} 确认，资产表应于 ${deadlineZh(dueMs)} 前更新`;
      const ev = [refOf(r, '/change')];
      const updated = a.change.ledgerUpdatedAt === undefined ? undefined : parseInstant(a.change.ledgerUpdatedAt);
      if (updated !== undefined && updated < period.endExclusive) out.push(info(ledger, `${head}，${timeZh(updated)} 已更新`, ev, dueMs));
      else if (updated !== undefined || ctx.asOfMs >= period.endExclusive) {
        const p = fixedPoints(ledger);
        const what = updated === undefined ? '仍未更新' : `${timeZh(updated)} 才更新`;
        out.push(counted(ledger, p, `${head}，${what}，${pointsPhraseZh(p)}`, ev, dueMs));
      }
    }
  }
  return out;
}
