import { LineIndex } from '../content/line-index.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { diagnostic } from '../diagnostics/index.ts';

// 18-digit 居民身份证号码 (GB 11643): region, birth date 19xx/20xx, sequence, check digit. The check digit is
// verified so that ticket numbers and timestamps written as digits are not mistaken for ID numbers.
const idNumber =
  /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const privateKey = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g;
// A password needs a key word followed by a value that looks like a secret, not Chinese prose about one.
const password = /(?:password|passwd|pwd|passcode|密码|口令)\s*[:=：]\s*["']?[\x21-\x7e]{4,}/gi;
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkDigits = '10X98765432';

/** Refuses personal identifiers and secrets anywhere in a file's text. */
export function checkPersonalData(file: string, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let index: LineIndex | undefined;
  const at = (offset: number) => {
    index ??= new LineIndex(text);
    return index.place(offset);
  };
  for (const match of text.matchAll(idNumber)) {
    if (validIdChecksum(match[0])) out.push(diagnostic('pii/id-number', file, at(match.index)));
  }
  for (const match of text.matchAll(privateKey))
    out.push(diagnostic('pii/private-key', file, at(match.index)));
  for (const match of text.matchAll(password)) out.push(diagnostic('pii/password', file, at(match.index)));
  return out;
}

function validIdChecksum(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] ?? 0);
  return checkDigits[sum % 11] === id[17]?.toUpperCase();
}
