import type { Diagnostic } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';

/** Evidence files larger than this are refused unread: narratives are short and scans are attachments. */
export const maxSourceBytes = 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The decoded text of a content file, or the reason it cannot be treated as text. */
export type SourceText =
  | { ok: true; text: string; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Decodes file bytes as strict UTF-8. A BOM is dropped (its offset would shift every column) and CRLF is
 * reported but kept: both parsers handle it and positions stay true to the file on disk.
 */
export function decodeSource(file: string, bytes: Uint8Array): SourceText {
  const start = { line: 1, column: 1 };
  if (bytes.byteLength === 0) return { ok: false, diagnostics: [diagnostic('parse/empty', file, start)] };
  if (bytes.byteLength > maxSourceBytes) {
    return {
      ok: false,
      diagnostics: [
        diagnostic('parse/too-large', file, start, { size: bytes.byteLength, limit: maxSourceBytes }),
      ],
    };
  }
  if (bytes.includes(0)) {
    return { ok: false, diagnostics: [diagnostic('parse/binary', file, start, { reason: '含有 NUL 字节' })] };
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return {
      ok: false,
      diagnostics: [diagnostic('parse/binary', file, start, { reason: '不是有效的 UTF-8' })],
    };
  }
  const diagnostics: Diagnostic[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(diagnostic('format/bom', file, start));
  }
  const crlf = text.indexOf('\r\n');
  if (crlf !== -1) {
    const line = text.slice(0, crlf).split('\n').length;
    diagnostics.push(
      diagnostic('format/crlf', file, { line, column: crlf - text.lastIndexOf('\n', crlf - 1) }),
    );
  }
  if (text.trim() === '')
    return { ok: false, diagnostics: [...diagnostics, diagnostic('parse/empty', file, start)] };
  return { ok: true, text, diagnostics };
}
