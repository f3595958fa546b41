import type { Diagnostic } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';
import type {
  CatalogueEntry,
  Contract,
  ContractConfig,
  InfoSystem,
  OmItem,
  ScoreRule,
  DesignatedSpecialPeriod,
  Staff,
  Unit,
} from '../model/index.ts';
import { type Period, periodsOf } from '../period/index.ts';
import type { FileResult } from '../validate/check-file.ts';

/** One contract's registry: the facts every evidence file is checked and scored against. */
export interface ContractRegistry {
  contractId: string;
  contract: Contract;
  units: Unit[];
  items: OmItem[];
  systems: InfoSystem[];
  staff: Staff[];
  config: ContractConfig;
  catalogue: CatalogueEntry[];
  rules: ScoreRule[];
  specialPeriods: DesignatedSpecialPeriod[];
  periods: Period[];
  /** Lookups. */
  unitById: Map<string, Unit>;
  itemByNo: Map<number, OmItem>;
  systemById: Map<string, InfoSystem>;
  staffById: Map<string, Staff>;
  /** Display path of each registry file, for diagnostics and the ledger. */
  files: Record<string, string>;
}

const requiredFiles = ['contract', 'units', 'items', 'systems', 'staff', 'config', 'catalogue'] as const;

/** Assembles registries from the checked registry files; a contract missing a required file is reported. */
export function buildRegistries(results: readonly FileResult[]): {
  registries: Map<string, ContractRegistry>;
  calendars: Map<number, Record<string, unknown>>;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const byContract = new Map<string, Map<string, FileResult>>();
  const calendars = new Map<number, Record<string, unknown>>();
  for (const result of results) {
    if (
      result.path.area === 'calendar' &&
      result.record &&
      !result.diagnostics.some((d) => d.severity === 'error')
    ) {
      calendars.set(result.path.year, result.record.data);
    }
    if (result.path.area !== 'registry') continue;
    const files = byContract.get(result.path.contractId) ?? new Map<string, FileResult>();
    files.set(result.path.name, result);
    byContract.set(result.path.contractId, files);
  }
  const registries = new Map<string, ContractRegistry>();
  for (const [contractId, files] of [...byContract].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const anchor =
      files.get('contract')?.display ?? [...files.values()][0]?.display ?? `content/contracts/${contractId}`;
    const missing = requiredFiles.filter((name) => !files.get(name)?.record);
    for (const name of missing) {
      diagnostics.push(
        diagnostic(
          'ref/registry-missing',
          anchor,
          { line: 1, column: 1 },
          { contractId, name: `${name}.json` },
        ),
      );
    }
    if (missing.length > 0) continue;
    const data = (name: string) => files.get(name)?.record?.data as unknown;
    const contract = data('contract') as Contract;
    const config = data('config') as ContractConfig;
    const units = (data('units') as Unit[]) ?? [];
    const items = (data('items') as OmItem[]) ?? [];
    const systems = (data('systems') as InfoSystem[]) ?? [];
    const staff = (data('staff') as Staff[]) ?? [];
    registries.set(contractId, {
      contractId,
      contract,
      units,
      items,
      systems,
      staff,
      config,
      catalogue: (data('catalogue') as CatalogueEntry[]) ?? [],
      rules: (data('rules') as ScoreRule[] | undefined) ?? [],
      specialPeriods: (data('special-periods') as DesignatedSpecialPeriod[] | undefined) ?? [],
      periods: periodsFor(contract, config),
      unitById: new Map(units.map((u) => [u.id, u])),
      itemByNo: new Map(items.map((i) => [i.no, i])),
      systemById: new Map(systems.map((s) => [s.id, s])),
      staffById: new Map(staff.map((s) => [s.id, s])),
      files: Object.fromEntries([...files].map(([name, r]) => [name, r.display])),
    });
  }
  return { registries, calendars, diagnostics };
}

function periodsFor(contract: Contract, config: ContractConfig): Period[] {
  const scheme = config as unknown as Record<string, Record<string, unknown> | undefined>;
  const block = scheme.luohe ?? scheme.bj ?? {};
  const mode = block.periodMode === 'calendar-month' ? 'calendar-month' : 'service-month';
  const merge = typeof block.mergeShortPeriodDays === 'number' ? block.mergeShortPeriodDays : undefined;
  return periodsOf({
    servicePeriod: contract.servicePeriod,
    mode,
    ...(merge !== undefined ? { mergeShortPeriodDays: merge } : {}),
  });
}
