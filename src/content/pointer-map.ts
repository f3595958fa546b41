import type { Place } from '../diagnostics/index.ts';

/** Where a value sits in its source file; `key` is the place of the property name when it has one. */
export interface SourcePlace {
  value: Place;
  key?: Place;
}

/** JSON Pointer (RFC 6901) → source place of every value of a parsed document. */
export type PointerMap = Map<string, SourcePlace>;

/** Escapes one JSON Pointer segment. */
export function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * The place to report a problem at `pointer`: the value itself, or its closest ancestor that has a place.
 * With `preferKey`, the property name (for unknown or misspelt keys).
 */
export function placeOf(map: PointerMap, pointer: string, preferKey = false): Place {
  let current = pointer;
  for (;;) {
    const found = map.get(current);
    if (found) return (preferKey && found.key) || found.value;
    if (current === '') return { line: 1, column: 1 };
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
