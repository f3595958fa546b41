import type { Exact } from '../../decimal/index.ts';
import { exact, sum } from '../../decimal/index.ts';
import type { LedgerLine, LedgerNotice } from '../../ledger/index.ts';
import { satisfactionRows } from '../../model/index.ts';
import type { Period } from '../../period/index.ts';
import { exactConfigNumber } from './config-defaults.ts';
import type { LuoheContext } from './context.ts';
import { acceptLateDecision, accidentResolution, evidenceOf, monthEndDeadline } from './context.ts';
import { pts, six, when } from './format.ts';
import { cmp, ms, type Rec, ref, refs } from './records.ts';
import { luoheRule } from './rules.ts';

/** Satisfaction of one unit in one period (spec §4.3). */
export interface SatisfactionResult {
  score: Exact;
  /** No valid form by the deadline: 逾期未报送，视为满意. */
  deemed: boolean;
  form?: Rec<'satisfaction'>;
  line: LedgerLine;
  warnings: LedgerNotice[];
  blockers: LedgerNotice[];
}

/** S_sat = Σ w_r × v(level_r) over the latest valid form received by the deadline, else 30 (deemed satisfied). */
export function computeSatisfaction(ctx: LuoheContext, unitId: string, p: Period): SatisfactionResult {
  const r = luoheRule('LH-SAT');
  const deadline = monthEndDeadline(ctx, p);
  const forms = evidenceOf(ctx, 'satisfaction').filter((f) => f.data.unitId === unitId && f.data.evaluationPeriod === p.label);
  const warnings: LedgerNotice[] = [];
  const blockers: LedgerNotice[] = [];
  const eligible: Array<{ form: Rec<'satisfaction'>; late: boolean }> = [];
  const skipped: string[] = [];
  for (const f of forms) {
    const late = ms(f.data.receivedByCenterAt) > deadline;
    const accepted = late && acceptLateDecision(ctx, f.id) !== undefined;
    if (!f.data.signedAndSealed) skipped.push(`${f.id} 未签字盖章`);
    else if (late && !accepted) skipped.push(`${f.id} 于 ${when(ms(f.data.receivedByCenterAt))} 报送，晚于截止时间 ${when(deadline)}`);
    else eligible.push({ form: f, late });
    // §4.3: the accident flag never changes S_sat; it is a blocking reviewer task.
    if (f.data.accidentOccurred && accidentResolution(ctx, f.id) === undefined) {
      blockers.push({
        code: 'LH-ACCIDENT-UNRESOLVED',
        messageZh: `单位 ${unitId} 满意度评价表 ${f.id} 勾选“发生运维事故”，待审核人员决定是否适用扣分项（D1/D2）或处罚（P 类）或记录“不处理”`,
        evidence: [ref(f, '/accidentOccurred')],
      });
    }
  }
  eligible.sort((a, b) => ms(a.form.data.receivedByCenterAt) - ms(b.form.data.receivedByCenterAt) || cmp(a.form.id, b.form.id));
  const chosen = eligible.at(-1);
  const skippedNote = skipped.length > 0 ? `；不采用：${skipped.join('；')}` : '';
  if (!chosen) {
    return {
      score: exact(30),
      deemed: true,
      line: {
        ruleId: r.id,
        clause: r.clause,
        labelZh: r.labelZh,
        points: six(30),
        status: 'counted',
        explanationZh: `截至 ${when(deadline)} 未收到签字盖章的满意度评价表，逾期未报送，视为满意：30 分${skippedNote}`,
        evidence: refs(forms.map((f) => ref(f, '/receivedByCenterAt'))),
        unitId,
      },
      warnings,
      blockers,
    };
  }
  const form = chosen.form;
  const { rowWeights, levelValues } = ctx.config.satisfaction;
  const parts = satisfactionRows.map((row, i) => {
    const level = form.data.ratings[row].level;
    const w = exactConfigNumber(rowWeights[i] ?? 0);
    const v = exactConfigNumber(levelValues[level]);
    return { row, level, points: w.mul(v) };
  });
  const score = sum(parts.map((x) => x.points));
  const acceptance = chosen.late ? acceptLateDecision(ctx, form.id) : undefined;
  if (forms.length > 1) {
    warnings.push({ code: 'LH-SAT-MULTIPLE', messageZh: `单位 ${unitId} 本期有 ${forms.length} 份满意度评价表，采用截止前最后收到的有效表 ${form.id}`, evidence: refs(forms.map((f) => ref(f))) });
  }
  return {
    score,
    deemed: false,
    form,
    line: {
      ruleId: r.id,
      clause: r.clause,
      labelZh: r.labelZh,
      points: six(score),
      status: 'counted',
      explanationZh: `满意度评价表 ${form.id}（${when(ms(form.data.receivedByCenterAt))} 报送${chosen.late ? '，逾期但经审核人员同意采用' : ''}）：${parts
        .map((x) => `${x.row} ${x.level} ${pts(x.points)}`)
        .join('，')}；合计 ${pts(score)} 分${skippedNote}`,
      evidence: refs([ref(form, '/ratings'), ...(acceptance ? [ref(acceptance)] : [])]),
      unitId,
    },
    warnings,
    blockers,
  };
}
