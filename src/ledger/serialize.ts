import type { Ledger } from './types.ts';

/** The ledger file's bytes: two-space JSON with a final newline, keys in the order the engine built them. */
export function serializeLedger(ledger: Ledger): string {
  return `${JSON.stringify(ledger, null, 2)}\n`;
}
