/**
 * Reviewer-owned records (`content/reviews/<contractId>/<period>/<id>.json`, docs/content-model.md). Hand-written to
 * match `schemas/review/*.schema.json` exactly, discriminated on `kind`.
 */
import type {
  AttachmentRef,
  Dec,
  EvidenceId,
  FaultLevel,
  ISODateTime,
  ItemNo,
  PeriodLabel,
  Sha256,
  StaffId,
  UnitId,
  Yuan,
} from './evidence.ts';

/** Money in integer fen. JSON numbers, so `number` (always a safe integer), not the spec's `bigint`. */
export type Fen = number;
/** 甲方 reviewer account id (not a name). */
export type ReviewerId = string;
/** Review record id, unique within the contract (by convention the file name without `.json`). */
export type ReviewId = string;
/** D1–D6, P1–P5, K1–K5, N1, BJ-R01…BJ-R50 (pattern-checked by the schema). */
export type RuleId = string;

export const reviewKinds = [
  'event',
  'paper-receipt',
  'decision',
  'doc-quality',
  'ranking',
  'acceptance',
  'cr-input',
  'contract-penalty',
  'signoff',
] as const;
export type ReviewKind = (typeof reviewKinds)[number];

/** Every reviewer file has these. */
export interface ReviewBase {
  id: ReviewId;
  kind: ReviewKind;
  contractId: string;
  period: PeriodLabel;
}

/** §3.10 扣分 / 处罚事件. */
export interface ReviewerEvent extends ReviewBase {
  kind: 'event';
  ruleId: RuleId;
  occurredAt: ISODateTime;
  unitId?: UnitId;
  itemNo?: ItemNo;
  staffId?: StaffId;
  descriptionZh: string;
  evidence: AttachmentRef[];
  relatedIds?: string[];
  points?: Dec;
  amountFen?: Fen;
  percentOfMonthlyFee?: Dec;
  keySupervisionAggravated?: boolean;
  adjustment?: { kind: '酌情减免' | '加重扣分'; deltaPoints: Dec; justificationZh: string };
  notice?: { levelZh: '市级' | '省级及以上'; correctedWithinDeadline?: boolean };
  status: 'draft' | 'final';
  proposedBy: 'engine' | 'reviewer';
  decidedBy?: ReviewerId;
  decidedAt?: ISODateTime;
  objection?: {
    filedAt: ISODateTime;
    textZh: string;
    outcome?: 'upheld' | 'amended' | 'rejected';
    outcomeAt?: ISODateTime;
  };
}

/**
 * §4.6 the period's paper receipt. Without `waived: true`, `receivedAt`, `receiptRef` and `documents` are required;
 * with it, `waivedReasonZh` is.
 */
export interface PaperReceipt extends ReviewBase {
  kind: 'paper-receipt';
  receivedAt?: ISODateTime;
  receiptRef?: string;
  documents?: 'all-uploaded' | EvidenceId[];
  waived?: boolean;
  waivedReasonZh?: string;
  recordedBy?: ReviewerId;
}

export const decisionTypes = [
  'force-majeure',
  'level-override',
  'accept-late-satisfaction',
  'filing',
  'accident-resolution',
  'unit-attribution',
] as const;
export type DecisionType = (typeof decisionTypes)[number];

interface DecisionBase extends ReviewBase {
  kind: 'decision';
  decisionType: DecisionType;
  decidedBy: ReviewerId;
  decidedAt: ISODateTime;
  noteZh?: string;
}

/** §3.5 / §4.5 force majeure (中心会同使用单位). `reducedPoints` is required when `decision` is `reduced`. */
export interface ForceMajeureDecision extends DecisionBase {
  decisionType: 'force-majeure';
  ticketId: EvidenceId;
  decision: 'pending' | 'waived' | 'reduced' | 'not-waived';
  reducedPoints?: Dec;
}

/** §3.5 / §4.13 ticket level dispute. */
export interface LevelOverrideDecision extends DecisionBase {
  decisionType: 'level-override';
  ticketId: EvidenceId;
  level: FaultLevel;
  reasonZh: string;
}

/** §4.3 accept a late satisfaction form (acceptLate). */
export interface AcceptLateSatisfactionDecision extends DecisionBase {
  decisionType: 'accept-late-satisfaction';
  evidenceId: EvidenceId;
}

/** §3.11 / A35 approval or rejection of an advance filing. */
export interface FilingDecision extends DecisionBase {
  decisionType: 'filing';
  evidenceId: EvidenceId;
  approved: boolean;
}

/** §4.3 resolution of an accidentOccurred flag. */
export interface AccidentResolutionDecision extends DecisionBase {
  decisionType: 'accident-resolution';
  evidenceId: EvidenceId;
  outcomeZh: string;
  eventIds?: ReviewId[];
}

/** §2.4 / A32 unit-attribution confirmation. */
export interface UnitAttributionDecision extends DecisionBase {
  decisionType: 'unit-attribution';
  itemNos: ItemNo[];
  unitId: UnitId;
  confirmed: boolean;
}

export type ReviewDecision =
  | ForceMajeureDecision
  | LevelOverrideDecision
  | AcceptLateSatisfactionDecision
  | FilingDecision
  | AccidentResolutionDecision
  | UnitAttributionDecision;

/** §3.15 document-quality findings. Without `documentId` the findings concern the whole period. */
export interface DocQualityReview extends ReviewBase {
  kind: 'doc-quality';
  documentId?: EvidenceId;
  reviewedAt: ISODateTime;
  reviewedBy?: ReviewerId;
  typoCount?: number;
  inaccuracies?: string[];
  missingSections?: string[];
  filingFindings?: { rule: '分类保管' | '规范落实'; descZh: string }[];
}

/** §3.16 external ranking (BJ-R43, BJ-R47). */
export interface RankingInput extends ReviewBase {
  kind: 'ranking';
  metric: 'fault-count' | 'cloud-efficiency';
  rank: number;
  population: number;
  average: Dec;
  value: Dec;
  sourceZh?: string;
  evidence?: AttachmentRef[];
}

/** §5.2 acceptance decision (BJ). */
export interface AcceptanceDecision extends ReviewBase {
  kind: 'acceptance';
  passed: boolean;
  refundApplied: boolean;
  decidedAt: ISODateTime;
  decidedBy?: ReviewerId;
  noteZh?: string;
  evidence?: AttachmentRef[];
}

export interface CostVoucher {
  ref: string;
  amount: Yuan;
  submittedAt: ISODateTime;
  accepted: boolean;
  descZh?: string;
}

/** §4.12 集中复核 inputs for one item. */
export interface CentralReviewInput extends ReviewBase {
  kind: 'cr-input';
  itemNo: ItemNo;
  historicContractAnnualFee: Yuan;
  compressionRatio: Dec;
  voucherDeadline?: ISODateTime;
  vouchers: CostVoucher[];
  decidedBy?: ReviewerId;
  evidence?: AttachmentRef[];
}

/** §3.17 contract-level penalty event. */
export interface ContractPenaltyEvent extends ReviewBase {
  kind: 'contract-penalty';
  penaltyType:
    | 'late-service'
    | 'late-payment'
    | 'late-deliverable'
    | 'subcontracting'
    | 'confidentiality-breach'
    | 'other';
  party: '甲方' | '乙方';
  clause: string;
  occurredAt: ISODateTime;
  daysLate?: number;
  deliverableZh?: string;
  baseFen?: Fen;
  amountFen: Fen;
  descriptionZh: string;
  status: 'draft' | 'final';
  decidedBy?: ReviewerId;
  decidedAt?: ISODateTime;
  evidence: AttachmentRef[];
  relatedIds?: string[];
}

/** §10.1 reviewer sign-off that makes a period final. */
export interface PeriodSignoff extends ReviewBase {
  kind: 'signoff';
  signedBy: ReviewerId;
  signedAt: ISODateTime;
  version?: number;
  supersedes?: ReviewId;
  configHash?: Sha256;
  evidenceRoot?: Sha256;
  reportSha256?: Sha256;
  noteZh?: string;
}

export type Review =
  | ReviewerEvent
  | PaperReceipt
  | ReviewDecision
  | DocQualityReview
  | RankingInput
  | AcceptanceDecision
  | CentralReviewInput
  | ContractPenaltyEvent
  | PeriodSignoff;

/** The interface (or union, for `decision`) of one kind. */
export type ReviewOf<K extends ReviewKind> = Extract<Review, { kind: K }>;
