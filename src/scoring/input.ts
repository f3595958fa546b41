import type { WorkCalendar } from '../calendar/index.ts';
import type { ContractRegistry } from '../content/registry.ts';
import type { Evidence, Review } from '../model/index.ts';

/**
 * A record as the engines see it: typed data plus where it came from. Engines never read files; `file` and
 * `line` only travel into ledger lines so every point can be traced to its evidence.
 */
export interface ScoredRecord<T> {
  id: string;
  kind: string;
  /** Period folder the record is filed under. */
  period: string;
  file: string;
  /** Line of the record's start (front matter or JSON object) in its file. */
  line: number;
  /** False when `omarc check` found an error in it: shown as 无效, never counted (spec §3.0). */
  valid: boolean;
  problems: Array<{ line: number; column: number; code: string; message: string }>;
  data: T;
  /** Place of a top-level or second-level field (JSON Pointer → line), for precise evidence lines. */
  lines: Record<string, number>;
}

/** Everything an engine needs: pure data, no I/O, no clock (asOf is given). */
export interface ScoringInput {
  registry: ContractRegistry;
  /** All evidence of the contract, every period (D6 and cross-period tickets need more than one). */
  evidence: ReadonlyArray<ScoredRecord<Evidence>>;
  reviews: ReadonlyArray<ScoredRecord<Review>>;
  calendar: WorkCalendar;
  /** Period label to score. */
  period: string;
  /** The evaluation instant, ISO-8601 with offset. */
  asOf: string;
  engineVersion: string;
}
