import * as momoa from '@humanwhocodes/momoa';
import type { Diagnostic } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';
import { type PointerMap, pointerSegment } from './pointer-map.ts';

/** A parsed document with the source place of every value. */
export interface ParsedData {
  data: unknown;
  pointers: PointerMap;
  /**
   * Present when `pointers` only holds top-level fields (the fast YAML path): computes the exact map of every
   * value. Callers ask for it only when they have something to report.
   */
  exact?: () => PointerMap;
}

type JsonValueNode = momoa.ValueNode;

/**
 * Parses strict JSON (no comments, no trailing commas) keeping positions. Duplicate keys are reported:
 * JSON.parse would silently keep the last one, which hides a vendor's mistake.
 */
export function parseJson(
  file: string,
  text: string,
  options: { exact?: boolean } = {},
): { ok: true; parsed: ParsedData; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  if (!options.exact) {
    const fast = parseJsonFast(text);
    if (fast) return { ok: true, parsed: { ...fast, exact: () => exactPointers(file, text) }, diagnostics: [] };
  }
  let document: momoa.DocumentNode;
  try {
    document = momoa.parse(text, { mode: 'json' });
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number };
    const detail = (e.message ?? String(error)).replace(/\s*\(\d+:\d+\)\s*$/, '');
    return {
      ok: false,
      diagnostics: [diagnostic('parse/json', file, { line: e.line ?? 1, column: e.column ?? 1 }, { detail })],
    };
  }
  const pointers: PointerMap = new Map();
  const diagnostics: Diagnostic[] = [];
  const toValue = (node: JsonValueNode, pointer: string): unknown => {
    switch (node.type) {
      case 'Object': {
        const result: Record<string, unknown> = {};
        for (const member of node.members) {
          const key = member.name.type === 'String' ? member.name.value : member.name.name;
          const child = `${pointer}/${pointerSegment(key)}`;
          if (Object.hasOwn(result, key)) {
            diagnostics.push(diagnostic('parse/duplicate-key', file, startOf(member.name), { key }));
          }
          pointers.set(child, { value: startOf(member.value), key: startOf(member.name) });
          result[key] = toValue(member.value, child);
        }
        return result;
      }
      case 'Array':
        return node.elements.map((element, index) => {
          const child = `${pointer}/${index}`;
          pointers.set(child, { value: startOf(element.value) });
          return toValue(element.value, child);
        });
      case 'String':
      case 'Number':
      case 'Boolean':
        return node.value;
      case 'Null':
        return null;
      default:
        return undefined;
    }
  };
  pointers.set('', { value: startOf(document.body) });
  const data = toValue(document.body, '');
  return { ok: true, parsed: { data, pointers }, diagnostics };
}

function startOf(node: { loc: momoa.LocationRange }) {
  return { line: node.loc.start.line, column: node.loc.start.column };
}

function exactPointers(file: string, text: string): PointerMap {
  const parsed = parseJson(file, text, { exact: true });
  return parsed.ok ? parsed.parsed.pointers : new Map();
}

/**
 * The fast path for well-formed JSON: `JSON.parse` for the data, and one scan of the text for duplicate keys (which
 * `JSON.parse` silently drops) and the places of the top-level members. Anything unusual returns `undefined` and the
 * caller parses with momoa, which reports the problem at its place.
 */
function parseJsonFast(text: string): Omit<ParsedData, 'exact'> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const pointers: PointerMap = new Map();
  // Each open container: the keys seen (objects only), and whether the next string is a key.
  const stack: Array<{ keys: Set<string> | undefined; expectKey: boolean }> = [];
  let line = 1;
  let lineStart = 0;
  let pendingKey: { key: string; place: { line: number; column: number } } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    const top = stack[stack.length - 1];
    const place = { line, column: i - lineStart + 1 };
    if (stack.length === 0 && pointers.size === 0) pointers.set('', { value: place });
    if (c === 34) {
      // A string: find its end, honouring escapes.
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return undefined;
        top.keys.add(key);
        top.expectKey = false;
        if (stack.length === 1) pendingKey = { key, place };
      } else if (pendingKey && stack.length === 1) {
        pointers.set(`/${pointerSegment(pendingKey.key)}`, { value: place, key: pendingKey.place });
        pendingKey = undefined;
      }
      i = j;
      continue;
    }
    if (pendingKey && stack.length === 1 && c !== 58) {
      pointers.set(`/${pointerSegment(pendingKey.key)}`, { value: place, key: pendingKey.place });
      pendingKey = undefined;
    }
    if (c === 123) stack.push({ keys: new Set(), expectKey: true });
    else if (c === 91) stack.push({ keys: undefined, expectKey: false });
    else if (c === 125 || c === 93) stack.pop();
    else if (c === 44 && top?.keys) top.expectKey = true;
  }
  return { data, pointers };
}
