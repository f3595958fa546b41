/**
 * The ledger: one JSON document per contract and period, the data product every view (CLI, portal, PDF,
 * DOCX, PR comment) reads. Described for other tools by `schemas/ledger.schema.json`.
 *
 * Conventions: scores and points are decimal strings with exactly six decimals, rounded half-up only when
 * written (`"81.544444"`); money is integer fen (JSON numbers; the largest contract is far below 2^53);
 * instants are ISO-8601 with +08:00. Arrays are sorted so that the same inputs give byte-identical JSON.
 */

/** Where a number comes from: an evidence or review record and its file:line. */
export interface EvidenceRef {
  id: string;
  file: string;
  line: number;
}

/** How a line takes part in the score. */
export type LineStatus =
  /** counts toward the score or money */
  | 'counted'
  /** proposed by the engine, counts only once a reviewer finalises it */
  | 'draft'
  /** an obligation met by an approved filing or reviewer waiver */
  | 'waived'
  /** shown for context; no effect */
  | 'informational';

/** One reason a score or amount moved: the rule, the clause it implements, a Chinese explanation, the evidence. */
export interface LedgerLine {
  /** Stable rule id, e.g. `LH-SAT`, `LH-INSP`, `LH-FAULT`, `D3`, `P3`, `BJ-R40`. */
  ruleId: string;
  /** The contract clause, e.g. `LH A4.2 '数据备份'`. */
  clause: string;
  labelZh: string;
  /** Points this line adds (positive) or removes (negative); "0.000000" for lines with no effect. */
  points: string;
  /** Money effect in fen (negative = deducted), for money rules. */
  amountFen?: number;
  status: LineStatus;
  explanationZh: string;
  evidence: EvidenceRef[];
  /** Unit or item the line concerns. */
  unitId?: string;
  itemNo?: number;
  systemId?: string;
}

/** A required-archive entry (spec §6) and whether it is met. */
export interface ChecklistEntry {
  code: string;
  labelZh: string;
  scope: 'package' | 'unit' | 'item' | 'event';
  unitId?: string;
  itemNo?: number;
  /** The ticket or event the entry belongs to (C09, C10). */
  eventRef?: string;
  status: 'present' | 'missing' | 'waived';
  /** Whether this entry counts in the documentation score (Luohe §6.1) or is only tracked. */
  scored: boolean;
  fulfilledBy: EvidenceRef[];
  noteZh: string;
}

/** Something that keeps a period provisional, or that a reviewer should look at. */
export interface LedgerNotice {
  code: string;
  messageZh: string;
  evidence: EvidenceRef[];
}

/** A record that failed validation: kept and shown as 无效, never counted (spec §3.0). */
export interface InvalidRecord {
  id: string;
  file: string;
  reasons: Array<{ line: number; column: number; code: string; message: string }>;
}

/** Luohe: one using unit's 100-point score (spec §4.3–4.7). */
export interface UnitLedger {
  unitId: string;
  nameZh: string;
  score: string;
  /** Informational grade on the package bands (spec §4.7). */
  grade: string;
  dimensions: { satisfaction: string; dailyWork: string; exceptionHandling: string; archive: string };
  lines: LedgerLine[];
}

/** Beijing: one rule of the table with its events and capped total (spec §5.3). */
export interface RuleLedger {
  ruleId: string;
  clause: string;
  labelZh: string;
  /** Sum after the per-period cap. */
  points: string;
  /** `not-applicable` when an external input (ranking, survey) is absent. */
  status: 'applied' | 'not-applicable';
  cap?: { max?: string; min?: string };
  events: LedgerLine[];
}

/** Money effect of the period. Luohe fills the monthly fields (spec §4.11); Beijing, paid by installments and a
 * tail, fills `tail` (spec §5.2) and leaves the monthly ones out. */
export interface MoneyLedger {
  monthlyFeeFen?: number;
  gradeDeductionRate?: string;
  gradeDeductionFen?: number;
  penaltiesFen: number;
  payableFen?: number;
  unrecoveredFen?: number;
  penalties: LedgerLine[];
  tail?: {
    tailFen: number;
    /** Grade used for the refund exposure (the aggregate so far). */
    grade: string;
    refundRate: string;
    refundExposureFen: number;
    /** Only when a reviewer recorded acceptance not passed with the refund applied (spec §5.2, B4). */
    refundAppliedFen: number;
  };
}

export interface Ledger {
  ledgerVersion: 1;
  contractId: string;
  scheme: 'luohe-a3-2025' | 'bj-kw-ops';
  period: string;
  periodStart: string;
  periodEnd: string;
  status: 'provisional' | 'final';
  asOf: string;
  engineVersion: string;
  configHash: string;
  /** Config values that differ from the spec's defaults (spec §9), by dotted key. */
  configNonDefault: Record<string, unknown>;
  package: {
    score: string;
    grade: string;
    /** Luohe: mean of active units before 扣分项. */
    average?: string;
    deductionPoints?: string;
    deductionRate?: string;
    deductions?: LedgerLine[];
    activeUnits?: string[];
  };
  units: UnitLedger[];
  rules: RuleLedger[];
  money: MoneyLedger;
  checklist: ChecklistEntry[];
  blockers: LedgerNotice[];
  warnings: LedgerNotice[];
  invalid: InvalidRecord[];
}
