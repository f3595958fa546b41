import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';
import { LineIndex } from './line-index.ts';
import type { ParsedData } from './parse-json.ts';
import { type PointerMap, pointerSegment } from './pointer-map.ts';

/** Parse-only MDX processor: remark-mdx builds the syntax tree; nothing is ever compiled or evaluated. */
const mdxParser = unified().use(remarkParse).use(remarkMdx).freeze();

/** The front matter data (with places) and the body tree of an MDX evidence file. */
export interface ParsedMdx {
  frontMatter?: ParsedData;
  body?: Root;
  diagnostics: Diagnostic[];
}

const fence = /^---[ \t]*\r?$/;

/**
 * Splits YAML front matter from the body and parses both. The body is parsed with the front matter blanked
 * to empty lines so that remark's positions are the file's own; a YAML error does not stop the body check
 * and vice versa, so one run reports both.
 */
export function parseMdx(file: string, text: string): ParsedMdx {
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  let bodyText = text;
  let frontMatter: ParsedData | undefined;
  if (!fence.test(lines[0] ?? '')) {
    diagnostics.push(diagnostic('parse/front-matter-missing', file, { line: 1, column: 1 }));
  } else {
    const close = lines.findIndex((line, index) => index > 0 && fence.test(line));
    if (close === -1) {
      diagnostics.push(diagnostic('parse/front-matter-unclosed', file, { line: 1, column: 1 }));
      bodyText = '';
    } else {
      const yamlStart = (lines[0] ?? '').length + 1;
      const yamlText = lines.slice(1, close).join('\n');
      const parsed = parseYaml(file, yamlText, yamlStart, new LineIndex(text));
      diagnostics.push(...parsed.diagnostics);
      frontMatter = parsed.parsed;
      bodyText = '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n');
    }
  }
  let body: Root | undefined;
  try {
    body = mdxParser.parse(bodyText);
  } catch (error) {
    diagnostics.push(mdxParseDiagnostic(file, error));
  }
  return frontMatter
    ? { frontMatter, ...(body ? { body } : {}), diagnostics }
    : { ...(body ? { body } : {}), diagnostics };
}

function mdxParseDiagnostic(file: string, error: unknown): Diagnostic {
  const e = error as { reason?: string; message?: string; line?: number; column?: number };
  const reason = e.reason ?? e.message ?? String(error);
  const place = { line: e.line ?? 1, column: e.column ?? 1 };
  // micromark reports `<!--` as an unexpected `!` and itself suggests `{/* */}`, which omarc forbids.
  if (/to create a comment in MDX/.test(reason))
    return diagnostic('mdx/html-comment', file, { ...place, column: Math.max(1, place.column - 1) });
  return diagnostic('mdx/parse', file, place, { detail: reason.replace(/\s*\(note:.*\)$/, '') });
}

function parseYaml(
  file: string,
  yamlText: string,
  offset: number,
  index: LineIndex,
): { parsed?: ParsedData; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const at = (position: number) => index.place(offset + position);
  const diagnostics: Diagnostic[] = [];
  for (const error of document.errors) {
    let position = error.pos[0];
    // An unclosed quote is detected where the text ends; the vendor needs the opening quote.
    const quote = error.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(error.message)?.[1] : undefined;
    if (quote) position = Math.max(0, yamlText.lastIndexOf(quote, position - 1));
    const place = at(position);
    if (error.code === 'TAB_AS_INDENT') diagnostics.push(diagnostic('parse/yaml-tab', file, place));
    else if (error.code === 'DUPLICATE_KEY') {
      diagnostics.push(
        diagnostic('parse/duplicate-key', file, place, { key: yamlText.slice(error.pos[0], error.pos[1]) }),
      );
    } else diagnostics.push(diagnostic('parse/yaml', file, place, { detail: firstLine(error.message) }));
  }
  if (diagnostics.length > 0) return { diagnostics };
  const pointers: PointerMap = new Map();
  const walk = (node: unknown, pointer: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = `${pointer}/${pointerSegment(key)}`;
        const keyRange = (pair.key as YamlNode | null)?.range;
        const valueRange = (pair.value as YamlNode | null)?.range ?? keyRange;
        if (valueRange) {
          pointers.set(child, { value: at(valueRange[0]), ...(keyRange ? { key: at(keyRange[0]) } : {}) });
        }
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const range = (item as YamlNode | null)?.range;
        if (range) pointers.set(`${pointer}/${i}`, { value: at(range[0]) });
        walk(item, `${pointer}/${i}`);
      });
    }
  };
  const root = document.contents as YamlNode | null;
  pointers.set('', { value: at(root?.range?.[0] ?? 0) });
  walk(root, '');
  return { parsed: { data: document.toJS({ maxAliasCount: 0 }) ?? null, pointers }, diagnostics };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
