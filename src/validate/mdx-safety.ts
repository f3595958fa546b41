import { posix } from 'node:path';
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import { visit } from 'unist-util-visit';
import type { Diagnostic, Place } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';

/** The only components vendor MDX may use, with their allowed attributes. */
export const allowedComponents: Readonly<
  Record<string, { attributes: readonly string[]; required: readonly string[] }>
> = {
  Unit: { attributes: ['id'], required: ['id'] },
  Figure: { attributes: ['sha256', 'caption'], required: ['sha256'] },
  Note: { attributes: [], required: [] },
};

/** HTML elements that can run code or pull in other documents. */
const dangerousElements = new Set([
  'script',
  'iframe',
  'style',
  'object',
  'embed',
  'frame',
  'frameset',
  'form',
  'input',
  'link',
  'meta',
  'base',
  'svg',
  'math',
]);
const safeSchemes = new Set(['http:', 'https:', 'mailto:']);

/** What the body references, for the cross-file checks. */
export interface BodyFacts {
  units: Array<{ id: string; place: Place }>;
  figures: Array<{ sha256: string; place: Place }>;
  links: Array<{ path: string; place: Place }>;
}

/**
 * Checks that an MDX body is data only: no ESM, no expressions, only whitelisted components with string
 * attributes, and no URL that can execute. Relative links must stay inside content/.
 */
export function checkMdxBody(
  file: string,
  relativeToContent: string,
  tree: Root,
): { diagnostics: Diagnostic[]; facts: BodyFacts } {
  const diagnostics: Diagnostic[] = [];
  const facts: BodyFacts = { units: [], figures: [], links: [] };
  const placeOf = (node: { position?: { start: { line: number; column: number } } | undefined }): Place =>
    node.position
      ? { line: node.position.start.line, column: node.position.start.column }
      : { line: 1, column: 1 };
  const checkUrl = (url: string, place: Place) => {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1];
    if (scheme) {
      if (!safeSchemes.has(`${scheme.toLowerCase()}:`))
        diagnostics.push(diagnostic('mdx/url', file, place, { url: truncate(url) }));
      return;
    }
    if (url.startsWith('#') || url.startsWith('//') === false) {
      const target = url.split(/[?#]/)[0] ?? '';
      if (target === '') return;
      const resolved = posix.normalize(
        posix.join(posix.dirname(relativeToContent), decodeURIComponentSafe(target)),
      );
      if (target.startsWith('/') || resolved === '..' || resolved.startsWith('../')) {
        diagnostics.push(diagnostic('path/escape', file, place, { path: truncate(url) }));
      } else facts.links.push({ path: resolved, place });
      return;
    }
    diagnostics.push(diagnostic('mdx/url', file, place, { url: truncate(url) }));
  };

  visit(tree, (node) => {
    const place = placeOf(node);
    switch (node.type) {
      case 'mdxjsEsm':
        diagnostics.push(diagnostic('mdx/esm', file, place));
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        diagnostics.push(diagnostic('mdx/expression', file, place));
        return;
      case 'link':
      case 'image':
      case 'definition':
        checkUrl(node.url, place);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const spec = allowedComponents[name];
        if (name === '')
          diagnostics.push(
            diagnostic('mdx/component', file, place, { name: '（片段 <>）', allowed: allowedList() }),
          );
        else if (dangerousElements.has(name.toLowerCase()))
          diagnostics.push(diagnostic('mdx/html', file, place, { name }));
        else if (!spec)
          diagnostics.push(diagnostic('mdx/component', file, place, { name, allowed: allowedList() }));
        const values: Record<string, string> = {};
        for (const attribute of node.attributes) {
          const attributePlace = attribute.position
            ? { line: attribute.position.start.line, column: attribute.position.start.column }
            : place;
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            diagnostics.push(diagnostic('mdx/expression-attribute', file, attributePlace, { name }));
            continue;
          }
          if (/^on/i.test(attribute.name)) {
            diagnostics.push(diagnostic('mdx/event-handler', file, attributePlace, { name: attribute.name }));
            continue;
          }
          if (attribute.value !== null && typeof attribute.value === 'object') {
            diagnostics.push(diagnostic('mdx/expression-attribute', file, attributePlace, { name }));
            continue;
          }
          if (
            /^(href|src|action|formaction|xlink:href)$/i.test(attribute.name) &&
            typeof attribute.value === 'string'
          ) {
            checkUrl(attribute.value, attributePlace);
          }
          if (spec && !spec.attributes.includes(attribute.name)) {
            diagnostics.push(
              diagnostic('mdx/attribute', file, attributePlace, {
                component: name,
                name: attribute.name,
                allowed: spec.attributes.join('、') || '（无）',
              }),
            );
          }
          values[attribute.name] = attribute.value ?? '';
        }
        if (spec) {
          for (const required of spec.required) {
            if (values[required] === undefined) {
              diagnostics.push(
                diagnostic('mdx/missing-attribute', file, place, { component: name, name: required }),
              );
            }
          }
          if (name === 'Unit' && values.id) facts.units.push({ id: values.id, place });
          if (name === 'Figure' && values.sha256) facts.figures.push({ sha256: values.sha256, place });
        }
        return;
      }
      default:
        return;
    }
  });
  return { diagnostics, facts };
}

function allowedList(): string {
  return Object.keys(allowedComponents)
    .map((n) => `<${n}>`)
    .join('、');
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
