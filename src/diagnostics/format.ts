import { styleText } from 'node:util';
import type { Diagnostic } from './diagnostic.ts';

/** Output formats of `omarc check`. */
export const outputFormats = ['human', 'json', 'github'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** The JSON report: the same diagnostics a human sees, as data. */
export function formatJson(files: number, diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify({
    files,
    diagnostics: diagnostics.map(({ file, line, column, severity, code, message, hint }) => ({
      file,
      line,
      column,
      severity,
      code,
      message,
      hint,
    })),
  })}\n`;
}

/** GitHub Actions workflow commands, which become inline annotations on a pull request. */
export function formatGithub(files: number, diagnostics: readonly Diagnostic[]): string {
  const lines = diagnostics.map((d) => {
    const level = d.severity === 'error' ? 'error' : 'warning';
    const message = escapeData(`${d.message} ${d.hint}`.trim());
    return `::${level} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}::${message}`;
  });
  lines.push(summaryLine(files, diagnostics));
  return `${lines.join('\n')}\n`;
}

/**
 * Terminal output grouped by file, `file:line:col` first so editors and terminals can jump to it.
 * Colour only when `colour` is true (the caller decides from the stream, NO_COLOR and FORCE_COLOR).
 */
export function formatHuman(files: number, diagnostics: readonly Diagnostic[], colour: boolean): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) =>
    colour ? styleText(style, text, { validateStream: false }) : text;
  const out: string[] = [];
  let current = '';
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== '') out.push('');
      out.push(paint('underline', d.file));
      current = d.file;
    }
    const severity = d.severity === 'error' ? paint('red', '错误') : paint('yellow', '警告');
    out.push(`  ${d.file}:${d.line}:${d.column}  ${severity}  ${d.message}  ${paint('dim', `[${d.code}]`)}`);
    if (d.hint) out.push(`    ${paint('cyan', '→')} ${d.hint}`);
    if (d.cause)
      out.push(
        `    ${paint('dim', `另见 ${d.cause.file}:${d.cause.line}:${d.cause.column}：${d.cause.message}`)}`,
      );
  }
  if (out.length > 0) out.push('');
  out.push(summaryLine(files, diagnostics));
  return `${out.join('\n')}\n`;
}

function summaryLine(files: number, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return errors === 0 && warnings === 0
    ? `已检查 ${files} 个文件，未发现问题。`
    : `已检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告。`;
}

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
