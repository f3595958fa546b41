import { createHash } from 'node:crypto';
import { type ContentPath, classifyContentPath } from '../content/content-path.ts';
import { type ParsedData, parseJson } from '../content/parse-json.ts';
import { parseMdx } from '../content/parse-mdx.ts';
import { type PointerMap, placeOf } from '../content/pointer-map.ts';
import { decodeSource } from '../content/source-text.ts';
import type { Diagnostic, Place } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';
import { evidenceKinds, primaryTimeField, reviewKinds } from '../model/index.ts';
import { getValidator, resolveSchema } from './ajv.ts';
import { type BodyFacts, checkMdxBody } from './mdx-safety.ts';
import { checkPersonalData } from './personal-data.ts';
import { fieldTitles, schemaDiagnostics } from './schema-errors.ts';
import { checkTimeOrder, instantOf } from './time-order.ts';

/** One file to check: its absolute path, the path shown to users and the path below the content root. */
export interface FileInput {
  display: string;
  relative: string;
  /** SHA-256 of the bytes when the caller has already computed it (the cache key). */
  hash?: string;
}

/** A parsed record (front matter or JSON object) with the places the cross-file checks need. */
export interface ParsedRecord {
  data: Record<string, unknown>;
  /** Places of top-level fields; when `exactPlaces`, also of second-level values and attachment hashes. */
  places: Record<string, Place>;
  exactPlaces: boolean;
  body?: BodyFacts;
}

/** Everything the per-file stage learns about one file; JSON-safe so it can cross threads and be cached. */
export interface FileResult {
  display: string;
  relative: string;
  /** SHA-256 of the file's bytes (the cache key, and the attachment fixity check). */
  hash: string;
  path: ContentPath;
  diagnostics: Diagnostic[];
  record?: ParsedRecord;
}

const start = { line: 1, column: 1 };

/**
 * Checks one file on its own: decoding, parsing, schema, MDX safety, personal data, time order and agreement
 * with its folder. Cross-file facts (references, duplicates, periods) are left to `checkProject`.
 */
export function checkFile(input: FileInput, bytes: Uint8Array): FileResult {
  const hash = input.hash ?? createHash('sha256').update(bytes).digest('hex');
  const path = classifyContentPath(input.relative);
  const base = { display: input.display, relative: input.relative, hash, path };
  const file = input.display;
  if (path.area === 'attachment') return { ...base, diagnostics: [] };
  if (path.area === 'unknown')
    return { ...base, diagnostics: [diagnostic('path/unknown-file', file, start, { path: input.relative })] };
  if (path.area === 'invalid')
    return { ...base, diagnostics: [diagnostic(path.code, file, start, path.params)] };

  const source = decodeSource(file, bytes);
  if (!source.ok) return { ...base, diagnostics: source.diagnostics };
  const diagnostics = [...source.diagnostics, ...checkPersonalData(file, source.text)];

  let parsed: ParsedData | undefined;
  let body: BodyFacts | undefined;
  if (path.area === 'evidence' && path.format === 'mdx') {
    const mdx = parseMdx(file, source.text);
    diagnostics.push(...mdx.diagnostics);
    parsed = mdx.frontMatter;
    if (mdx.body) {
      const safety = checkMdxBody(file, input.relative, mdx.body);
      diagnostics.push(...safety.diagnostics);
      body = safety.facts;
    }
  } else {
    const json = parseJson(file, source.text);
    diagnostics.push(...json.diagnostics);
    if (json.ok) parsed = json.parsed;
  }
  if (!parsed) return { ...base, diagnostics };
  const { data } = parsed;
  let pointers = parsed.pointers;
  let exact = parsed.exact;
  // The fast path knows only top-level places; a problem to report needs the exact one.
  const upgrade = () => {
    if (exact) pointers = exact();
    exact = undefined;
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    // Registry lists (units.json, items.json …) are arrays by design.
    if (!(path.area === 'registry' && Array.isArray(data))) {
      diagnostics.push(
        diagnostic('parse/not-object', file, placeOf(pointers, ''), {
          actual: Array.isArray(data) ? '数组' : String(data),
        }),
      );
      return { ...base, diagnostics };
    }
  }

  const schema = schemaFor(path, data);
  if (schema === 'unknown-review-kind') {
    const kind = (data as Record<string, unknown>).kind;
    diagnostics.push(
      kind === undefined
        ? diagnostic('schema/required', file, placeOf(pointers, ''), {
            property: 'kind',
            title: '类型',
            example: `例如：kind: ${reviewKinds[0]}`,
          })
        : diagnostic('schema/enum', file, placeOf(pointers, '/kind'), {
            path: 'kind',
            title: '类型',
            actual: JSON.stringify(kind),
            allowed: reviewKinds.join('、'),
          }),
    );
  } else if (
    schema &&
    path.area === 'evidence' &&
    isOtherKind(path.kind, (data as Record<string, unknown>).kind)
  ) {
    // Data of another kind in a misnamed file: validating it against the file name's schema would bury the one
    // real problem (the name) under dozens of follow-on errors; folder agreement reports it.
  } else if (schema) {
    const validate = getValidator(schema);
    if (!validate) diagnostics.push(diagnostic('path/unknown-file', file, start, { path: input.relative }));
    else if (!validate(data)) {
      upgrade();
      const titles = fieldTitles(validate.schema as object, (ref) => resolveSchema(schema, ref));
      diagnostics.push(...schemaDiagnostics(file, validate.errors ?? [], pointers, schema, titles));
    }
  }

  const record = data as Record<string, unknown>;
  const recordChecks = () => [
    ...(path.area === 'evidence' || path.area === 'review' ? checkFolderAgreement(file, path, record, pointers) : []),
    ...(path.area === 'evidence' ? checkTimeOrder(file, path.kind, record, pointers) : []),
    ...(path.area === 'evidence' ? checkOccurredAt(file, path.kind, record, pointers) : []),
  ];
  let found = recordChecks();
  if (found.length > 0 && exact) {
    upgrade();
    found = recordChecks();
  }
  diagnostics.push(...found);
  return {
    ...base,
    diagnostics,
    record: { data: record, places: keepPlaces(pointers), exactPlaces: exact === undefined, ...(body ? { body } : {}) },
  };
}

function isOtherKind(fileKind: string, dataKind: unknown): boolean {
  return (
    typeof dataKind === 'string' &&
    dataKind !== fileKind &&
    (evidenceKinds as readonly string[]).includes(dataKind)
  );
}

function schemaFor(path: ContentPath, data: unknown): string | 'unknown-review-kind' | undefined {
  switch (path.area) {
    case 'registry':
      return `registry/${path.name}.schema.json`;
    case 'calendar':
      return 'calendar.schema.json';
    case 'evidence':
      return `evidence/${path.kind}.schema.json`;
    case 'review': {
      const kind = (data as Record<string, unknown>).kind;
      return typeof kind === 'string' && (reviewKinds as readonly string[]).includes(kind)
        ? `review/${kind}.schema.json`
        : 'unknown-review-kind';
    }
    default:
      return undefined;
  }
}

/** The folder is the source of truth for where a record belongs; its fields must agree with it. */
function checkFolderAgreement(
  file: string,
  path: ContentPath,
  data: Record<string, unknown>,
  pointers: PointerMap,
): Diagnostic[] {
  if (path.area !== 'evidence' && path.area !== 'review') return [];
  const out: Diagnostic[] = [];
  const expect = (field: string, expected: unknown, actual: unknown) => {
    if (actual === undefined || actual === expected) return;
    out.push(
      diagnostic('path/mismatch', file, placeOf(pointers, `/${field}`), {
        field,
        actual: JSON.stringify(actual),
        expected: expected === undefined ? '（不应填写）' : JSON.stringify(expected),
      }),
    );
  };
  expect('contractId', path.contractId, data.contractId);
  expect('period', path.period, data.period);
  if (path.area === 'review') return out;
  expect('kind', path.kind, data.kind);
  expect('id', path.id, data.id);
  expect('unitId', path.unitId, data.unitId);
  if (path.itemNo !== undefined && Array.isArray(data.itemNos) && !data.itemNos.includes(path.itemNo)) {
    out.push(
      diagnostic('path/mismatch', file, placeOf(pointers, '/itemNos'), {
        field: 'itemNos',
        actual: JSON.stringify(data.itemNos),
        expected: `包含 ${path.itemNo}`,
      }),
    );
  }
  if (path.itemNo !== undefined && typeof data.itemNo === 'number' && data.itemNo !== path.itemNo) {
    expect('itemNo', path.itemNo, data.itemNo);
  }
  return out;
}

function checkOccurredAt(
  file: string,
  kind: string,
  data: Record<string, unknown>,
  pointers: PointerMap,
): Diagnostic[] {
  const field = primaryTimeField[kind as keyof typeof primaryTimeField];
  if (data.occurredAt === undefined || !field) return [];
  const primary = getPath(data, field);
  const a = instantOf(data.occurredAt);
  const b = instantOf(primary);
  if (a === undefined || b === undefined || a === b) return [];
  return [
    diagnostic('time/occurred-mismatch', file, placeOf(pointers, '/occurredAt'), {
      value: String(data.occurredAt),
      field,
      expected: String(primary),
    }),
  ];
}

/** Reads a dotted field path such as `window.start`. */
export function getPath(data: unknown, dotted: string): unknown {
  let current = data;
  for (const segment of dotted.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Keeps the places later stages can point at: top-level fields, their elements, and attachment hashes. */
function keepPlaces(pointers: PointerMap): Record<string, Place> {
  const kept: Record<string, Place> = {};
  for (const [pointer, place] of pointers) {
    let depth = 0;
    for (let i = pointer.indexOf('/'); i !== -1 && depth <= 2; i = pointer.indexOf('/', i + 1)) depth++;
    if (depth <= 2 || pointer.endsWith('/sha256') || /\/(linkedTicketId|ticketId|evidenceId|eventRef)$/.test(pointer)) {
      kept[pointer] = place.value;
    }
  }
  return kept;
}
