import { beforeAll, describe, expect, it } from 'vitest';
import { defaultAsOf, type LoadedProject, loadProject, scoringInput } from '../../src/cli/load-project.ts';
import { type Ledger, serializeLedger } from '../../src/ledger/index.ts';
import { scorePeriod } from '../../src/scoring/index.ts';
import { getValidator } from '../../src/validate/index.ts';

let project: LoadedProject;
const score = (contractId: string, period: string): Ledger => {
  const registry = project.check.registries.get(contractId);
  if (!registry) throw new Error(`no registry ${contractId}`);
  return scorePeriod(scoringInput(project, registry, period, defaultAsOf(registry, period)));
};

beforeAll(async () => {
  project = await loadProject(process.cwd(), 'content');
});

describe('the bundled samples reproduce the spec worked examples (§7)', () => {
  it('check clean: no errors and no warnings', () => {
    expect(project.check.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([]);
  });

  it('Luohe 2026-10: units, package, grade and money (§7.1–§7.3)', () => {
    const ledger = score('luohe-2026-b', '2026-10');
    const units = Object.fromEntries(ledger.units.map((u) => [u.unitId, u.score]));
    expect(units).toEqual({
      U01: '96.400000',
      U02: '93.200000',
      U03: '100.000000',
      U04: '91.000000',
      U05: '86.500000',
      U06: '95.000000',
      U07: '81.544444',
      U08: '100.000000',
      U09: '88.600000',
      U10: '98.800000',
    });
    const u07 = ledger.units.find((u) => u.unitId === 'U07');
    expect(u07?.dimensions).toEqual({ satisfaction: '27.600000', dailyWork: '24.500000', exceptionHandling: '20.000000', archive: '9.444444' });
    const u10 = ledger.units.find((u) => u.unitId === 'U10');
    expect(u10?.dimensions).toEqual({ satisfaction: '28.800000', dailyWork: '30.000000', exceptionHandling: '30.000000', archive: '10.000000' });
    expect(ledger.package.average).toBe('93.104444');
    expect(ledger.package.deductionPoints).toBe('5.000000');
    expect(ledger.package.score).toBe('88.104444');
    expect(ledger.package.grade).toBe('良好');
    expect(ledger.money.monthlyFeeFen).toBe(96875000);
    expect(ledger.money.penaltiesFen).toBe(2000000);
    expect(ledger.money.payableFen).toBe(90031250);
  });

  it('Beijing 2026-11: 95.000000 优秀 (§7.4)', () => {
    const ledger = score('bj-kw-2026-p4', '2026-11');
    expect(ledger.package.score).toBe('95.000000');
    expect(ledger.package.grade).toBe('优秀');
    const moved = Object.fromEntries(ledger.rules.filter((r) => r.points !== '0.000000').map((r) => [r.ruleId, r.points]));
    expect(moved).toEqual({
      'BJ-R01': '-1.000000',
      'BJ-R03': '-0.500000',
      'BJ-R16': '-0.500000',
      'BJ-R28': '2.000000',
      'BJ-R29': '-0.500000',
      'BJ-R40': '-0.500000',
      'BJ-R42': '-0.500000',
      'BJ-R45': '-5.000000',
      'BJ-R46': '1.000000',
      'BJ-R49': '0.500000',
    });
  });

  it('every point lost in Luohe 2026-10 is explained with a rule, a clause and evidence', () => {
    const ledger = score('luohe-2026-b', '2026-10');
    const lines = [...ledger.units.flatMap((u) => u.lines), ...(ledger.package.deductions ?? []), ...ledger.money.penalties];
    const losing = lines.filter((l) => l.status === 'counted' && (l.points.startsWith('-') || (l.amountFen ?? 0) < 0));
    expect(losing.length).toBeGreaterThan(0);
    for (const line of losing) {
      expect(line.ruleId).not.toBe('');
      expect(line.clause).toMatch(/^LH /);
      expect(line.explanationZh).not.toBe('');
    }
  });

  it('ledgers validate against schemas/ledger.schema.json and are byte-identical across runs', () => {
    const validate = getValidator('ledger.schema.json');
    for (const [contractId, period] of [
      ['luohe-2026-b', '2026-10'],
      ['bj-kw-2026-p4', '2026-11'],
    ] as const) {
      const a = score(contractId, period);
      const b = score(contractId, period);
      expect(validate?.(JSON.parse(serializeLedger(a))), JSON.stringify(validate?.errors?.slice(0, 3))).toBe(true);
      expect(serializeLedger(a)).toBe(serializeLedger(b));
    }
  });
});
