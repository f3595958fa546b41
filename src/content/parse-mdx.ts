import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
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
export function parseMdx(file: string, text: string, options: { exact?: boolean } = {}): ParsedMdx {
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
      const full = () => parseYaml(file, yamlText, yamlStart, new LineIndex(text));
      const fast = options.exact ? undefined : parseYamlFast(yamlText, 2);
      if (fast) {
        frontMatter = { ...fast, exact: () => full().parsed?.pointers ?? fast.pointers };
      } else {
        const parsed = full();
        diagnostics.push(...parsed.diagnostics);
        frontMatter = parsed.parsed;
      }
      bodyText = '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n');
    }
  }
  let body: Root | undefined;
  if (!needsMdxParse(bodyText)) body = { type: 'root', children: [] };
  else {
    try {
      body = mdxParser.parse(bodyText);
    } catch (error) {
      diagnostics.push(mdxParseDiagnostic(file, error));
    }
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

/**
 * Whether a body can contain anything the MDX checks look at. JSX, expressions, ESM, links, images and
 * autolinks all need one of `< { } [` or a line starting with `import`/`export`; plain prose (most narratives)
 * has none, and skipping micromark for it halves the cost of checking an MDX file. The result is the same tree
 * as far as the checks are concerned: no node they inspect.
 */
function needsMdxParse(body: string): boolean {
  return /[<{}[]|^(?:import|export)\b/m.test(body);
}

/**
 * The fast front-matter path: js-yaml (core schema: timestamps stay strings, duplicate keys are errors) for the
 * data, and a line scan for the places of the top-level fields. Any YAML problem returns `undefined`, and the
 * caller re-parses with `yaml`, whose CST gives exact, well-worded diagnostics.
 */
function parseYamlFast(yamlText: string, firstLine: number): ParsedData | undefined {
  let data: unknown;
  try {
    data = loadYaml(yamlText, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const pointers: PointerMap = new Map();
  const lines = yamlText.split('\n');
  let root: { line: number; column: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^\s#:'"][^:]*?):(?:([ \t]+)(.*))?$/.exec(lines[i] ?? '');
    if (!match) continue;
    const key = match[1] ?? '';
    if (!Object.hasOwn(data, key)) continue;
    const keyPlace = { line: firstLine + i, column: 1 };
    root ??= keyPlace;
    const rest = match[3] ?? '';
    let value = keyPlace;
    if (rest !== '' && !rest.startsWith('#')) value = { line: firstLine + i, column: key.length + 2 + (match[2]?.length ?? 0) };
    else {
      // A block value starts on the next line that is not blank or a comment.
      for (let j = i + 1; j < lines.length; j++) {
        const indent = /^(\s*)(\S)/.exec(lines[j] ?? '');
        if (indent && indent[2] !== '#') {
          value = { line: firstLine + j, column: (indent[1]?.length ?? 0) + 1 };
          break;
        }
      }
    }
    pointers.set(`/${pointerSegment(key)}`, { value, key: keyPlace });
  }
  pointers.set('', { value: root ?? { line: firstLine, column: 1 } });
  return { data, pointers };
}
