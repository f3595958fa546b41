import type { Exact } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';
import type { EvidenceRef, LedgerLine, LineStatus } from '../../ledger/index.ts';
import type { ScoreRule } from '../../model/index.ts';
import type { BjLine } from './context.ts';
import { fixed6 } from './format-zh.ts';

/** A line of a rule. `informational` lines are kept for the record and never count. */
export function lineOf(
  rule: ScoreRule,
  points: Exact,
  status: LineStatus,
  explanationZh: string,
  evidence: EvidenceRef[],
  at: number,
  systemId?: string,
): BjLine {
  const l: BjLine = { ruleId: rule.id, points, status, explanationZh, evidence, at };
  if (systemId !== undefined) l.systemId = systemId;
  return l;
}

/** A counted line. */
export function counted(rule: ScoreRule, points: Exact, explanationZh: string, evidence: EvidenceRef[], at: number): BjLine {
  return lineOf(rule, points, 'counted', explanationZh, evidence, at);
}

/** An informational line (no effect). */
export function info(rule: ScoreRule, explanationZh: string, evidence: EvidenceRef[], at: number): BjLine {
  return lineOf(rule, exact(0), 'informational', explanationZh, evidence, at);
}

function compareRefs(a: EvidenceRef, b: EvidenceRef): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.line - b.line || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** Evidence refs without duplicates, sorted by id. */
export function uniqueRefs(refs: readonly EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const r of [...refs].sort(compareRefs)) {
    const k = `${r.id}\u0000${r.file}\u0000${r.line}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(r);
    }
  }
  return out;
}

/** Deterministic order of the lines of one rule: by instant, then evidence, then text. */
export function compareLines(a: BjLine, b: BjLine): number {
  if (a.at !== b.at) return a.at - b.at;
  const ea = a.evidence.map((e) => e.id).join(',');
  const eb = b.evidence.map((e) => e.id).join(',');
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.explanationZh !== b.explanationZh) return a.explanationZh < b.explanationZh ? -1 : 1;
  return a.status < b.status ? -1 : a.status > b.status ? 1 : a.points.compare(b.points);
}

/** The ledger form of a line: six-decimal points, zero for informational lines. */
export function toLedgerLine(rule: ScoreRule, l: BjLine): LedgerLine {
  const out: LedgerLine = {
    ruleId: rule.id,
    clause: rule.source,
    labelZh: rule.contentZh,
    points: fixed6(l.status === 'informational' ? 0 : l.points),
    status: l.status,
    explanationZh: l.explanationZh,
    evidence: uniqueRefs(l.evidence),
  };
  if (l.systemId !== undefined) out.systemId = l.systemId;
  return out;
}
