import { parseInstant } from '../../calendar/index.ts';
import type { DocQualityReview } from '../../model/index.ts';
import type { ScoredRecord } from '../input.ts';
import type { BjContext, BjLine } from './context.ts';
import { evidenceOf, inWindow, notice, refOf, reviewsInWindow } from './context.ts';
import { deadlineZh, pointsPhraseZh, quoteZh, timeZh } from './format-zh.ts';
import { counted, info } from './lines.ts';
import { reportInstancesDue } from './report-due.ts';
import { fixedPoints } from './rule-table.ts';

/** R12 执行完成率: a task counts as done by `min(completedAt, feedbackAt)`; a miss belongs to the period of `dueAt`. */
function tasks(ctx: BjContext): BjLine[] {
  const rule = ctx.rules.byTrigger('task.overdue');
  const out: BjLine[] = [];
  for (const r of evidenceOf(ctx, 'task')) {
    const t = r.data;
    const dueMs = parseInstant(t.dueAt);
    if (!inWindow(ctx, dueMs)) continue;
    const done = [t.completedAt, t.feedbackAt].filter((x): x is string => x !== undefined).map(parseInstant);
    const doneMs = done.length > 0 ? Math.min(...done) : undefined;
    const head = `交办任务“${t.titleZh}”应于 ${deadlineZh(dueMs)} 前完成或反馈`;
    const ev = [refOf(r, '/dueAt')];
    if (doneMs !== undefined && doneMs <= dueMs) {
      out.push(info(rule, `${head}，${timeZh(doneMs)} 已完成或反馈`, ev, dueMs));
    } else if (doneMs !== undefined) {
      const p = fixedPoints(rule);
      out.push(counted(rule, p, `${head}，实际 ${timeZh(doneMs)} 才完成或反馈，${pointsPhraseZh(p)}`, ev, dueMs));
    } else if (ctx.asOfMs > dueMs) {
      const p = fixedPoints(rule);
      out.push(counted(rule, p, `${head}，截至 ${timeZh(ctx.asOfMs)} 未完成、未反馈，${pointsPhraseZh(p)}`, ev, dueMs));
    } else {
      out.push(info(rule, `${head}，尚未到期`, ev, dueMs));
    }
  }
  return out;
}

/**
 * R16 文档及时性 (spec §5.8): every report due in the window. A required report still missing after its deadline is
 * a BJ-R13 proposal (§6.3), or late at once with `bj.missingRequiredReport = 'late'`.
 */
function timeliness(ctx: BjContext): BjLine[] {
  const rule = ctx.rules.byTrigger('report.late');
  const out: BjLine[] = [];
  for (const inst of reportInstancesDue(ctx)) {
    const head = `${inst.labelZh}应于 ${deadlineZh(inst.dueMs)} 前提交`;
    const ticketRef = inst.ticket ? [refOf(inst.ticket, '/resolvedAt')] : [];
    if (inst.submission !== undefined) {
      const ev = [inst.submission.ref, ...ticketRef];
      if (inst.submission.ms > inst.dueMs) {
        const p = fixedPoints(rule);
        out.push(counted(rule, p, `${head}，实际 ${timeZh(inst.submission.ms)} 提交，${pointsPhraseZh(p)}`, ev, inst.dueMs));
      } else {
        out.push(info(rule, `${head}，实际 ${timeZh(inst.submission.ms)} 提交，按时`, ev, inst.dueMs));
      }
    } else if (ctx.asOfMs > inst.dueMs) {
      if (ctx.config.missingRequiredReport === 'late') {
        const p = fixedPoints(rule);
        out.push(counted(rule, p, `${head}，截至 ${timeZh(ctx.asOfMs)} 仍未提交（必交报告，cfg bj.requiredReports），${pointsPhraseZh(p)}`, ticketRef, inst.dueMs));
      } else {
        out.push(info(rule, `${head}，截至 ${timeZh(ctx.asOfMs)} 仍未提交：缺失由文档完整性（BJ-R13）提出，提交后按实际提交时间计算及时性`, ticketRef, inst.dueMs));
      }
    }
  }
  return out;
}

function docName(ctx: BjContext, review: DocQualityReview): string {
  if (review.documentId === undefined) return '本考核期文档';
  const rec = ctx.evidence.find((e) => e.id === review.documentId);
  if (rec?.data.kind === 'report') return `文档 ${review.documentId}（${rec.data.reportType} 报告，${rec.data.coversFrom} 至 ${rec.data.coversTo}）`;
  return `文档 ${review.documentId}`;
}

/**
 * R13 文档完整性 (missing sections), R14 文档准确性 (inaccuracies), R15 错别字 (ceil(n/5) × 0.5 per document, B17),
 * R17 分类保管 (once per period), R18 规范落实, all from reviewer `doc-quality` records filed under the window.
 * Typo counts of several reviews of one document add up before the blocks are counted.
 */
function quality(ctx: BjContext): BjLine[] {
  const missing = ctx.rules.byTrigger('document.missing-item');
  const inaccurate = ctx.rules.byTrigger('doc-quality.inaccuracy');
  const typos = ctx.rules.byTrigger('doc-quality.typos');
  const unfiled = ctx.rules.byTrigger('doc-quality.unfiled');
  const nonconforming = ctx.rules.byTrigger('doc-quality.nonconforming');
  const out: BjLine[] = [];
  const typoByDoc = new Map<string, Array<ScoredRecord<DocQualityReview>>>();
  for (const r of reviewsInWindow(ctx, 'doc-quality')) {
    const q = r.data;
    const at = parseInstant(q.reviewedAt);
    const name = docName(ctx, q);
    (q.missingSections ?? []).forEach((s, i) => {
      const p = fixedPoints(missing);
      out.push(counted(missing, p, `${name}缺少“${quoteZh(s)}”，${pointsPhraseZh(p)}`, [refOf(r, `/missingSections/${i}`)], at));
    });
    (q.inaccuracies ?? []).forEach((s, i) => {
      const p = fixedPoints(inaccurate);
      out.push(counted(inaccurate, p, `${name}数据与实际不符：${quoteZh(s)}，${pointsPhraseZh(p)}`, [refOf(r, `/inaccuracies/${i}`)], at));
    });
    (q.filingFindings ?? []).forEach((f, i) => {
      const rule = f.rule === '分类保管' ? unfiled : nonconforming;
      const p = fixedPoints(rule);
      out.push(counted(rule, p, `${f.rule}：${quoteZh(f.descZh)}，${pointsPhraseZh(p)}`, [refOf(r, `/filingFindings/${i}`)], at));
    });
    if ((q.typoCount ?? 0) > 0) {
      const key = q.documentId ?? `review:${r.id}`;
      typoByDoc.set(key, [...(typoByDoc.get(key) ?? []), r]);
    }
  }
  const block = typos.block ?? { size: 1, rounding: 'ceil' as const };
  for (const key of [...typoByDoc.keys()].sort()) {
    const revs = typoByDoc.get(key) ?? [];
    const n = revs.reduce((s, r) => s + (r.data.typoCount ?? 0), 0);
    const blocks = Math.ceil(n / block.size);
    const p = fixedPoints(typos).mul(blocks);
    const first = revs[0] as ScoredRecord<DocQualityReview>;
    out.push(
      counted(
        typos,
        p,
        `${docName(ctx, first.data)}错别字 ${n} 个，每 ${block.size} 个扣一次、不足 ${block.size} 个按 ${block.size} 个算，计 ${blocks} 次，${pointsPhraseZh(p)}`,
        revs.map((r) => refOf(r, '/typoCount')),
        parseInstant(first.data.reviewedAt),
      ),
    );
  }
  // Vendor-side counts on the report itself are not scored: the reviewer's doc-quality record is authoritative.
  const reviewed = new Set(reviewsInWindow(ctx, 'doc-quality').map((r) => r.data.documentId));
  for (const r of evidenceOf(ctx, 'report')) {
    if (!ctx.window.labels.includes(r.data.period) || reviewed.has(r.id)) continue;
    if ((r.data.typoCount ?? 0) > 0 || (r.data.inaccuracies ?? []).length > 0) {
      notice(ctx, 'warnings', 'bj/doc-quality-unreviewed', `报告 ${r.id} 记有错别字或不准确之处，但没有审核人员的 doc-quality 记录，未计分`, [refOf(r)]);
    }
  }
  return out;
}

/** Document rules R12–R18. R13 proposals for missing checklist entries come from the checklist (draft lines). */
export function scoreDocuments(ctx: BjContext): BjLine[] {
  return [...tasks(ctx), ...timeliness(ctx), ...quality(ctx)];
}
