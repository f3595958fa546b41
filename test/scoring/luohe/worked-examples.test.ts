import { describe, expect, test } from 'vitest';
import { CalendarMissingError } from '../../../src/calendar/index.ts';
import { exact } from '../../../src/decimal/index.ts';
import {
  computeLuoheInstallment,
  computeLuohePackage,
  computeMonthlyPayable,
  gradeOf,
  monthResultFromLedger,
  scoreLuohePeriod,
  scoreLuohePeriodExact,
} from '../../../src/scoring/luohe/index.ts';
import { at, Builder, calendar, registry } from './builders.ts';
import { ASOF, history, october, workedExample } from './fixtures.ts';

const ledger = scoreLuohePeriod(workedExample().input('2026-10', ASOF));
const unit = (id: string) => {
  const u = ledger.units.find((x) => x.unitId === id);
  if (!u) throw new Error(id);
  return u;
};

describe('§7.1 市气象局 (U10)', () => {
  test('unit score 98.800000 优秀', () => {
    expect(unit('U10').score).toBe('98.800000');
    expect(unit('U10').grade).toBe('优秀');
    expect(unit('U10').dimensions).toEqual({ satisfaction: '28.800000', dailyWork: '30.000000', exceptionHandling: '30.000000', archive: '10.000000' });
  });
  test('|R| = 9: C01–C05, C06, C07(62), C08(62), C09(L3 ticket), all present', () => {
    const entries = ledger.checklist.filter((c) => c.unitId === 'U10');
    expect(entries.map((c) => c.code)).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09']);
    expect(entries.every((c) => c.status === 'present' && c.fulfilledBy.length > 0)).toBe(true);
  });
  test('the L3 ticket and the 中危 vulnerability are on time', () => {
    const fault = unit('U10').lines.find((l) => l.ruleId === 'LH-FAULT');
    expect(fault?.points).toBe('0.000000');
    expect(fault?.explanationZh).toContain('响应 10:15（时限 10:20，按时）');
    const vuln = unit('U10').lines.find((l) => l.ruleId === 'LH-VULN');
    expect(vuln?.explanationZh).toContain('时限 2026-11-04 14:00');
  });
});

describe('§7.2 市水利局 (U07)', () => {
  test('unit score 81.544444 with dimensions 27.6 / 24.5 / 20 / 9.444444', () => {
    expect(unit('U07').score).toBe('81.544444');
    expect(unit('U07').grade).toBe('良好');
    expect(unit('U07').dimensions).toEqual({ satisfaction: '27.600000', dailyWork: '24.500000', exceptionHandling: '20.000000', archive: '9.444444' });
  });
  test('the L2 breach explains itself in Chinese with the evidence line', () => {
    const line = unit('U07').lines.find((l) => l.ruleId === 'LH-FAULT');
    expect(line).toMatchObject({ points: '-10.000000', status: 'counted', itemNo: 53, clause: "LH A3 §五(三)1; A4.2 '异常处置时效'" });
    expect(line?.explanationZh).toBe(
      '2 级故障 GD-20261027-01（事项 53）：报告 2026-10-27 09:00；响应 09:08（时限 09:10，按时）；解决时间 14:30 晚于时限 13:00（报告后 4 小时），扣 10 分',
    );
    expect(line?.evidence.map((e) => e.file)).toEqual(expect.arrayContaining([expect.stringContaining('/U07/53/fault-')]));
  });
  test('|R| = 18 with the C09 故障分析报告 missing; item 52 has a weekly-gap warning', () => {
    const entries = ledger.checklist.filter((c) => c.unitId === 'U07');
    expect(entries).toHaveLength(18);
    expect(entries.filter((c) => c.status === 'missing').map((c) => c.code)).toEqual(['C09']);
    expect(ledger.warnings.some((w) => w.code === 'LH-WEEKLY-GAP' && w.messageZh.includes('事项 52'))).toBe(true);
  });
  test('S53 was scanned in 2026-09, so no D6 is proposed', () => {
    expect(ledger.package.deductions).toEqual([]);
  });
  test('had S53 also lacked a scan in 2026-09, a D6 draft (−5) is proposed and blocks finalisation', () => {
    const b = workedExample();
    b.evidence = b.evidence.filter((r) => !(r.data.kind === 'scan' && r.period === '2026-09' && (r.data.systemIds ?? []).includes('S53')));
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    const d6 = l.package.deductions?.filter((d) => d.ruleId === 'D6');
    expect(d6).toHaveLength(1);
    expect(d6?.[0]).toMatchObject({ status: 'draft', points: '-5.000000', systemId: 'S53', unitId: 'U07' });
    expect(l.package.deductionPoints).toBe('0.000000');
    expect(l.blockers.some((x) => x.code === 'LH-DRAFT-PROPOSAL')).toBe(true);
  });
});

describe('§7.3 package score and payment for 2026-10', () => {
  const exactResult = scoreLuohePeriodExact(workedExample().input('2026-10', ASOF));
  const u07 = exactResult.units.find((u) => u.unitId === 'U07')?.score ?? exact(0);
  const u10 = exactResult.units.find((u) => u.unitId === 'U10')?.score ?? exact(0);
  const unitScores = [
    { unitId: 'U01', score: '96.40' },
    { unitId: 'U02', score: '93.20' },
    { unitId: 'U03', score: '100.00' },
    { unitId: 'U04', score: '91.00' },
    { unitId: 'U05', score: '86.50' },
    { unitId: 'U06', score: '95.00' },
    { unitId: 'U07', score: u07 },
    { unitId: 'U08', score: '100.00' },
    { unitId: 'U09', score: '88.60' },
    { unitId: 'U10', score: u10 },
  ];
  const d3 = [{ points: '5', unitId: 'U05' }];

  test('U03 (line-only, no form) scores 100', () => {
    expect(unit('U03').score).toBe('100.000000');
    expect(unit('U03').lines.find((l) => l.ruleId === 'LH-SAT')?.explanationZh).toContain('视为满意');
  });
  test('A = 93.104444, D3 5 → 88.104444 良好, payable ¥900,312.50', () => {
    const pkg = computeLuohePackage({ unitScores, deductions: d3 });
    expect(pkg.average.toFixedHalfUp(6)).toBe('93.104444');
    expect(pkg.score.toFixedHalfUp(6)).toBe('88.104444');
    expect(pkg.grade).toBe('良好');
    const pay = computeMonthlyPayable(96_875_000n, pkg.grade, pkg.rate, 2_000_000n);
    expect(pay.payableFen).toBe(90_031_250);
    expect(pay.gradeDeductionFen).toBe(4_843_750);
  });
  test('deductionLevel unit: 92.604444 优秀 and ¥948,750.00', () => {
    const pkg = computeLuohePackage({ unitScores, deductions: d3, deductionLevel: 'unit' });
    expect(pkg.score.toFixedHalfUp(6)).toBe('92.604444');
    expect(pkg.grade).toBe('优秀');
    expect(computeMonthlyPayable(96_875_000n, pkg.grade, pkg.rate, 2_000_000n).payableFen).toBe(94_875_000);
  });
  test('end to end: a final D3 (市级, corrected) and a final P3 on the recurrence', () => {
    const b = workedExample();
    b.event('2026-10', 'D3', { itemNo: 14, notice: { levelZh: '市级', correctedWithinDeadline: true }, descriptionZh: '天眼摄像头掉线被市级通报批评' });
    b.event('2026-10', 'P3', { itemNo: 51, relatedIds: ['luohe-2026-b/2026-10/U07/51/vuln-x'], descriptionZh: '高危漏洞重复发生' });
    const l = scoreLuohePeriod(b.input('2026-10', ASOF));
    expect(l.package.deductionPoints).toBe('5.000000');
    const avg = exact(l.package.average ?? '0');
    expect(l.package.score).toBe(avg.sub(5).toFixedHalfUp(6));
    expect(l.package.deductions?.[0]).toMatchObject({ ruleId: 'D3', points: '-5.000000', status: 'counted', unitId: 'U05', itemNo: 14 });
    expect(l.money.penaltiesFen).toBe(2_000_000);
    expect(l.money.penalties.find((x) => x.ruleId === 'P3')).toMatchObject({ amountFen: -2_000_000, status: 'counted' });
  });
  test('installment 2 = ¥2,644,062.50 from the assumed months', () => {
    const inst = computeLuoheInstallment(
      [
        { period: '2026-09', grade: '优秀', monthlyFeeFen: 96_875_000n, penaltiesFen: 0n },
        { period: '2026-10', grade: gradeOf('88.104444'), monthlyFeeFen: 96_875_000n, penaltiesFen: 2_000_000n },
        { period: '2026-11', score: '76.20', monthlyFeeFen: 96_875_000n, penaltiesFen: 0n },
      ],
      { installmentNo: 2 },
    );
    expect(inst.months.map((m) => [m.grade, m.payableFen])).toEqual([
      ['优秀', 96_875_000n],
      ['良好', 90_031_250n],
      ['一般', 77_500_000n],
    ]);
    expect(inst.installmentFen).toBe(264_406_250n);
    expect(inst.deductedFen).toBe(26_218_750n);
  });
  test('installment from ledgers (monthResultFromLedger) equals the hand-built months', () => {
    const inst = computeLuoheInstallment([monthResultFromLedger(ledger)], { installmentNo: 2 });
    expect(inst.installmentFen).toBe(BigInt(ledger.money.payableFen ?? 0));
  });
  test('due date: 30 working days after the later of assessment close and invoice, per the calendar', () => {
    const inst = computeLuoheInstallment([{ period: '2026-06', grade: '优秀', monthlyFeeFen: 96_875_000n, penaltiesFen: 0n }], {
      installmentNo: 1,
      calendar,
      quarterAssessmentClosedOn: '2026-09-15',
      invoiceDate: '2026-09-18',
    });
    // 09-20 (调休) is working day 1; 09-25…09-27 中秋 and 10-01…10-07 国庆 are skipped; 10-10 (调休) counts.
    expect(inst.dueDate).toBe('2026-11-05');
    expect(() =>
      computeLuoheInstallment([], { installmentNo: 2, calendar, quarterAssessmentClosedOn: '2026-12-20', invoiceDate: '2026-12-22' }),
    ).toThrow(CalendarMissingError);
  });
  test('late payment (LH §8.1) is informational: 1% of the base per full 5 days', () => {
    const inst = computeLuoheInstallment([], { installmentNo: 1, calendar, invoiceDate: '2026-09-18', paidOn: '2026-11-16', totalFeeFen: 1_162_500_000n });
    expect(inst.latePayment).toEqual({ daysLate: 11, penaltyFen: 5_812_500n });
  });
});

describe('the ledger', () => {
  test('carries config hash, no non-default values, sorted units and a provisional status without sign-off', () => {
    expect(ledger.configHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ledger.configNonDefault).toEqual({});
    expect(ledger.units.map((u) => u.unitId)).toEqual(['U01', 'U02', 'U03', 'U04', 'U05', 'U06', 'U07', 'U08', 'U09', 'U10']);
    expect(ledger.status).toBe('provisional');
    expect(ledger.blockers).toEqual([]);
  });
  test('with a sign-off and no blockers the period is final', () => {
    const b = workedExample();
    b.signoff('2026-10', at('2026-11-18'));
    expect(scoreLuohePeriod(b.input('2026-10', ASOF)).status).toBe('final');
  });
  test('every line has a rule id, a clause, a Chinese explanation and six-decimal points', () => {
    for (const line of [...ledger.units.flatMap((u) => u.lines), ...(ledger.package.deductions ?? []), ...ledger.money.penalties]) {
      expect(line.ruleId).toMatch(/^(LH-[A-Z]+|D[1-6]|N1|P[1-5]|K[1-5])$/);
      expect(line.clause.length).toBeGreaterThan(3);
      expect(line.explanationZh).toMatch(/[\u4e00-\u9fff]/);
      expect(line.points).toMatch(/^-?\d+\.\d{6}$/);
    }
  });
  test('the history months are 优秀, so C15 is not due in 2026-10', () => {
    const b = new Builder();
    history(b);
    october(b);
    const r = scoreLuohePeriodExact(b.input('2026-10', ASOF, registry()));
    expect(r.units.every((u) => !u.documentation.entries.some((e) => e.code === 'C15'))).toBe(true);
  });
});
