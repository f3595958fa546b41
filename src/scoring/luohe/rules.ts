/** One Luohe rule: the id printed on ledger lines, its Chinese label and the clause it implements. */
export interface LuoheRule {
  id: string;
  labelZh: string;
  clause: string;
}

/** Score-dimension rules (spec §4.3–4.7). */
export const dimensionRules = [
  { id: 'LH-SAT', labelZh: '使用单位满意度评价', clause: "LH A3 §五(一); A4.1; A4.2 '满意度评价'" },
  { id: 'LH-DAILY', labelZh: '日常工作（线路租赁和购买服务按满分）', clause: 'LH A3 §五(二)' },
  { id: 'LH-VISIT', labelZh: '上门回访', clause: "LH A4.2 '上门回访'" },
  { id: 'LH-INSP', labelZh: '日常巡检', clause: "LH A4.2 '日常巡检'" },
  { id: 'LH-BACKUP', labelZh: '数据备份', clause: "LH A4.2 '数据备份'" },
  { id: 'LH-SCAN', labelZh: '漏洞扫描', clause: "LH A4.2 '漏洞扫描'" },
  { id: 'LH-EXC', labelZh: '异常处置', clause: "LH A3 §五(三); A4.2 '异常处置时效'" },
  { id: 'LH-FAULT', labelZh: '故障处置时效', clause: "LH A3 §五(三)1; A4.2 '异常处置时效'" },
  { id: 'LH-VULN', labelZh: '漏洞修复时效', clause: "LH A3 §五(三)2; A4.2 '异常处置时效'" },
  { id: 'LH-ARCH', labelZh: '运维资料归档', clause: "LH A3 §五(四); A4.2 '运维资料归档'" },
] as const satisfies ReadonlyArray<LuoheRule>;

/** Points range of a 扣分项 (spec §4.8); `fixed` rules have min = max. */
export interface DeductionRule extends LuoheRule {
  min: string;
  max: string;
}

/** 扣分项 D1–D6 and 协商扣减 N1 (spec §4.8, A40). */
export const deductionRules = [
  { id: 'D1', labelZh: '未及时排查系统故障', clause: 'LH A3 §五(五)1; A4.2 第5行', min: '1', max: '10' },
  { id: 'D2', labelZh: '有责投诉', clause: 'LH A3 §五(五)2; A4.2 第5行', min: '1', max: '10' },
  { id: 'D3', labelZh: '信息系统被通报批评', clause: 'LH A3 §五(五)3; A4.2 第5行', min: '5', max: '10' },
  { id: 'D4', labelZh: '不配合开展工作', clause: 'LH A3 §五(五)4; A4.2 第5行', min: '5', max: '10' },
  { id: 'D5', labelZh: '未履行报备义务', clause: 'LH A3 §五(五)5; A4.2 第5行', min: '5', max: '5' },
  { id: 'D6', labelZh: '日常工作开展不力', clause: 'LH A3 §五(五)6; A4.2 第5行', min: '5', max: '5' },
  { id: 'N1', labelZh: '协商扣减', clause: 'LH A4.2 说明5', min: '0', max: '100' },
] as const satisfies ReadonlyArray<DeductionRule>;

/** A money rule: a fixed amount in fen, a share of the gross monthly fee, or a reviewer amount. */
export interface MoneyRule extends LuoheRule {
  /** Fixed amount (fen) when the event gives none. */
  amountFen?: bigint;
  /** Share of the gross monthly fee F when the event gives none (P1 100%). */
  share?: string;
  /** Allowed share range (P2 10%–30%). */
  shareRange?: { min: string; max: string };
  /** Body list of A3 §五 (metadata, A24). */
  bodySection: string;
}

/** 处罚清单 P1–P5 and 重点监管事项 K1–K5 (spec §4.10; labels follow the A4.2 table, A24). */
export const moneyRules = [
  { id: 'P1', labelZh: '擅自破坏系统', clause: "LH A3 §五(六)1; A4.2 '擅自破坏系统'", share: '1', bodySection: '处罚清单 1' },
  {
    id: 'P2',
    labelZh: '违规操作',
    clause: "LH A3 §五(六)2; A4.2 '违规操作'",
    shareRange: { min: '0.10', max: '0.30' },
    bodySection: '处罚清单 2',
  },
  { id: 'P3', labelZh: '故障修复不彻底', clause: "LH A3 §五(六)4; A4.2 '故障修复不彻底'", amountFen: 2_000_000n, bodySection: '处罚清单 4' },
  { id: 'P4', labelZh: '风险处置不力', clause: "LH A3 §五(六)5; A4.2 '风险处置不力'", amountFen: 1_000_000n, bodySection: '处罚清单 5' },
  { id: 'P5', labelZh: '资料造假', clause: "LH A3 §五(六)3; A4.2 '资料造假'", amountFen: 1_000_000n, bodySection: '处罚清单 3' },
  { id: 'K1', labelZh: '系统运维承接不及时', clause: "LH A3 §五(六)6; A4.2 '系统运维承接不及时'", amountFen: 1_000_000n, bodySection: '处罚清单 6' },
  { id: 'K2', labelZh: '账号密码保管不善', clause: "LH A3 §五(六)7; A4.2 '账号密码保管不善'", amountFen: 1_000_000n, bodySection: '处罚清单 7' },
  { id: 'K3', labelZh: '上级考核指标完成情况', clause: "LH A3 §五(七)1; A4.2 '上级考核指标完成情况'", amountFen: 2_000_000n, bodySection: '重点监管 1' },
  { id: 'K4', labelZh: '驻场人员到位情况', clause: "LH A3 §五(七)2; A4.2 '驻场人员到位情况'", amountFen: 2_000_000n, bodySection: '重点监管 2' },
  { id: 'K5', labelZh: '交办事项落实情况', clause: "LH A3 §五(七)3; A4.2 '交办事项落实情况'", amountFen: 2_000_000n, bodySection: '重点监管 3' },
] as const satisfies ReadonlyArray<MoneyRule>;

/** Grade bands and fee deduction rates (spec §4.9). */
export const gradeRule: LuoheRule = { id: 'LH-GRADE', labelZh: '考核结果运用', clause: 'LH A3 §七; LH §3(二)1.1–1.4' };

/** 集中复核 (spec §4.12). */
export const centralReviewRule: LuoheRule = { id: 'LH-CR', labelZh: '集中复核核减', clause: 'LH §3(二)2.1–2.5' };

/** Quarterly installment (spec §4.11). */
export const installmentRule: LuoheRule = { id: 'LH-INST', labelZh: '季度支付', clause: 'LH §3(二)' };

const all: ReadonlyArray<LuoheRule> = [...dimensionRules, ...deductionRules, ...moneyRules, gradeRule, centralReviewRule, installmentRule];
const byId = new Map(all.map((r) => [r.id, r]));

/** The rule with this id; throws for an unknown id (a programming error). */
export function luoheRule(id: string): LuoheRule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown Luohe rule ${id}`);
  return rule;
}

/** The 扣分项 rule with this id, if it is one. */
export function deductionRule(id: string): DeductionRule | undefined {
  return deductionRules.find((r) => r.id === id);
}

/** The money rule with this id, if it is one. */
export function moneyRule(id: string): MoneyRule | undefined {
  return (moneyRules as ReadonlyArray<MoneyRule>).find((r) => r.id === id);
}
