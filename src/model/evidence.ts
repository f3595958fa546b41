/**
 * Vendor evidence model (spec §3, docs/content-model.md). Hand-written to match `schemas/evidence/*.schema.json`
 * exactly: one interface per kind, discriminated on `kind`. The schemas are authoritative for validation; these
 * types describe a file that has passed its schema.
 */

/** `YYYY-MM-DD`, local date (Asia/Shanghai). */
export type ISODate = string;
/** ISO-8601 instant with offset, e.g. `2026-10-21T10:00:00+08:00` (seconds optional). */
export type ISODateTime = string;
/** Exact decimal as a string, e.g. `"4.5"`, `"-0.5"`. Never a binary float. */
export type Dec = string;
/** Money in yuan with exactly two decimals, e.g. `"968750.00"`. */
export type Yuan = string;
/** Period label `YYYY-MM`. */
export type PeriodLabel = string;
/** Unit id `U01`…`U10`. */
export type UnitId = string;
/** Item number from items.json (1…65 for Luohe). */
export type ItemNo = number;
export type SystemId = string;
export type StaffId = string;
/** Lower-case hex SHA-256. */
export type Sha256 = string;
/** `<contractId>/<period>/<unitId|_pkg>/<itemNo|_unit>/<kind>-<seq>`. */
export type EvidenceId = string;
/** Work-order number (故障工单号 / 漏洞编号). */
export type TicketNo = string;

export const evidenceKinds = [
  'visit',
  'inspection',
  'backup',
  'scan',
  'fault',
  'vuln',
  'satisfaction',
  'report',
  'archive',
  'filing',
  'status-change',
  'availability',
  'attendance',
  'assurance',
  'special-period',
  'hidden-danger',
  'suggestion',
  'feedback',
  'survey',
  'emergency',
  'asset',
  'staff-change',
  'task',
  'rectification',
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/**
 * The kind's own time field from which `occurredAt` is derived (content-model table). A dotted path means a nested
 * field. A date-only field (`attendance.date`) is taken at 00:00+08:00. A ticket is filed under the period of its
 * `reportedAt` (Beijing tickets also carry `notifiedAt`, which the Beijing SLA clocks start from).
 */
export const primaryTimeField: Record<EvidenceKind, string> = {
  visit: 'visitedAt',
  inspection: 'inspectedAt',
  backup: 'startedAt',
  scan: 'scannedAt',
  fault: 'reportedAt',
  vuln: 'foundAt',
  satisfaction: 'receivedByCenterAt',
  report: 'submittedAt',
  archive: 'uploadedAt',
  filing: 'filedAt',
  'status-change': 'effectiveAt',
  availability: 'windowStart',
  attendance: 'date',
  assurance: 'window.start',
  'special-period': 'window.start',
  'hidden-danger': 'foundAt',
  suggestion: 'submittedAt',
  feedback: 'receivedAt',
  survey: 'issuedAt',
  emergency: 'declaredAt',
  asset: 'occurredAt',
  'staff-change': 'submittedAt',
  task: 'assignedAt',
  rectification: 'submittedAt',
};

// ------------------------------------------------------------------ shared shapes (common.schema.json)

export const attachmentMimes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  'application/zip',
] as const;
export type AttachmentMime = (typeof attachmentMimes)[number];

export interface AttachmentRef {
  sha256: Sha256;
  mime: AttachmentMime;
  titleZh: string;
  sealed?: boolean;
  signed?: boolean;
  pages?: number;
}

/** 综合分析决策平台 record. */
export interface PlatformRecord {
  ref: string;
  submittedAt: ISODateTime;
}

/** 纸质版 receipt (reviewer-entered). */
export interface PaperReceiptRef {
  receivedAt: ISODateTime;
  receiptRef: string;
}

/** A window [start, end) (envelope `$defs/window`). */
export interface TimeWindow {
  start: ISODateTime;
  end: ISODateTime;
}

// ------------------------------------------------------------------ envelope

export interface EvidenceBase {
  /** When given, must equal the id derived from the path. */
  id?: EvidenceId;
  kind: EvidenceKind;
  contractId: string;
  period: PeriodLabel;
  unitId?: UnitId;
  itemNos?: ItemNo[];
  systemIds?: SystemId[];
  recordedBy: StaffId;
  /** Derived from `primaryTimeField` when absent. */
  occurredAt?: ISODateTime;
  platform?: PlatformRecord;
  paper?: PaperReceiptRef;
  attachments: AttachmentRef[];
  supersedes?: EvidenceId;
}

// ------------------------------------------------------------------ enumerations

export const satisfactionLevels = ['满意', '基本满意', '一般', '不满意'] as const;
export type SatisfactionLevel = (typeof satisfactionLevels)[number];

export const satisfactionRows = [
  '运维服务对接情况',
  '系统正常使用情况',
  '异常响应情况',
  '异常解决情况',
  '运维公司服务态度',
] as const;
export type SatisfactionRow = (typeof satisfactionRows)[number];

export const vulnSeverities = ['极危', '高危', '中危', '低危'] as const;
export type VulnSeverity = (typeof vulnSeverities)[number];

export const faultLevels = [1, 2, 3, 4] as const;
export type FaultLevel = (typeof faultLevels)[number];

export const faultCategories = ['网络', '设备', '系统服务', '终端使用', '关联系统', '线路', '其他'] as const;
export type FaultCategoryZh = (typeof faultCategories)[number];

export const inspectionModes = ['backend', 'onsite', 'page-availability', 'server'] as const;
export type InspectionMode = (typeof inspectionModes)[number];

export const visitTopics = ['系统运行情况汇报', '使用情况', '反馈意见', '其他'] as const;
export type VisitTopicZh = (typeof visitTopics)[number];

export const reportTypes = [
  'weekly',
  'monthly',
  'quarterly',
  'half-year',
  'annual',
  'fault',
  'event',
  'other',
] as const;
export type ReportType = (typeof reportTypes)[number];

/** Checklist codes of spec §6: C01–C15 (Luohe scored), T01–T18 (Luohe tracked), BJ-D01–BJ-D21 (Beijing). */
export const docKinds = [
  'C01',
  'C02',
  'C03',
  'C04',
  'C05',
  'C06',
  'C07',
  'C08',
  'C09',
  'C10',
  'C11',
  'C12',
  'C13',
  'C14',
  'C15',
  'T01',
  'T02',
  'T03',
  'T04',
  'T05',
  'T06',
  'T07',
  'T08',
  'T09',
  'T10',
  'T11',
  'T12',
  'T13',
  'T14',
  'T15',
  'T16',
  'T17',
  'T18',
  'BJ-D01',
  'BJ-D02',
  'BJ-D03',
  'BJ-D04',
  'BJ-D05',
  'BJ-D06',
  'BJ-D07',
  'BJ-D08',
  'BJ-D09',
  'BJ-D10',
  'BJ-D11',
  'BJ-D12',
  'BJ-D13',
  'BJ-D14',
  'BJ-D15',
  'BJ-D16',
  'BJ-D17',
  'BJ-D18',
  'BJ-D19',
  'BJ-D20',
  'BJ-D21',
] as const;
export type DocKind = (typeof docKinds)[number];

export const attendanceTypes = [
  'late',
  'early-leave',
  'absent',
  'sick-leave',
  'off-post',
  'chatting-noise',
  'dress-code',
  'vacancy-day',
] as const;
export type AttendanceType = (typeof attendanceTypes)[number];

// ------------------------------------------------------------------ kinds

/** §3.1 上门回访记录. */
export interface VisitRecord extends EvidenceBase {
  kind: 'visit';
  unitId: UnitId;
  visitedAt: ISODateTime;
  visitorStaffIds: StaffId[];
  unitContactRoleZh: string;
  /** Never shown on the portal. */
  unitContactNameZh?: string;
  topicsZh: VisitTopicZh[];
  issuesRaised: { descZh: string; linkedTicketId?: EvidenceId }[];
  followUps: { descZh: string; dueAt?: ISODateTime }[];
  itemNosDiscussed: ItemNo[];
}

export interface InspectionCheck {
  targetZh: string;
  metricZh: string;
  value?: string;
  result: '正常' | '异常';
  noteZh?: string;
}

export interface InspectionFinding {
  descZh: string;
  foundAt: ISODateTime;
  inScope: boolean;
  feedbackAt?: ISODateTime;
  feedbackChannel?: string;
  linkedTicketId?: EvidenceId;
}

/** §3.2 巡检记录 / 巡检留痕记录. */
export interface InspectionRecord extends EvidenceBase {
  kind: 'inspection';
  inspectedAt: ISODateTime;
  mode: InspectionMode;
  checks: InspectionCheck[];
  logAnalysisZh?: string;
  findings: InspectionFinding[];
  staffIds: StaffId[];
  reportAttachment?: AttachmentRef;
}

/** §3.3 数据备份记录. `backupPath` is required when `result` is `success`. */
export interface BackupRecord extends EvidenceBase {
  kind: 'backup';
  systemId: SystemId;
  startedAt: ISODateTime;
  completedAt: ISODateTime;
  result: 'success' | 'failed';
  type: 'full' | 'incremental' | 'differential' | 'snapshot';
  dataScopeZh: string;
  backupPath?: string;
  storageTargetZh: string;
  sizeBytes?: number;
  checksum?: string;
  restoreTest?: { testedAt: ISODateTime; result: 'success' | 'failed'; noteZh?: string };
}

/** §3.4 漏洞扫描报告. */
export interface ScanReport extends EvidenceBase {
  kind: 'scan';
  systemIds: SystemId[];
  scannedAt: ISODateTime;
  toolZh: string;
  toolVersion: string;
  scopeTargets: string[];
  summary: Record<VulnSeverity, number>;
  reportAttachment: AttachmentRef;
  findingTicketIds: EvidenceId[];
  falsePositives?: { titleZh: string; severity: VulnSeverity; reasonZh: string }[];
}

export interface ForceMajeureClaim {
  claimed: boolean;
  typeZh: '天气' | '自然灾害' | '火灾' | '其他';
  writtenStatement: AttachmentRef;
  interimPlan?: AttachmentRef;
  /** Mirrors the reviewer's force-majeure decision file. */
  decision?: 'pending' | 'waived' | 'reduced' | 'not-waived';
  reducedPoints?: Dec;
  decidedBy?: string;
  decidedAt?: ISODateTime;
}

/** §3.5 故障工单. */
export interface FaultTicket extends EvidenceBase {
  kind: 'fault';
  ticketNo: TicketNo;
  /** Luohe: required (checked in code). Beijing has no items. */
  itemNo?: ItemNo;
  systemId?: SystemId;
  level: FaultLevel;
  levelOverride?: { level: FaultLevel; by: string; reasonZh: string };
  categoryZh: FaultCategoryZh;
  reportedAt: ISODateTime;
  reportedBy: 'unit' | 'center' | 'vendor-monitoring' | 'other';
  respondedAt?: ISODateTime;
  resolvedAt?: ISODateTime;
  escalation?: { centerAt?: ISODateTime; unitAt?: ISODateTime };
  emergencyPlanActivated?: boolean;
  causeZh: string;
  resolutionZh: string;
  forceMajeure?: ForceMajeureClaim;
  majorImpact?: boolean;
  /** ticketNo of an earlier fault. */
  recurrenceOf?: TicketNo;
  analysisReport?: AttachmentRef;
  sealedReport?: AttachmentRef;
  // Beijing extras
  notifiedAt?: ISODateTime;
  remoteRespondedAt?: ISODateTime;
  onSiteRequired?: boolean;
  onSiteArrivedAt?: ISODateTime;
  escalatedToSecondLineAt?: ISODateTime;
  thirdPartyVendor?: boolean;
  devicesAffected?: number;
  downtimeCountsForAvailability?: boolean;
  plannedDowntime?: boolean;
  reportSubmittedAt?: ISODateTime;
}

/** §3.6 漏洞工单. */
export interface VulnTicket extends EvidenceBase {
  kind: 'vuln';
  vulnId: TicketNo;
  /** Luohe: required (checked in code). */
  itemNo?: ItemNo;
  systemId: SystemId;
  severity: VulnSeverity;
  source: 'self-scan' | 'center-review' | 'superior-notice' | 'third-party-test' | 'other';
  cve?: string[];
  titleZh: string;
  foundAt: ISODateTime;
  respondedAt?: ISODateTime;
  fixedAt?: ISODateTime;
  mitigatedAt?: ISODateTime;
  mitigationZh?: string;
  verification?: { by: 'center'; at: ISODateTime; result: 'passed' | 'failed'; noteZh?: string };
  regression?: { introducedNewVuln: boolean; affectedNormalUse: boolean };
  /** vulnId of an earlier ticket. */
  recurrenceOf?: TicketNo;
  sealedReport?: AttachmentRef;
}

export interface SatisfactionRating {
  conductedZh?: string;
  level: SatisfactionLevel;
}

/** §3.7 政务信息系统运维满意度评价表. `dissatisfactionReasonsZh` is required if any level is 一般 or 不满意. */
export interface SatisfactionForm extends EvidenceBase {
  kind: 'satisfaction';
  unitId: UnitId;
  evaluationPeriod: PeriodLabel;
  evaluationDate: ISODate;
  ratings: Record<SatisfactionRow, SatisfactionRating>;
  accidentOccurred: boolean;
  dissatisfactionReasonsZh?: string;
  suggestionsZh?: string;
  signedAndSealed: boolean;
  receivedByCenterAt: ISODateTime;
  scan: AttachmentRef;
}

/** §3.8 月报 / 周报 / 季报 / 半年报 / 年报 / 故障报告 … */
export interface WorkReport extends EvidenceBase {
  kind: 'report';
  reportType: ReportType;
  coversFrom: ISODate;
  coversTo: ISODate;
  coversUnits?: UnitId[];
  submittedAt: ISODateTime;
  attachment?: AttachmentRef;
  typoCount?: number;
  inaccuracies?: string[];
}

/** §3.9 运维资料. `eventRef` is required when `scope` is `event`. */
export interface ArchiveDocument extends EvidenceBase {
  kind: 'archive';
  docKind: DocKind;
  scope: 'package' | 'unit' | 'item' | 'event';
  eventRef?: EvidenceId;
  version: string;
  effectiveFrom: ISODate;
  approvedByPartyAAt?: ISODateTime;
  uploadedAt: ISODateTime;
  sections?: { itemNo?: ItemNo; unitId?: UnitId; titleZh: string }[];
  coversItemNos?: ItemNo[];
}

/** §3.11 书面报备. */
export interface AdvanceFiling extends EvidenceBase {
  kind: 'filing';
  activity: 'visit' | 'inspection' | 'backup' | 'scan';
  unitId: UnitId;
  fromDate: ISODate;
  toDate: ISODate;
  waivedCount: number;
  filedAt: ISODateTime;
  approvedBy?: string;
  approvedAt?: ISODateTime;
  reasonZh: string;
  attachment?: AttachmentRef;
}

/** §3.12 / §2.1 运维事项状态变更. The supporting documents are the envelope `attachments`. */
export interface ItemStatusChange extends EvidenceBase {
  kind: 'status-change';
  itemNo: ItemNo;
  effectiveAt: ISODateTime;
  status: 'active' | 'suspended' | 'terminated';
  reasonZh: '迁云上云' | '整合替代' | '部门要求' | '其他';
  nonVendorCause: boolean;
  filedWithCenterAt?: ISODateTime;
}

export interface AvailabilityOutage {
  start: ISODateTime;
  end: ISODateTime;
  devicesAffected: number;
  cause: string;
  controllable: boolean;
  ticketNo?: TicketNo;
}

/** §3.13 可用性 / 在线率记录. */
export interface AvailabilityRecord extends EvidenceBase {
  kind: 'availability';
  target: { type: 'system' | 'network-security-devices' | 'assurance-task' | 'camera-set'; id: string };
  windowStart: ISODateTime;
  windowEnd: ISODateTime;
  /** `'24x7'` or the name of a service calendar. */
  serviceHours: string;
  plannedDowntime: { start: ISODateTime; end: ISODateTime; approvedRef: string }[];
  outages: AvailabilityOutage[];
  totalDevices?: number;
  samples?: { date: ISODate; online: number; total: number }[];
  keyPeriods?: { start: ISODateTime; end: ISODateTime; labelZh: string }[];
  /** Cameras: online rate as a fraction. */
  onlineRate?: Dec;
  dataSource: { systemZh: string; sha256: Sha256; exportedAt?: ISODateTime };
}

/** §3.14 驻场人员出勤 (BJ). `minutes` required for late/early-leave, `complaintRef` for chatting-noise. */
export interface AttendanceEvent extends EvidenceBase {
  kind: 'attendance';
  staffId: StaffId;
  date: ISODate;
  type: AttendanceType;
  minutes?: number;
  scheduledStart?: ISODateTime;
  scheduledEnd?: ISODateTime;
  complaintRef?: string;
  sickDays?: number;
  sourceZh: string;
}

/** §3.16 重点保障 (BJ). */
export interface AssuranceTask extends EvidenceBase {
  kind: 'assurance';
  levelZh: '重要保障' | '一般保障';
  window: TimeWindow;
  labelZh: string;
  availabilityRef?: EvidenceId;
}

/** §3.16 特殊时段保障 (BJ). */
export interface SpecialPeriod extends EvidenceBase {
  kind: 'special-period';
  specialPeriodId?: string;
  labelZh: string;
  window: TimeWindow;
  plan?: AttachmentRef;
  planSubmittedAt?: ISODateTime;
  accidents: { occurredAt: ISODateTime; descZh: string; humanCaused: boolean; ticketNo?: TicketNo }[];
}

/** §3.16 隐患 (BJ). */
export interface HiddenDanger extends EvidenceBase {
  kind: 'hidden-danger';
  descZh: string;
  foundAt: ISODateTime;
  reportedAt: ISODateTime;
  resolvedAt?: ISODateTime;
  routine: boolean;
}

/** §3.16 意见建议 (BJ). */
export interface Suggestion extends EvidenceBase {
  kind: 'suggestion';
  context: 'emergency' | 'fault';
  contentZh: string;
  submittedAt: ISODateTime;
  adoptedAt?: ISODateTime;
  relatedIds?: EvidenceId[];
}

/** §3.16 表扬/投诉 (BJ). The spec's `kind` field is `feedbackType` (kind is the discriminator). */
export interface FeedbackEvent extends EvidenceBase {
  kind: 'feedback';
  feedbackType: '表扬' | '投诉';
  personLevel: '重要人员' | '一般人员';
  staffId?: StaffId;
  receivedAt: ISODateTime;
  contentZh: string;
  sourceZh?: string;
}

/** §3.16 整体满意度调查 (BJ). */
export interface SatisfactionSurvey extends EvidenceBase {
  kind: 'survey';
  issuedAt: ISODateTime;
  result?: '非常满意' | '满意' | '基本满意' | '不满意';
  respondedAt?: ISODateTime;
  respondentZh?: string;
}

/** §3.16 应急事件 (BJ). */
export interface EmergencyEvent extends EvidenceBase {
  kind: 'emergency';
  titleZh: string;
  declaredAt: ISODateTime;
  planLevel: string;
  respondBy?: ISODateTime;
  respondedAt?: ISODateTime;
  dueBy: ISODateTime;
  completedAt?: ISODateTime;
  feedbackAt?: ISODateTime;
  descZh?: string;
}

/** §3.16 资产记录 (BJ). The sub-object named by `recordType` is required. */
export interface AssetRecord extends EvidenceBase {
  kind: 'asset';
  occurredAt: ISODateTime;
  recordType: 'change' | 'inventory' | 'loss';
  assetZh: string;
  change?: { confirmedAt: ISODateTime; ledgerUpdatedAt?: ISODateTime };
  inventory?: { scheduledBy: ISODateTime; completedAt?: ISODateTime };
  loss?: { date: ISODate; cause: 'human' | 'other'; descZh?: string };
}

/** §3.16 人员变动 (BJ §六.2). `handoverSheet` required for 调离/替换, `replacementStaffId` for 替换. */
export interface StaffChangeRequest extends EvidenceBase {
  kind: 'staff-change';
  staffId: StaffId;
  changeType: '新增' | '调离' | '替换';
  replacementStaffId?: StaffId;
  submittedAt: ISODateTime;
  effectiveAt: ISODateTime;
  handoverSheet?: AttachmentRef;
  approvedAt?: ISODateTime;
  reasonZh?: string;
}

/** §3.16 交办任务 (执行完成率). */
export interface TaskAssignment extends EvidenceBase {
  kind: 'task';
  titleZh: string;
  assignedAt: ISODateTime;
  assignedByZh?: string;
  dueAt: ISODateTime;
  completedAt?: ISODateTime;
  feedbackAt?: ISODateTime;
  descZh?: string;
}

/** §3.18 问题分析报告及整改报告 (Luohe). */
export interface RectificationReport extends EvidenceBase {
  kind: 'rectification';
  forPeriod: PeriodLabel;
  submittedAt: ISODateTime;
  rootCausesZh: string;
  actions: { descZh: string; owner: StaffId; dueAt: ISODateTime; doneAt?: ISODateTime }[];
  attachment?: AttachmentRef;
}

export type Evidence =
  | VisitRecord
  | InspectionRecord
  | BackupRecord
  | ScanReport
  | FaultTicket
  | VulnTicket
  | SatisfactionForm
  | WorkReport
  | ArchiveDocument
  | AdvanceFiling
  | ItemStatusChange
  | AvailabilityRecord
  | AttendanceEvent
  | AssuranceTask
  | SpecialPeriod
  | HiddenDanger
  | Suggestion
  | FeedbackEvent
  | SatisfactionSurvey
  | EmergencyEvent
  | AssetRecord
  | StaffChangeRequest
  | TaskAssignment
  | RectificationReport;

/** The interface of one kind. */
export type EvidenceOf<K extends EvidenceKind> = Extract<Evidence, { kind: K }>;
