import type { ErrorObject } from 'ajv';
import { type PointerMap, placeOf } from '../content/pointer-map.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';

interface SchemaLike {
  title?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaLike>;
  enum?: unknown[];
  format?: string;
}

const formatZh: Record<string, { name: string; hint: string }> = {
  'date-time': {
    name: '带时区的时间',
    hint: '使用带时区的 ISO-8601 时间，如 2026-10-21T10:00:00+08:00（北京时间为 +08:00）。',
  },
  date: { name: '日期', hint: '使用真实存在的日期，格式 YYYY-MM-DD，如 2026-10-16。' },
  time: { name: '时间', hint: '使用 HH:MM:SS+08:00 格式。' },
  duration: { name: '时长', hint: '使用 ISO-8601 时长，如 PT10M、PT1H、P7D。' },
  uri: { name: '网址', hint: '使用完整的网址，如 https://example.org/。' },
};

const typeZh: Record<string, string> = {
  string: '字符串',
  integer: '整数',
  number: '数字',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组（列表）',
  null: '空值',
};

/** Keywords that only summarise errors already reported by their sub-schemas. */
const summaryKeywords = new Set(['if', 'allOf', 'anyOf', 'not', '$ref']);

/** Turns ajv errors into located, Chinese diagnostics; one per problem and place. */
export function schemaDiagnostics(
  file: string,
  errors: readonly ErrorObject[],
  pointers: PointerMap,
  schema: string,
  titles: ReadonlyMap<string, string> = new Map(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const formatPointers = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  const constPointers = new Set(errors.filter((e) => e.keyword === 'const').map((e) => e.instancePath));
  // oneOf failures report every branch; the branch errors are noise once we say which field is wrong.
  const oneOfPointers = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
  for (const error of errors) {
    if (summaryKeywords.has(error.keyword)) continue;
    if (error.keyword === 'pattern' && formatPointers.has(error.instancePath)) continue;
    if (error.keyword === 'enum' && constPointers.has(error.instancePath)) continue;
    if (
      error.keyword !== 'oneOf' &&
      oneOfPointers.some((p) => error.schemaPath.includes('/oneOf/') && error.instancePath.startsWith(p))
    ) {
      continue;
    }
    const d = toDiagnostic(file, error, pointers, schema, titles);
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function toDiagnostic(
  file: string,
  error: ErrorObject,
  pointers: PointerMap,
  schema: string,
  titles: ReadonlyMap<string, string>,
): Diagnostic {
  const parent = (error.parentSchema ?? {}) as SchemaLike;
  const path = displayPath(error.instancePath);
  // A shared definition (timestamp, date …) has a generic title; the field's own title says which field it is.
  const title =
    titles.get(error.instancePath.replace(/\/\d+(?=\/|$)/g, '/*')) ??
    parent.title ??
    lastSegment(error.instancePath);
  const actual = show(error.data);
  const at = (pointer: string, preferKey = false) => placeOf(pointers, pointer, preferKey);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      const sub = parent.properties?.[property];
      const example = sub?.examples?.[0];
      return diagnostic('schema/required', file, at(error.instancePath), {
        property,
        title: sub?.title ?? property,
        example: example === undefined ? '' : `例如：${property}: ${show(example)}`,
      });
    }
    case 'unevaluatedProperties':
    case 'additionalProperties': {
      const property = String(params.unevaluatedProperty ?? params.additionalProperty);
      return diagnostic(
        'schema/unknown-property',
        file,
        at(`${error.instancePath}/${escapeSegment(property)}`, true),
        {
          property,
          schema,
        },
      );
    }
    case 'type':
      return diagnostic('schema/type', file, at(error.instancePath), {
        path,
        title,
        expected: String(params.type)
          .split(',')
          .map((t) => typeZh[t] ?? t)
          .join(' 或 '),
        example: parent.examples?.[0] === undefined ? '' : `例如：${show(parent.examples[0])}`,
      });
    case 'enum':
      return diagnostic('schema/enum', file, at(error.instancePath), {
        path,
        title,
        actual,
        allowed: ((params.allowedValues as unknown[]) ?? parent.enum ?? []).map((v) => show(v)).join('、'),
      });
    case 'const':
      return diagnostic('schema/const', file, at(error.instancePath), {
        path,
        title,
        expected: show(params.allowedValue),
      });
    case 'format': {
      const format = String(params.format);
      const zh = formatZh[format] ?? { name: format, hint: '' };
      return diagnostic('schema/format', file, at(error.instancePath), {
        path,
        title,
        actual,
        format: zh.name,
        formatHint: zh.hint,
      });
    }
    case 'pattern':
      return diagnostic('schema/pattern', file, at(error.instancePath), {
        path,
        title,
        actual,
        example:
          parent.examples?.[0] === undefined
            ? `应符合 ${String(params.pattern)}`
            : `例如：${show(parent.examples[0])}`,
      });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return diagnostic('schema/range', file, at(error.instancePath), {
        path,
        title,
        actual,
        limit: `${{ minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[error.keyword]} ${String(params.limit)}`,
      });
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return diagnostic('schema/length', file, at(error.instancePath), {
        path,
        title,
        limit: `${error.keyword.startsWith('min') ? '至少' : '至多'} ${String(params.limit)}`,
      });
    case 'uniqueItems':
      return diagnostic('schema/unique', file, at(error.instancePath), { path, title });
    default:
      return diagnostic('schema/other', file, at(error.instancePath), {
        path,
        title,
        detail: error.message ?? error.keyword,
        schema,
      });
  }
}

function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function lastSegment(pointer: string): string {
  const last = pointer.slice(pointer.lastIndexOf('/') + 1);
  return last === '' ? '（根）' : last;
}

function displayPath(pointer: string): string {
  if (pointer === '') return '（根）';
  return pointer
    .slice(1)
    .split('/')
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replaceAll('~1', '/').replaceAll('~0', '~')}`))
    .join('')
    .replace(/^\./, '');
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

interface SchemaNode {
  title?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  $ref?: string;
}

const titleCache = new WeakMap<object, Map<string, string>>();

/**
 * Field titles of a schema by JSON Pointer pattern (`/findings/<i>/foundAt` with `*` for the index), following `allOf` and local
 * properties; `$ref`s to shared definitions are not entered, their title at the use site wins.
 */
export function fieldTitles(
  schema: object,
  resolve: (ref: string) => object | undefined,
): Map<string, string> {
  const cached = titleCache.get(schema);
  if (cached) return cached;
  const titles = new Map<string, string>();
  const walk = (node: SchemaNode | undefined, pointer: string, depth: number) => {
    if (!node || depth > 8) return;
    if (node.title && pointer !== '' && !titles.has(pointer)) titles.set(pointer, node.title);
    for (const [key, child] of Object.entries(node.properties ?? {}))
      walk(child, `${pointer}/${key}`, depth + 1);
    if (node.items) walk(node.items, `${pointer}/*`, depth + 1);
    for (const part of node.allOf ?? []) {
      const target = part.$ref ? (resolve(part.$ref) as SchemaNode | undefined) : part;
      walk(target, pointer, depth + 1);
    }
  };
  walk(schema as SchemaNode, '', 0);
  titleCache.set(schema, titles);
  return titles;
}
