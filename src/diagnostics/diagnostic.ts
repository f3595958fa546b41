import { formatMessage } from './catalog.ts';

/** How bad a finding is: errors fail `omarc check` (exit 1), warnings do not. */
export type Severity = 'error' | 'warning';

/** A place in a file, 1-based like editors show it. */
export interface Place {
  line: number;
  column: number;
}

/** A second place that explains the first one (e.g. where a duplicate id was first used). */
export interface DiagnosticCause {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * One problem found in the content, shaped like a vfile-message (place, rule id, severity, a note that says what
 * to do, a second place as `cause`).
 *
 * Plain data rather than `VFileMessage` instances: diagnostics cross worker threads and are written to the
 * check cache, and both need structured-clone-safe values.
 */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable id `<stage>/<rule>`, documented in README `## Errors`. */
  code: string;
  message: string;
  hint: string;
  cause?: DiagnosticCause;
}

/** Builds a diagnostic whose wording comes from the zh-CN catalogue entry `code`. */
export function diagnostic(
  code: string,
  file: string,
  place: Place,
  params: Record<string, string | number> = {},
  severity?: Severity,
): Diagnostic {
  const text = formatMessage(code, params);
  return {
    file,
    line: place.line,
    column: place.column,
    severity: severity ?? text.severity,
    code,
    message: text.message,
    hint: text.hint,
  };
}

/** Orders diagnostics by file, line, column and code so that output never depends on scheduling. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
