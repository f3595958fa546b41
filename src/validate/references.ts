import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../content/parse-json.ts';
import { parseMdx } from '../content/parse-mdx.ts';
import { decodeSource } from '../content/source-text.ts';
import type { ContractRegistry } from '../content/registry.ts';
import type { Diagnostic, Place } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';
import { primaryTimeField } from '../model/index.ts';
import { type Period, periodAt } from '../period/index.ts';
import { type FileResult, getPath } from './check-file.ts';
import { instantOf } from './time-order.ts';

const origin = { line: 1, column: 1 };
/** Fields that hold staff ids, top level or as arrays. */
const staffFields = ['recordedBy', 'staffId', 'staffIds', 'visitorStaffIds'];
/** Evidence ids that must exist, by field. */
const evidenceRefFields = ['supersedes', 'eventRef', 'evidenceId', 'relatedIds'];
/** Kinds judged by another date than where they are filed: a satisfaction form by its evaluationPeriod. */
const periodExempt = new Set(['satisfaction']);
/** System flags a per-system record requires (spec §3.3, §3.4). */
const systemFlag: Record<string, { flag: 'backupRequired' | 'scanRequired'; activity: string }> = {
  backup: { flag: 'backupRequired', activity: '数据备份' },
  scan: { flag: 'scanRequired', activity: '漏洞扫描' },
};

/**
 * The checks that need more than one file: registry references, attachments and their fixity, duplicate ids
 * and ticket numbers (first occurrence as the cause), and whether each record lies in its period.
 */
export function checkReferences(
  results: readonly FileResult[],
  registries: ReadonlyMap<string, ContractRegistry>,
  root: string,
): { diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const attachments = new Map<string, FileResult>();
  const paths = new Set<string>();
  for (const r of results) {
    paths.add(r.relative);
    if (r.path.area === 'attachment') attachments.set(r.path.sha256, r);
  }
  const referencedAttachments = new Set<string>();
  const firstSeen = new Map<string, { file: string; place: Place }>();
  const duplicate = (
    key: string,
    file: string,
    place: Place,
    code: 'dup/id' | 'dup/ticket',
    params: Record<string, string>,
  ) => {
    const first = firstSeen.get(key);
    if (!first) {
      firstSeen.set(key, { file, place });
      return;
    }
    out.push({
      ...diagnostic(code, file, place, params),
      cause: { file: first.file, ...first.place, message: '首次出现于此' },
    });
  };
  const evidenceIds = new Set(results.flatMap((r) => (r.path.area === 'evidence' ? [r.path.id] : [])));

  for (const result of results) {
    const { path, record } = result;
    if ((path.area !== 'evidence' && path.area !== 'review') || !record) continue;
    const file = result.display;
    const data = record.data;
    let places = record.places;
    let exact = record.exactPlaces;
    const at = (pointer: string): Place => {
      // Top-level places are always known; deeper ones (an array element, an attachment hash) are worked out from
      // the file again only when there is something to report there.
      if (!places[pointer] && !exact) {
        places = { ...places, ...exactPlacesOf(root, result) };
        exact = true;
      }
      return places[pointer] ?? places[pointer.slice(0, pointer.lastIndexOf('/'))] ?? origin;
    };
    const registry = registries.get(path.contractId);
    if (path.area === 'evidence') duplicate(`id:${path.id}`, file, at('/kind'), 'dup/id', { id: path.id });
    else if (typeof data.id === 'string')
      duplicate(`review:${path.contractId}:${data.id}`, file, at('/id'), 'dup/id', { id: data.id });
    if (!registry) {
      out.push(diagnostic('ref/contract', file, at('/contractId'), { contractId: path.contractId }));
      continue;
    }
    const period = registry.periods.find((p) => p.label === path.period);
    if (!period) {
      out.push(
        diagnostic('time/unknown-period', file, at('/period'), {
          period: path.period,
          contractId: path.contractId,
          first: registry.periods[0]?.label ?? '?',
          last: registry.periods.at(-1)?.label ?? '?',
        }),
      );
    }
    for (const field of evidenceRefFields) {
      const values = data[field];
      for (const [i, ref] of (Array.isArray(values) ? values : [values]).entries()) {
        if (typeof ref !== 'string' || evidenceIds.has(ref)) continue;
        out.push(
          diagnostic('ref/evidence', file, at(Array.isArray(values) ? `/${field}/${i}` : `/${field}`), {
            ref,
          }),
        );
      }
    }
    // Reviewer files name reviewers (not vendor staff) in recordedBy/decidedBy; only `staffId` is a staff member.
    checkStaff(out, file, data, at, registry, path.area === 'review' ? ['staffId'] : staffFields);
    checkAttachments(out, file, at, data, attachments, referencedAttachments);
    if (path.area === 'review') continue;

    const kind = path.kind;
    const contractId = path.contractId;
    const unitId = typeof data.unitId === 'string' ? data.unitId : path.unitId;
    const unitKnown = unitId === undefined || registry.unitById.has(unitId);
    if (!unitKnown) {
      out.push(
        diagnostic('ref/unit', file, at('/unitId'), {
          unitId,
          contractId,
          allowed: [...registry.unitById.keys()].join('、'),
        }),
      );
    }
    const itemNos = new Set<number>();
    const items: Array<[number, string]> = [];
    if (Array.isArray(data.itemNos)) {
      for (const [i, n] of data.itemNos.entries())
        if (typeof n === 'number') items.push([n, `/itemNos/${i}`]);
    }
    if (typeof data.itemNo === 'number') items.push([data.itemNo, '/itemNo']);
    for (const [no, pointer] of items) {
      itemNos.add(no);
      const item = registry.itemByNo.get(no);
      if (!item) out.push(diagnostic('ref/item', file, at(pointer), { itemNo: no, contractId }));
      else if (unitId !== undefined && unitKnown && item.unitId !== unitId) {
        out.push(diagnostic('ref/item-unit', file, at(pointer), { itemNo: no, owner: item.unitId, unitId }));
      }
    }
    const systems: Array<[string, string]> = [];
    if (Array.isArray(data.systemIds)) {
      for (const [i, s] of data.systemIds.entries())
        if (typeof s === 'string') systems.push([s, `/systemIds/${i}`]);
    }
    if (typeof data.systemId === 'string') systems.push([data.systemId, '/systemId']);
    const seenSystems = new Set<string>();
    for (const [systemId, pointer] of systems) {
      if (seenSystems.has(systemId)) continue;
      seenSystems.add(systemId);
      const system = registry.systemById.get(systemId);
      if (!system) out.push(diagnostic('ref/system', file, at(pointer), { systemId }));
      else if (system.itemNo !== undefined && itemNos.size > 0 && !itemNos.has(system.itemNo)) {
        out.push(
          diagnostic('ref/system-item', file, at(pointer), {
            systemId,
            owner: system.itemNo,
            itemNos: [...itemNos].join('、'),
          }),
        );
      } else {
        const required = systemFlag[kind];
        if (required && system[required.flag] === false) {
          out.push(
            diagnostic('ref/system-flag', file, at(pointer), {
              systemId,
              activity: required.activity,
              flag: required.flag,
            }),
          );
        }
      }
    }
    if (kind === 'fault' && typeof data.ticketNo === 'string') {
      duplicate(`ticket:${contractId}:${data.ticketNo}`, file, at('/ticketNo'), 'dup/ticket', {
        field: 'ticketNo',
        value: data.ticketNo,
      });
    }
    if (kind === 'vuln' && typeof data.vulnId === 'string') {
      duplicate(`vuln:${contractId}:${data.vulnId}`, file, at('/vulnId'), 'dup/ticket', {
        field: 'vulnId',
        value: data.vulnId,
      });
    }
    if (
      kind === 'satisfaction' &&
      typeof data.evaluationPeriod === 'string' &&
      data.evaluationPeriod !== path.period
    ) {
      out.push(
        diagnostic('time/evaluation-period', file, at('/evaluationPeriod'), {
          actual: data.evaluationPeriod,
          expected: path.period,
        }),
      );
    }
    if (period) checkPeriodFit(out, file, kind, data, at, period, registry);
    for (const figure of record.body?.figures ?? []) {
      referencedAttachments.add(figure.sha256);
      const attachment = attachments.get(figure.sha256);
      if (!attachment) {
        out.push(
          diagnostic('ref/attachment-missing', file, figure.place, {
            sha256: figure.sha256,
            prefix: figure.sha256.slice(0, 2),
          }),
        );
      } else if (attachment.hash !== figure.sha256) {
        out.push(diagnostic('ref/attachment-hash', file, figure.place, { path: attachment.display, actual: attachment.hash }));
      }
    }
    for (const link of record.body?.links ?? []) {
      if (!paths.has(link.path))
        out.push(diagnostic('ref/link-missing', file, link.place, { path: link.path }));
    }
  }
  for (const [sha256, attachment] of attachments) {
    if (!referencedAttachments.has(sha256) && attachment.hash !== sha256) {
      out.push(
        diagnostic('ref/attachment-hash', attachment.display, origin, {
          path: attachment.display,
          actual: attachment.hash,
        }),
      );
    }
  }
  return { diagnostics: out };
}

function checkStaff(
  out: Diagnostic[],
  file: string,
  data: Record<string, unknown>,
  at: (p: string) => Place,
  registry: ContractRegistry,
  fields: readonly string[],
) {
  for (const field of fields) {
    const value = data[field];
    const ids = Array.isArray(value)
      ? value.map((v, i) => [v, `/${field}/${i}`] as const)
      : [[value, `/${field}`] as const];
    for (const [id, pointer] of ids) {
      if (typeof id === 'string' && !registry.staffById.has(id))
        out.push(diagnostic('ref/staff', file, at(pointer), { staffId: id }));
    }
  }
}

function checkAttachments(
  out: Diagnostic[],
  file: string,
  at: (pointer: string) => Place,
  data: Record<string, unknown>,
  attachments: ReadonlyMap<string, FileResult>,
  referenced: Set<string>,
) {
  for (const [pointer, sha256] of hashReferences(data, '')) {
    referenced.add(sha256);
    const attachment = attachments.get(sha256);
    if (attachment && attachment.hash === sha256) continue;
    const place = at(pointer);
    if (!attachment)
      out.push(diagnostic('ref/attachment-missing', file, place, { sha256, prefix: sha256.slice(0, 2) }));
    else if (attachment.hash !== sha256) {
      out.push(
        diagnostic('ref/attachment-hash', file, place, { path: attachment.display, actual: attachment.hash }),
      );
    }
  }
}

/** Every `…/sha256` string in a record, with its JSON Pointer. */
function hashReferences(value: unknown, pointer: string): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => hashReferences(v, `${pointer}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'sha256' && typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)
      ? [[`${pointer}/sha256`, v] as [string, string]]
      : hashReferences(v, `${pointer}/${key}`),
  );
}

/** Spec §3.0(c)/(d): a record lies in the period it is filed under; Luohe platform entries are on time. */
function checkPeriodFit(
  out: Diagnostic[],
  file: string,
  kind: string,
  data: Record<string, unknown>,
  at: (p: string) => Place,
  period: Period,
  registry: ContractRegistry,
) {
  const field = primaryTimeField[kind as keyof typeof primaryTimeField];
  if (field && !periodExempt.has(kind)) {
    const value = getPath(data, field);
    const ms = instantOf(value);
    if (ms !== undefined && periodAt([period], ms) === undefined) {
      out.push(
        diagnostic('time/period', file, at(`/${field.replaceAll('.', '/')}`), {
          field,
          value: String(value),
          period: period.label,
          start: period.firstDay,
          end: period.lastDay,
        }),
      );
    }
  }
  const platform = data.platform as { submittedAt?: unknown } | undefined;
  const luohe = (registry.config as unknown as { luohe?: { platformGraceDays?: number } }).luohe;
  if (luohe && platform && typeof platform.submittedAt === 'string') {
    const deadline = period.endMs + (luohe.platformGraceDays ?? 0) * 86_400_000;
    const ms = instantOf(platform.submittedAt);
    if (ms !== undefined && ms >= deadline) {
      out.push(
        diagnostic('time/platform-late', file, at('/platform'), {
          value: platform.submittedAt,
          deadline: new Date(deadline - 1000 + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
        }),
      );
    }
  }
}

/** Exact places of every value of a record, from its file (the fast parse paths keep only top-level ones). */
function exactPlacesOf(root: string, result: FileResult): Record<string, Place> {
  try {
    const source = decodeSource(result.display, readFileSync(join(root, result.relative)));
    if (!source.ok) return {};
    const json = result.relative.endsWith('.json') ? parseJson(result.display, source.text, { exact: true }) : undefined;
    const pointers = json
      ? json.ok
        ? json.parsed.pointers
        : undefined
      : parseMdx(result.display, source.text, { exact: true }).frontMatter?.pointers;
    return Object.fromEntries([...(pointers ?? [])].map(([pointer, place]) => [pointer, place.value]));
  } catch {
    return {};
  }
}
