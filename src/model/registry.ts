/**
 * Registry model: the contract facts under `content/contracts/<contractId>/` (spec §2, §5.3, §6, §9).
 * Each interface mirrors one JSON Schema in `schemas/registry/` field for field. Decimals and money are
 * strings (exact decimal text, yuan with two decimals); they are never parsed into binary floats here.
 * The config blocks keep the JSON numbers of spec §9 verbatim (e.g. `levelValues`, `failTailRate`).
 */

/** `YYYY-MM-DD`, a local date (Asia/Shanghai). */
type LocalDate = string;
/** An exact decimal as text, e.g. `"0.99"` or `"-0.5"`. */
type DecimalText = string;
/** Money in yuan as text with exactly two decimals, e.g. `"968750.00"`. */
type YuanText = string;
/** An ISO-8601 duration or period such as `PT10M`, `P7D` or `P1M`. */
type DurationText = string;

// ------------------------------------------------------------------------------------------------ contract

import { evidenceKinds } from './evidence.ts';
export const CONTRACT_IDS = ['luohe-2026-b', 'bj-kw-2026-p4'] as const;
export type ContractId = (typeof CONTRACT_IDS)[number];

export const SCHEMES = ['luohe-a3-2025', 'bj-kw-ops'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const PARTY_ROLES = ['甲方', '乙方'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** A contract party: names of representatives and contacts only, never phone, bank, tax or ID numbers. */
export interface Party {
  id: string;
  role: PartyRole;
  roleLabelZh?: string;
  nameZh: string;
  legalRepTitleZh?: string;
  legalRepZh?: string;
  projectContactTitleZh?: string;
  projectContactZh?: string;
  source: string;
}

export const PAYMENT_ANCHORS = ['invoice', 'assessmentEnd+invoice', 'signing'] as const;
export type PaymentAnchor = (typeof PAYMENT_ANCHORS)[number];

export type PaymentDue =
  | { kind: 'workingDaysAfter'; anchor: PaymentAnchor; n: number }
  | { kind: 'byDate'; date: LocalDate };

export interface DateRange {
  start: LocalDate;
  end: LocalDate;
}

export interface PaymentTerm {
  no: number;
  labelZh: string;
  percentOfTotal: DecimalText;
  baseAmount: YuanText;
  covers?: DateRange;
  serviceMonths?: number[];
  trigger: string;
  invoiceDue?: PaymentDue;
  due: PaymentDue;
  source: string;
}

export interface Package {
  id: string;
  contractId: string;
  labelZh: string;
  unitIds: string[];
}

export interface AssessmentOrganizer {
  nameZh: string;
  roleZh: string;
  implementerNameZh: string;
  implementerRoleZh: string;
  source: string;
}

export interface SignatureDates {
  cover?: LocalDate;
  partyA: LocalDate;
  partyB: LocalDate;
  source: string;
}

export interface ServiceArea {
  no: number;
  labelZh: string;
  source: string;
}

export interface NumberedClause {
  no: number;
  labelZh: string;
  textZh: string;
  source: string;
}

export const BJ_GRADES = ['优秀', '良好', '合格', '基本合格', '不合格'] as const;
export type BjGrade = (typeof BJ_GRADES)[number];

export interface AcceptanceGrade {
  gradeZh: BjGrade;
  lo?: DecimalText;
  loIncl?: boolean;
  hi?: DecimalText;
  hiIncl?: boolean;
  tailRefundRate: DecimalText;
  tailRefundAmount: YuanText;
  noteZh?: string;
}

export const TAIL_REFUND_TRIGGERS = ['acceptance-not-passed', 'always'] as const;
export type TailRefundTrigger = (typeof TAIL_REFUND_TRIGGERS)[number];

/** Beijing acceptance terms (BJ §七). */
export interface AcceptanceTerms {
  timingZh: string;
  afterApplicationDays: number;
  indicators: NumberedClause[];
  criteria: NumberedClause[];
  methodZh: string;
  resultZh: string;
  grades: AcceptanceGrade[];
  refundTrigger: TailRefundTrigger;
  source: string;
}

/** `contract.json`. Staff live in `staff.json`, not here. */
export interface Contract {
  id: ContractId;
  titleZh: string;
  scheme: Scheme;
  source: string;
  partyA: Party;
  partyB: Party;
  assessmentOrganizer?: AssessmentOrganizer;
  signed: SignatureDates;
  effectiveAt: LocalDate;
  effectiveRuleZh?: string;
  servicePeriod: DateRange;
  totalFee: YuanText;
  /** Luohe only: F = installment / 3. */
  monthlyFee?: YuanText;
  payments: PaymentTerm[];
  packages: Package[];
  serviceAreas?: ServiceArea[];
  acceptance?: AcceptanceTerms;
  quirks?: string[];
}

// ------------------------------------------------------------------------------------------------ units and items

/** `units.json` entry (使用单位). */
export interface Unit {
  id: string;
  nameZh: string;
  nameEn: string;
  itemNos: number[];
  itemNosAsInSource?: number[];
}

export const ITEM_CATEGORIES = ['LINE_SERVICE', 'HW_SYSTEM'] as const;
/** LINE_SERVICE 线路租赁和购买服务 / HW_SYSTEM 硬件及系统运维 (LH A3 §四). */
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export const OBLIGATION_KINDS = ['onlineRate', 'residentOnSite', 'eventSupport', 'cooperation'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const MONEY_RULE_REFS = ['K3', 'K4', 'K5'] as const;
export type MoneyRuleRef = (typeof MONEY_RULE_REFS)[number];

export interface ItemObligation {
  kind: ObligationKind;
  textZh: string;
  normalMin?: DecimalText;
  keyPeriodMin?: DecimalText;
  ruleRefs: MoneyRuleRef[];
  source: string;
}

export const ATTRIBUTION_CONFIDENCES = ['high', 'low'] as const;
export type AttributionConfidence = (typeof ATTRIBUTION_CONFIDENCES)[number];

export interface UnitAttribution {
  confidence: AttributionConfidence;
  reason: string;
  sourceUnitId: string;
}

/** `items.json` entry (运维事项). Its systems are the `systems.json` entries with this `itemNo`. */
export interface OmItem {
  id: string;
  no: number;
  unitId: string;
  nameZh: string;
  nameEn?: string;
  mainContentZh: string;
  category: ItemCategory;
  categoryAmbiguous: boolean;
  categoryReason: string;
  /** 年度重点监管运维事项; `null` = not designated yet (A25). */
  keySupervision: boolean | null;
  contractObligations: ItemObligation[];
  unitAttribution: UnitAttribution;
  quirks: string[];
  source: string;
}

export const SYSTEM_KINDS = ['application', 'network-security', 'facility', 'endpoint'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/** `systems.json` entry: an information system or device group (spec §2.5). */
export interface InfoSystem {
  id: string;
  /** Luohe: the HW_SYSTEM item; absent for Beijing. */
  itemNo?: number;
  nameZh: string;
  kind: SystemKind;
  backupRequired: boolean;
  scanRequired: boolean;
  inspectionInScope: boolean;
  totalDevices?: number;
  portalZh?: string;
  assumed?: boolean;
  assumptionsZh?: string[];
  note?: string;
  source: string;
}

// ------------------------------------------------------------------------------------------------ staff

export const SERVICE_TYPES = ['现场服务', '远程服务'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** A content-addressed attachment (common.schema.json#/$defs/attachmentRef). */
export interface RegistryAttachmentRef {
  sha256: string;
  mime: 'application/pdf' | 'image/png' | 'image/jpeg' | 'text/plain' | 'text/csv' | 'application/zip';
  titleZh: string;
  sealed?: boolean;
  signed?: boolean;
  pages?: number;
}

/** `staff.json` entry: names and roles only. */
export interface Staff {
  id: string;
  nameZh: string;
  /** Sample person invented because the seed has no staff list (Luohe). */
  fictional?: boolean;
  educationZh?: string;
  titleZh?: string;
  positionZh?: string;
  projectRoleZh: string;
  dutiesZh?: string;
  serviceType: ServiceType;
  /** Member of the resident (驻场) team. */
  resident: boolean;
  activeFrom: LocalDate;
  activeTo?: LocalDate;
  /** A personal confidentiality agreement is on file (BJ A2: S1 and S5 only). */
  ndaOnFile: boolean;
  confidentialityAgreement?: RegistryAttachmentRef;
  backgroundCheck?: RegistryAttachmentRef;
  source: string;
}

// ------------------------------------------------------------------------------------------------ config (spec §9)

export interface CommonConfig {
  timezone: 'Asia/Shanghai';
  /** A34 */
  calendarDayCounting: 'civil-code';
  calendars: string[];
}

export const SATISFACTION_LEVELS = ['满意', '基本满意', '一般', '不满意'] as const;
export type ConfigSatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export interface LuoheConfig {
  /** A28 */
  effectiveAt: LocalDate;
  /** A28 */
  handoverDeadline: LocalDate;
  monthlyFee: YuanText;
  /** A27 */
  periodMode: 'service-month' | 'calendar-month';
  /** A27, A16 */
  monthEndDeadline: 'period-end' | 'calendar-month-end';
  /** A36 */
  platformGraceDays: number;
  evidenceFreezeDays: number;
  reportGraceDays: number;
  /** A1, A2 */
  satisfaction: {
    rowWeights: number[];
    levelValues: Record<ConfigSatisfactionLevel, number>;
    acceptLatePolicy: 'reviewer';
  };
  /** A4 */
  inspectionCoverage: 'all' | 'any';
  /** A5 */
  weeklyDistribution: 'warn' | 'score';
  /** A18 */
  mixedUnitDailyWork: 'systems-only' | 'item-weighted';
  /** A8 */
  faultClockStart: 'reportedAt';
  /** A7 */
  faultBreachCount: 'per-ticket';
  /** A31 */
  l12EscalationWithin: DurationText;
  /** A12 */
  vulnDayCounting: 'elapsed' | 'civil-code';
  /** A13 */
  vulnRepeatMonthly: boolean;
  /** A11 */
  contractVulnHandling: 'warn' | 'score';
  /** A11 */
  immediateWithin: DurationText;
  /** A15 */
  archiveMode: 'pooled' | 'mean-per-scope';
  /** A16 */
  requirePaper: boolean;
  /** A37 */
  drillSchedule: number[];
  /** A37 */
  trainingSchedule: number[];
  /** A17 */
  unitWeighting: 'equal';
  /** A19 */
  deductionLevel: 'package' | 'unit';
  /** A20 */
  aggravation: { keyItemMin: 'ceil-midpoint'; maxFactor: number; requireJustification: boolean };
  /** A21 */
  d6Granularity: 'per-system-per-period';
  /** A22 */
  gradeRounding: 'none' | 'round-half-up-int' | 'floor-int';
  /** A14 */
  floorZero: boolean;
  /** A23 */
  penaltyOverflow: 'floor-and-report' | 'carry-within-installment';
  /** A26 */
  k3OnlineRate: { items: number[]; monthlyMin: number; keyPeriodMin: number };
  /** A30 */
  rectificationDue: 'next-period-end';
  changeFilingWorkingDays: number;
  /** A35 */
  filingWaiver: 'unless-rejected' | 'approved-only' | 'none';
  /** A38 */
  crRatioMeaning: 'removed' | 'kept';
  /** A39 */
  latePaymentBase: 'base';
  /** A29 */
  crSurplus: 'report-only';
  /** A32: keys are item ranges "from-to". */
  unitOverrides: Record<string, { unit: string; confirmed: boolean }>;
  /** A6 */
  systems: string;
}

export const BJ_REPORT_TYPES = ['weekly', 'monthly', 'quarterly', 'half-year', 'annual', 'fault'] as const;
export type BjReportType = (typeof BJ_REPORT_TYPES)[number];

export const BJ_SURVEY_LEVELS = ['非常满意', '满意', '基本满意', '不满意'] as const;
export type BjSurveyLevel = (typeof BJ_SURVEY_LEVELS)[number];

export interface BjConfig {
  servicePeriod: [LocalDate, LocalDate];
  /** B1 */
  periodMode: 'calendar-month';
  /** B1 */
  mergeShortPeriodDays: number;
  /** B1 */
  acceptanceAggregation: 'day-weighted-mean' | 'single-annual-period' | 'last-period';
  /** B2 */
  clampTotal: { min: number; max: number } | null;
  /** B4 */
  tailRefundTrigger: TailRefundTrigger;
  /** B4 */
  tailSettlementDate: LocalDate;
  /** B4 */
  failTailRate: number;
  /** B7 */
  serviceHours: '24x7';
  /** B25 */
  pageInspectionDays: 'calendar' | 'working';
  /** B13 */
  deadlineTime: string;
  /** B4, B26 */
  annualReportDue: LocalDate;
  /** B10 */
  sickCombine: 'max';
  /** B12 */
  offsiteNotice: DurationText;
  /** B12 */
  onsiteNotice: DurationText;
  /** B13 */
  reportDue: {
    weekly: 'W(weekEnd,1)';
    monthly: 'WM(next,3)';
    quarterly: 'WM(nextQuarter,5)';
    halfYear: 'WM(nextHalf,5)';
    fault: 'W(resolvedDate,3)';
  };
  /** B14 */
  bonusRequiresEvent: boolean;
  /** B18 */
  surveyReplyDays: number;
  /** B20 */
  satisfactionRateLevels: BjSurveyLevel[];
  /** B26 */
  requiredReports: BjReportType[];
  /** B24 */
  faultSla: { remoteResponse: DurationText; onSite: DurationText; fix: DurationText };
  /** B19 */
  ndaScope: 'all-staff';
  /** B5 */
  faultLevels: 'luohe-a3-definitions';
  /** B15 */
  specialPeriods: string;
}

export interface LuoheConfigFile {
  common: CommonConfig;
  luohe: LuoheConfig;
}

export interface BjConfigFile {
  common: CommonConfig;
  bj: BjConfig;
}

/** `config.json`: one of the two shapes, chosen by the contract's scheme. */
export type ContractConfig = LuoheConfigFile | BjConfigFile;

// ------------------------------------------------------------------------------------------------ catalogue (spec §6)

export const CATALOGUE_EVENTS = [
  'fault-resolved',
  'fault-l1l2',
  'fault-or-vuln-handled',
  'patch',
  'major-change',
  'change',
  'onboarding',
  'decommission',
  'status-change',
  'objective-obstacle',
  'force-majeure',
  'special-period',
  'deliverable',
  'security-test',
  'survey',
] as const;
export type CatalogueEvent = (typeof CATALOGUE_EVENTS)[number];

export const LUOHE_GRADES = ['优秀', '良好', '一般', '较差'] as const;
export type LuoheGrade = (typeof LUOHE_GRADES)[number];

export const DEADLINE_ANCHORS = [
  'effectiveAt',
  'handoverDeadline',
  'serviceEnd',
  'annualReportDue',
  'acceptance',
] as const;
export type DeadlineAnchor = (typeof DEADLINE_ANCHORS)[number];

export type CatalogueFrequency =
  | { type: 'standing'; from?: 'luohe.handoverDeadline'; updateOn?: 'change' }
  | { type: 'daily' }
  | { type: 'weekly' }
  | { type: 'monthly' }
  | { type: 'quarterly' }
  | { type: 'half-yearly' }
  | { type: 'service-months'; months: number[] }
  | { type: 'per-event'; event: CatalogueEvent; within?: DurationText }
  | { type: 'after-grade'; grades: LuoheGrade[] }
  | { type: 'deadline'; anchor: DeadlineAnchor; offset?: DurationText };

export const CATALOGUE_SCOPES = ['package', 'unit', 'item', 'event'] as const;
export type CatalogueScope = (typeof CATALOGUE_SCOPES)[number];

export const CATALOGUE_APPLIES_TO = ['every-unit', 'hw-items', 'any-item'] as const;
export type CatalogueAppliesTo = (typeof CATALOGUE_APPLIES_TO)[number];

export const CATALOGUE_COUNTED_PER = ['unit', 'hw-item', 'event'] as const;
export type CatalogueCountedPer = (typeof CATALOGUE_COUNTED_PER)[number];

export const BJ_DUE_RULES = [
  'W(weekEnd,1)',
  'WM(next,3)',
  'WM(nextQuarter,5)',
  'WM(nextHalf,5)',
  'W(resolvedDate,3)',
] as const;
export type BjDueRule = (typeof BJ_DUE_RULES)[number];

interface CatalogueEntryBase {
  code: string;
  labelZh: string;
  frequency: CatalogueFrequency;
  dueZh: string;
  configKey?: string;
  source: string;
}

/** Luohe C01–C15: feeds the documentation sub-score S_arch (spec §4.6, §6.1). */
export interface ScoredCatalogueEntry extends CatalogueEntryBase {
  scored: true;
  scope: CatalogueScope;
  appliesTo: CatalogueAppliesTo;
  countedPer: CatalogueCountedPer;
  presentPredicateZh: string;
}

/** Luohe T01–T18: tracked, not scored (spec §6.2). */
export interface TrackedCatalogueEntry extends CatalogueEntryBase {
  scored: false;
}

/** Beijing BJ-D01–BJ-D21 (spec §6.3): missing → BJ-R13, late → BJ-R16 proposals. */
export interface BjCatalogueEntry extends CatalogueEntryBase {
  scored: false;
  dueRule?: BjDueRule;
  alsoAtAcceptance?: boolean;
  linkedRules: string[];
}

/** `catalogue.json` entry. */
export type CatalogueEntry = ScoredCatalogueEntry | TrackedCatalogueEntry | BjCatalogueEntry;

// ------------------------------------------------------------------------------------------------ BJ rules (spec §5.3)

export const SCORE_MODES = [
  'per-occurrence',
  'per-person-occurrence',
  'per-day',
  'per-excess-day',
  'per-missing',
  'threshold',
  'ranking',
  'once-per-period',
  'per-special-period',
  'range-reviewer',
] as const;
export type ScoreMode = (typeof SCORE_MODES)[number];

/** Vendor evidence kinds a rule reads (docs/content-model.md). */
export const RULE_EVIDENCE_KINDS = evidenceKinds;
export type RuleEvidenceKind = (typeof RULE_EVIDENCE_KINDS)[number];

/** Reviewer file kinds a rule reads (reviews/…). */
export const RULE_REVIEWER_INPUTS = ['event', 'doc-quality', 'ranking', 'decision', 'acceptance'] as const;
export type RuleReviewerInput = (typeof RULE_REVIEWER_INPUTS)[number];

/** A band on a ratio written as a decimal fraction ("0.99" = 99%); an absent bound is unbounded. */
export interface ThresholdBand {
  lo?: DecimalText;
  loIncl?: boolean;
  hi?: DecimalText;
  hiIncl?: boolean;
  points: DecimalText;
}

export const RANKING_POSITIONS = ['top-n', 'to-average', 'below-average', 'bottom-n'] as const;
export type RankingPosition = (typeof RANKING_POSITIONS)[number];

/** A band of a ranking rule; `cumulative` bands add to the below-average band (BJ-R43 "加扣"). */
export interface RankingBand {
  position: RankingPosition;
  n?: number;
  points: DecimalText;
  cumulative: boolean;
}

/** Points of one outcome of a multi-outcome rule (BJ-R27, R36, R37, R49, R50). */
export interface OutcomePoints {
  outcome: string;
  labelZh: string;
  points: DecimalText;
  /** Counting unit of this outcome when it differs from the rule's mode. */
  mode?: ScoreMode;
}

export type ScoreRulePoints =
  | DecimalText
  | { min: DecimalText; max: DecimalText }
  | ThresholdBand[]
  | RankingBand[]
  | OutcomePoints[];

/** `rules.json` entry (spec §5.3). */
export interface ScoreRule {
  id: string;
  categoryZh: string;
  itemZh: string;
  contentZh: string;
  standardZh: string;
  remarkZh?: string;
  readingZh: string;
  /** Machine condition such as `attendance.late`, or `reviewer`. */
  trigger: string;
  mode: ScoreMode;
  points: ScoreRulePoints;
  capPerPeriod?: { max?: DecimalText; min?: DecimalText };
  /** Free units before a per-excess-day rule starts (BJ-R03: 3, BJ-R04: 5). */
  allowance?: number;
  /** Points per started block of a count (BJ-R15: 5 typos). */
  block?: { size: number; rounding: 'ceil' };
  evidence: RuleEvidenceKind[];
  reviewerInputs: RuleReviewerInput[];
  auto: boolean;
  configKeys: string[];
  ambiguityIds: string[];
  source: string;
}

// ------------------------------------------------------------------------------------------------ special periods

export const SPECIAL_PERIOD_KINDS = ['statutory-holiday', 'party-a-notice'] as const;
export type SpecialPeriodKind = (typeof SPECIAL_PERIOD_KINDS)[number];

/** `special-periods.json` entry: a reviewer-designated special period (B15), dates inclusive. */
export interface DesignatedSpecialPeriod {
  id: string;
  labelZh: string;
  kind: SpecialPeriodKind;
  from: LocalDate;
  to: LocalDate;
  designatedBy: 'reviewer';
  confirmed: boolean;
  basisZh: string;
  source: string;
}
