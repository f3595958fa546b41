import type { Ledger } from '../ledger/index.ts';
import { scoreBjPeriod } from './bj/index.ts';
import type { ScoringInput } from './input.ts';
import { scoreLuohePeriod } from './luohe/index.ts';

export type { ScoredRecord, ScoringInput } from './input.ts';

/** Scores one period with the engine the contract names (`contract.scheme`). */
export function scorePeriod(input: ScoringInput): Ledger {
  const scheme = input.registry.contract.scheme;
  switch (scheme) {
    case 'luohe-a3-2025':
      return scoreLuohePeriod(input);
    case 'bj-kw-ops':
      return scoreBjPeriod(input);
    default:
      throw new Error(`No scoring engine for scheme ${String(scheme)}`);
  }
}
