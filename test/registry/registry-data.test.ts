import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { BJ_CONFIG_DEFAULTS } from '../../src/scoring/bj/config-defaults.ts';
import { LUOHE_CONFIG_DEFAULTS } from '../../src/scoring/luohe/config-defaults.ts';
import type {
  BjConfigFile,
  CatalogueEntry,
  CommonConfig,
  Contract,
  InfoSystem,
  LuoheConfigFile,
  OmItem,
  RankingBand,
  ScoreRule,
  DesignatedSpecialPeriod,
  Staff,
  ThresholdBand,
  Unit,
} from '../../src/model/registry.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const contractsDir = `${root}content/contracts/`;
const registrySchemaDir = `${root}schemas/registry/`;
const SCHEMA_NAMES = [
  'contract',
  'units',
  'items',
  'systems',
  'staff',
  'config',
  'catalogue',
  'rules',
  'special-periods',
] as const;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
function load<T>(contractId: string, file: string): T {
  return readJson<T>(`${contractsDir}${contractId}/${file}.json`);
}

const LH = 'luohe-2026-b';
const BJ = 'bj-kw-2026-p4';

// ------------------------------------------------------------------------------------------- schemas

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(readJson<object>(`${root}schemas/common.schema.json`));
for (const name of SCHEMA_NAMES) ajv.addSchema(readJson<object>(`${registrySchemaDir}${name}.schema.json`));

function validatorFor(file: string) {
  const name = file.replace(/\.json$/, '');
  return ajv.getSchema(`https://omarc.local/schemas/registry/${name}.schema.json`);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const CJK = /[\u3400-\u9fff]/;

/** Every `properties` member must have a Chinese title and a description; every object closes itself. */
function auditSchema(node: Json, path: string, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      auditSchema(child, `${path}/${i}`, problems);
    });
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const props = node.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    if (node.additionalProperties !== false) problems.push(`${path}: additionalProperties is not false`);
    for (const [key, sub] of Object.entries(props)) {
      if (sub === null || typeof sub !== 'object' || Array.isArray(sub)) continue;
      if (typeof sub.title !== 'string' || !CJK.test(sub.title))
        problems.push(`${path}/properties/${key}: no Chinese title`);
      if (typeof sub.description !== 'string' || sub.description.length === 0)
        problems.push(`${path}/properties/${key}: no description`);
    }
  }
  if (node.patternProperties && node.additionalProperties !== false)
    problems.push(`${path}: patternProperties without additionalProperties false`);
  for (const [key, child] of Object.entries(node)) auditSchema(child, `${path}/${key}`, problems);
}

describe('registry schemas', () => {
  it.each(SCHEMA_NAMES)('%s.schema.json is draft 2020-12 with the registry $id', (name) => {
    const schema = readJson<Record<string, Json>>(`${registrySchemaDir}${name}.schema.json`);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://omarc.local/schemas/registry/${name}.schema.json`);
    expect(typeof schema.title === 'string' && CJK.test(schema.title)).toBe(true);
  });

  it.each(SCHEMA_NAMES)('%s.schema.json titles every property in Chinese and closes every object', (name) => {
    const problems: string[] = [];
    auditSchema(readJson<Json>(`${registrySchemaDir}${name}.schema.json`), name, problems);
    expect(problems).toEqual([]);
  });
});

describe('content/contracts files validate', () => {
  const files = readdirSync(contractsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(`${contractsDir}${d.name}`)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [d.name, f] as const),
    );

  it('finds both contracts with their expected files', () => {
    const byContract = (id: string) =>
      files
        .filter(([c]) => c === id)
        .map(([, f]) => f)
        .sort();
    const base = ['catalogue', 'config', 'contract', 'items', 'staff', 'systems', 'units'];
    expect(byContract(LH)).toEqual(base.map((n) => `${n}.json`));
    expect(byContract(BJ)).toEqual([...base, 'rules', 'special-periods'].sort().map((n) => `${n}.json`));
  });

  it.each(files)('%s/%s', (contractId, file) => {
    const validate = validatorFor(file);
    expect(validate, `no schema for ${file}`).toBeDefined();
    const ok = validate?.(readJson<unknown>(`${contractsDir}${contractId}/${file}`));
    expect(validate?.errors ?? [], `${contractId}/${file}`).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(files)('%s/%s carries no phone, e-mail or ID-like numbers', (contractId, file) => {
    const text = readFileSync(`${contractsDir}${contractId}/${file}`, 'utf8');
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/); // mobile phone
    expect(text).not.toMatch(/\d{3,4}-\d{7,8}/); // landline
    expect(text).not.toMatch(/\d{12,}/); // bank account, ID or tax number
    expect(text).not.toMatch(/[\w.-]+@[\w-]+\.[\w.]+/);
    expect(text.endsWith('}\n') || text.endsWith(']\n')).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------- Luohe facts

describe('Luohe registry facts', () => {
  const units = load<Unit[]>(LH, 'units');
  const items = load<OmItem[]>(LH, 'items');
  const systems = load<InfoSystem[]>(LH, 'systems');
  const contract = load<Contract>(LH, 'contract');
  const registerPath = `${root}../shared/spec/luohe-items.json`;
  type Register = {
    units: { id: string; itemNos: number[] }[];
    items: {
      no: number;
      unitId: string;
      category: string;
      nameZh: string;
      systems: { id: string; kind: string }[];
    }[];
  };

  it('has 10 units U01–U10 and 65 items 1–65', () => {
    expect(units.map((u) => u.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `U${String(i + 1).padStart(2, '0')}`),
    );
    expect(items.map((i) => i.no)).toEqual(Array.from({ length: 65 }, (_, i) => i + 1));
    expect(items.map((i) => i.id)).toEqual(items.map((i) => `LH-B-${String(i.no).padStart(2, '0')}`));
  });

  it('classifies 36 LINE_SERVICE and 29 HW_SYSTEM items', () => {
    expect(items.filter((i) => i.category === 'LINE_SERVICE')).toHaveLength(36);
    expect(items.filter((i) => i.category === 'HW_SYSTEM')).toHaveLength(29);
  });

  it('puts each item in exactly one unit, and the unit lists agree with items.json', () => {
    const owners = new Map<number, string[]>();
    for (const u of units) for (const no of u.itemNos) owners.set(no, [...(owners.get(no) ?? []), u.id]);
    for (const item of items) expect(owners.get(item.no), `item ${item.no}`).toEqual([item.unitId]);
    expect(owners.size).toBe(65);
    for (const u of units) {
      expect(u.itemNos, u.id).toEqual(items.filter((i) => i.unitId === u.id).map((i) => i.no));
    }
  });

  it('attributes 37–43 to 市畜牧局 (U06) and 44–55 to 市水利局 (U07); 40–43 with low confidence', () => {
    const u06 = units.find((u) => u.id === 'U06');
    const u07 = units.find((u) => u.id === 'U07');
    expect(u06?.nameZh).toBe('市畜牧局');
    expect(u06?.itemNos).toEqual([37, 38, 39, 40, 41, 42, 43]);
    expect(u07?.nameZh).toBe('市水利局');
    expect(u07?.itemNos).toEqual([44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55]);
    expect(items.filter((i) => i.unitAttribution.confidence === 'low').map((i) => i.no)).toEqual([
      40, 41, 42, 43,
    ]);
    for (const no of [44, 45, 46, 47, 48, 49, 50]) {
      expect(items[no - 1]?.unitAttribution.sourceUnitId).toBe('U06');
    }
    expect(items.every((i) => i.keySupervision === null)).toBe(true);
  });

  it.skipIf(!existsSync(registerPath))('agrees with the spec register luohe-items.json', () => {
    const register = readJson<Register>(registerPath);
    expect(units.map((u) => [u.id, u.itemNos])).toEqual(register.units.map((u) => [u.id, u.itemNos]));
    expect(items.map((i) => [i.no, i.unitId, i.category, i.nameZh])).toEqual(
      register.items.map((i) => [i.no, i.unitId, i.category, i.nameZh]),
    );
    expect(systems.map((s) => [s.id, s.itemNo, s.kind])).toEqual(
      register.items.flatMap((i) => i.systems.map((s) => [s.id, i.no, s.kind])),
    );
  });

  it('gives every HW item ≥1 system, no LINE item a system, and the §2.5 default flags', () => {
    const hw = new Set(items.filter((i) => i.category === 'HW_SYSTEM').map((i) => i.no));
    for (const no of hw)
      expect(
        systems.some((s) => s.itemNo === no),
        `item ${no}`,
      ).toBe(true);
    for (const s of systems) expect(hw.has(s.itemNo ?? -1), s.id).toBe(true);
    expect(new Set(systems.map((s) => s.id)).size).toBe(systems.length);
    const defaults = {
      application: [true, true, true],
      'network-security': [false, true, true],
      facility: [false, false, true],
      endpoint: [false, false, true],
    };
    for (const s of systems) {
      expect([s.backupRequired, s.scanRequired, s.inspectionInScope], s.id).toEqual(defaults[s.kind]);
    }
    expect(systems).toHaveLength(35);
  });

  const systemsOfUnit = (unitId: string) => {
    const nos = new Set(units.find((u) => u.id === unitId)?.itemNos);
    return systems.filter((s) => nos.has(s.itemNo ?? -1));
  };

  it('has the §7.2 system sets for 市水利局 (U07)', () => {
    const u07 = systemsOfUnit('U07');
    expect(u07.filter((s) => s.backupRequired).map((s) => s.id)).toEqual(['S51a', 'S53']);
    expect(u07.filter((s) => s.scanRequired).map((s) => s.id)).toEqual(['S46', 'S47', 'S51a', 'S53']);
    expect(u07.filter((s) => s.kind === 'endpoint').map((s) => s.id)).toEqual(['S51b', 'S52']);
    expect(u07.map((s) => s.itemNo)).toEqual([46, 47, 51, 51, 52, 53]);
  });

  it('has only S62 for 市气象局 (U10) (§7.1)', () => {
    const u10 = systemsOfUnit('U10');
    expect(u10.map((s) => s.id)).toEqual(['S62']);
    expect(u10[0]).toMatchObject({
      kind: 'application',
      backupRequired: true,
      scanRequired: true,
      inspectionInScope: true,
    });
  });

  it('has the contract facts of spec §2.2', () => {
    expect(contract.scheme).toBe('luohe-a3-2025');
    expect(contract.partyA.nameZh).toBe('漯河市政务大数据中心');
    expect(contract.partyB.nameZh).toBe('中移建设有限公司');
    expect(contract.signed).toMatchObject({
      cover: '2026-07-06',
      partyA: '2026-07-06',
      partyB: '2026-07-24',
    });
    expect(contract.effectiveAt).toBe('2026-07-24');
    expect(contract.servicePeriod).toEqual({ start: '2026-06-10', end: '2027-06-09' });
    expect(contract.totalFee).toBe('11625000.00');
    expect(contract.monthlyFee).toBe('968750.00');
    expect(contract.assessmentOrganizer?.nameZh).toBe('漯河市行政审批和政务信息管理局');
    expect(contract.payments.map((p) => [p.no, p.baseAmount, p.covers, p.serviceMonths])).toEqual([
      [1, '2906250.00', { start: '2026-06-10', end: '2026-09-09' }, [1, 2, 3]],
      [2, '2906250.00', { start: '2026-09-10', end: '2026-12-09' }, [4, 5, 6]],
      [3, '2906250.00', { start: '2026-12-10', end: '2027-03-09' }, [7, 8, 9]],
      [4, '2906250.00', { start: '2027-03-10', end: '2027-06-09' }, [10, 11, 12]],
    ]);
    for (const p of contract.payments) {
      expect(p.due).toEqual({ kind: 'workingDaysAfter', anchor: 'assessmentEnd+invoice', n: 30 });
    }
    const fen = (yuan: string) => BigInt(yuan.replace('.', ''));
    expect(contract.payments.reduce((sum, p) => sum + fen(p.baseAmount), 0n)).toBe(fen(contract.totalFee));
    expect(fen(contract.totalFee) / 12n).toBe(fen(contract.monthlyFee ?? '0.00'));
    expect(contract.packages[0]?.unitIds).toEqual(units.map((u) => u.id));
  });

  it('has a fictional staff roster LH-S1…LH-S6', () => {
    const staff = load<Staff[]>(LH, 'staff');
    expect(staff.map((s) => s.id)).toEqual(['LH-S1', 'LH-S2', 'LH-S3', 'LH-S4', 'LH-S5', 'LH-S6']);
    expect(staff.every((s) => s.fictional === true)).toBe(true);
  });

  it('has the §6.1 scored entries C01–C15 and §6.2 tracked entries T01–T18', () => {
    const catalogue = load<CatalogueEntry[]>(LH, 'catalogue');
    const codes = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
    expect(catalogue.filter((e) => e.scored).map((e) => e.code)).toEqual(codes('C', 15));
    expect(catalogue.filter((e) => !e.scored).map((e) => e.code)).toEqual(codes('T', 18));
    const byCode = new Map(catalogue.map((e) => [e.code, e]));
    expect(byCode.get('C06')?.frequency).toEqual({ type: 'monthly' });
    expect(byCode.get('C09')?.frequency).toEqual({ type: 'per-event', event: 'fault-resolved' });
    expect(byCode.get('C10')?.frequency).toEqual({ type: 'per-event', event: 'fault-l1l2' });
    expect(byCode.get('C11')?.frequency).toEqual({ type: 'service-months', months: [3, 6, 9, 12] });
    expect(byCode.get('C12')?.frequency).toEqual({ type: 'service-months', months: [12] });
    expect(byCode.get('C15')?.frequency).toEqual({ type: 'after-grade', grades: ['一般', '较差'] });
    // §6.1 counting examples: a line-only unit has |R| = 6 (C01–C06) in a normal month.
    const everyUnit = catalogue.filter(
      (e) => e.scored && e.appliesTo === 'every-unit' && ['standing', 'monthly'].includes(e.frequency.type),
    );
    expect(everyUnit.map((e) => e.code)).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06']);
  });
});

// ------------------------------------------------------------------------------------------- Beijing facts

describe('Beijing registry facts', () => {
  const contract = load<Contract>(BJ, 'contract');
  const rules = load<ScoreRule[]>(BJ, 'rules');

  it('has the contract facts of spec §2.3', () => {
    expect(contract.scheme).toBe('bj-kw-ops');
    expect(contract.signed).toMatchObject({ partyA: '2026-06-09', partyB: '2026-06-09' });
    expect(contract.effectiveAt).toBe('2026-06-09');
    expect(contract.servicePeriod).toEqual({ start: '2026-06-09', end: '2027-06-09' });
    expect(contract.totalFee).toBe('794250.00');
    expect(contract.payments.map((p) => p.baseAmount)).toEqual(['635400.00', '158850.00']);
    expect(contract.payments[0]?.due).toEqual({ kind: 'workingDaysAfter', anchor: 'invoice', n: 10 });
    expect(contract.acceptance?.grades.map((g) => [g.gradeZh, g.tailRefundAmount])).toEqual([
      ['优秀', '0.00'],
      ['良好', '31770.00'],
      ['合格', '63540.00'],
      ['基本合格', '95310.00'],
      ['不合格', '158850.00'],
    ]);
    expect(load<Unit[]>(BJ, 'units')).toEqual([]);
    expect(load<OmItem[]>(BJ, 'items')).toEqual([]);
  });

  it('has the staff of spec §2.6 with residents S1/S5 and NDAs only for them', () => {
    const staff = load<Staff[]>(BJ, 'staff');
    expect(staff.map((s) => [s.id, s.nameZh, s.serviceType, s.resident, s.ndaOnFile])).toEqual([
      ['BJ-S1', '张海亮', '现场服务', true, true],
      ['BJ-S2', '乔中元', '远程服务', false, false],
      ['BJ-S3', '邵鹏', '远程服务', false, false],
      ['BJ-S4', '张政', '远程服务', false, false],
      ['BJ-S5', '郝传金', '现场服务', true, true],
    ]);
    expect(staff.every((s) => s.activeFrom === '2026-06-09')).toBe(true);
  });

  it('has the system BJ-SYS1 and a 24-device network/security group', () => {
    const systems = load<InfoSystem[]>(BJ, 'systems');
    expect(systems.find((s) => s.id === 'BJ-SYS1')).toMatchObject({
      nameZh: '数据资源中心系统',
      kind: 'application',
    });
    expect(systems.find((s) => s.kind === 'network-security')?.totalDevices).toBe(24);
  });

  it('has 50 rules BJ-R01…BJ-R50, contiguous', () => {
    expect(rules.map((r) => r.id)).toEqual(
      Array.from({ length: 50 }, (_, i) => `BJ-R${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('uses points shapes that match each rule mode', () => {
    for (const r of rules) {
      const p = r.points;
      if (r.mode === 'range-reviewer') expect(typeof p === 'object' && !Array.isArray(p), r.id).toBe(true);
      else if (r.mode === 'threshold')
        expect(Array.isArray(p) && p.every((b) => !('position' in b) && !('outcome' in b)), r.id).toBe(true);
      else if (r.mode === 'ranking')
        expect(Array.isArray(p) && p.every((b) => 'position' in b), r.id).toBe(true);
      else
        expect(typeof p === 'string' || (Array.isArray(p) && p.every((b) => 'outcome' in b)), r.id).toBe(
          true,
        );
      if (r.mode === 'per-excess-day') expect(r.allowance, r.id).toBeDefined();
      expect(r.auto || r.reviewerInputs.length > 0, r.id).toBe(true);
      expect(r.source, r.id).toMatch(/\(002:L\d+\)/);
    }
  });

  it('has threshold bands that cover every availability value exactly once', () => {
    const inBand = (b: ThresholdBand, x: number) =>
      (b.lo === undefined || (b.loIncl ? x >= Number(b.lo) : x > Number(b.lo))) &&
      (b.hi === undefined || (b.hiIncl ? x <= Number(b.hi) : x < Number(b.hi)));
    const samples = [0, 0.5, 0.79, 0.8, 0.85, 0.9, 0.95, 0.99, 0.995, 1];
    for (const r of rules.filter((x) => x.mode === 'threshold')) {
      const bands = r.points as ThresholdBand[];
      for (const x of samples)
        expect(
          bands.filter((b) => inBand(b, x)),
          `${r.id} at ${x}`,
        ).toHaveLength(1);
    }
    const points = (id: string, x: number) =>
      ((rules.find((r) => r.id === id)?.points ?? []) as ThresholdBand[]).find((b) => inBand(b, x))?.points;
    expect([
      points('BJ-R22', 1),
      points('BJ-R22', 0.995),
      points('BJ-R22', 0.99),
      points('BJ-R22', 0.89),
    ]).toEqual(['0.5', '0', '-0.5', '-1']);
    expect([points('BJ-R42', 0.99), points('BJ-R42', 0.98727), points('BJ-R46', 0.99983)]).toEqual([
      '1',
      '-0.5',
      '1',
    ]);
  });

  it('keeps the caps, ranges, rankings and points of spec §5.3', () => {
    const byId = new Map(rules.map((r) => [r.id, r]));
    expect(byId.get('BJ-R28')?.capPerPeriod).toEqual({ max: '5' });
    expect(rules.filter((r) => r.capPerPeriod).map((r) => r.id)).toEqual(['BJ-R28']);
    expect(byId.get('BJ-R24')?.points).toEqual({ min: '-30', max: '-20' });
    expect(byId.get('BJ-R25')?.points).toEqual({ min: '-50', max: '-40' });
    expect(byId.get('BJ-R44')?.points).toBe('-10');
    expect(byId.get('BJ-R45')?.points).toBe('-5');
    expect(byId.get('BJ-R07')?.points).toBe('-2');
    expect(byId.get('BJ-R15')?.block).toEqual({ size: 5, rounding: 'ceil' });
    expect([byId.get('BJ-R03')?.allowance, byId.get('BJ-R04')?.allowance]).toEqual([3, 5]);
    const r43 = byId.get('BJ-R43')?.points as RankingBand[];
    expect(r43.map((b) => [b.position, b.points, b.cumulative])).toEqual([
      ['top-n', '1', false],
      ['to-average', '0', false],
      ['below-average', '-0.5', false],
      ['bottom-n', '-0.5', true],
    ]);
    const r47 = byId.get('BJ-R47')?.points as RankingBand[];
    expect(r47.map((b) => b.points)).toEqual(['5', '0', '-1', '-5']);
  });

  it('has the §6.3 checklist BJ-D01…BJ-D21', () => {
    const catalogue = load<CatalogueEntry[]>(BJ, 'catalogue');
    expect(catalogue.map((e) => e.code)).toEqual(
      Array.from({ length: 21 }, (_, i) => `BJ-D${String(i + 1).padStart(2, '0')}`),
    );
    const ruleIds = new Set(rules.map((r) => r.id));
    for (const e of catalogue) {
      if ('linkedRules' in e)
        for (const id of e.linkedRules) expect(ruleIds.has(id), `${e.code} → ${id}`).toBe(true);
    }
  });

  it('designates the 2026 statutory holidays as special periods, none in 2026-11', () => {
    const periods = load<DesignatedSpecialPeriod[]>(BJ, 'special-periods');
    expect(periods.map((p) => [p.labelZh, p.from, p.to])).toEqual([
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ]);
    for (const p of periods) {
      expect(p.designatedBy).toBe('reviewer');
      expect(p.from <= p.to && p.from >= contract.servicePeriod.start && p.to <= '2026-12-31').toBe(true);
      expect(p.from.startsWith('2026-11') || p.to.startsWith('2026-11')).toBe(false);
    }
  });
});

// ------------------------------------------------------------------------------------------- config = §9 defaults

describe('config.json equals the spec §9 defaults', () => {
  const common: CommonConfig = {
    timezone: 'Asia/Shanghai',
    calendarDayCounting: 'civil-code',
    calendars: ['content/calendars/cn-2026.json', 'content/calendars/cn-2027.json'],
  };

  // The spec §9 defaults are transcribed once, in the engines' config-defaults modules; config.json must state
  // exactly those values, so that a shipped contract has no non-default decision.
  it('luohe', () => {
    expect(load<LuoheConfigFile>(LH, 'config')).toEqual({ common, luohe: LUOHE_CONFIG_DEFAULTS });
  });

  it('bj', () => {
    const config = load<BjConfigFile>(BJ, 'config');
    expect(config.common).toEqual(common);
    // The engine adds decisions of its own beyond §9 (documented in config.schema.json); config.json leaves them out.
    const engineOnly = ['availabilityTicketDefault', 'drillMinServiceDays', 'drillSchedule', 'missingRequiredReport'];
    const spec = Object.fromEntries(Object.entries(BJ_CONFIG_DEFAULTS).filter(([key]) => !engineOnly.includes(key)));
    expect(config.bj).toEqual(spec);
  });

  it('rejects a config with an unknown key or a value outside the spec alternatives', () => {
    const validate = validatorFor('config.json');
    const good = load<LuoheConfigFile>(LH, 'config');
    expect(validate?.({ ...good, luohe: { ...good.luohe, gradeRounding: 'round-half-up-int' } })).toBe(true);
    expect(validate?.({ ...good, luohe: { ...good.luohe, gradeRounding: 'ceil' } })).toBe(false);
    expect(validate?.({ ...good, luohe: { ...good.luohe, extra: 1 } })).toBe(false);
    expect(validate?.({ ...good, bj: load<BjConfigFile>(BJ, 'config').bj })).toBe(false);
  });
});
