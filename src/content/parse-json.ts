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
): { ok: true; parsed: ParsedData; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
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
