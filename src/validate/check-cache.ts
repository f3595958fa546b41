import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import catalogue from '../diagnostics/messages/zh-CN.json' with { type: 'json' };
import { schemaFingerprint } from './ajv.ts';
import type { FileResult } from './check-file.ts';

/** Bump when the per-file checks change in a way the schemas and messages do not show. */
const checkerVersion = 'check-1';

/**
 * Per-file results keyed by path and content hash, like `eslint --cache` with `--cache-strategy content`.
 * The key covers the bytes, the path (folder agreement depends on it), and the file header covers the
 * schemas, the message catalogue and the checker version, so a cached result can never hide a change.
 */
export class CheckCache {
  readonly #file: string;
  readonly #version: string;
  #entries = new Map<string, FileResult>();
  #dirty = false;

  constructor(file: string) {
    this.#file = file;
    this.#version = createHash('sha256')
      .update(checkerVersion)
      .update(schemaFingerprint())
      .update(JSON.stringify(catalogue))
      .digest('hex');
    try {
      const stored = deserialize(readFileSync(file)) as { version: string; entries: Map<string, FileResult> };
      if (stored.version === this.#version) this.#entries = stored.entries;
    } catch {
      // No cache or an unreadable one: start empty; the next save replaces it.
    }
  }

  /** The key of a file's result: its path below content/ and the SHA-256 of its bytes. */
  static key(relative: string, hash: string): string {
    return `${relative}\0${hash}`;
  }

  get(key: string): FileResult | undefined {
    return this.#entries.get(key);
  }

  set(key: string, result: FileResult): void {
    this.#entries.set(key, result);
    this.#dirty = true;
  }

  /** Keeps only the given keys, so the cache does not grow with every edit. */
  retain(keys: ReadonlySet<string>): void {
    for (const key of this.#entries.keys()) {
      if (!keys.has(key)) {
        this.#entries.delete(key);
        this.#dirty = true;
      }
    }
  }

  /** Writes atomically (temp file + rename) so an interrupted run never leaves a torn cache. */
  save(): void {
    if (!this.#dirty) return;
    mkdirSync(dirname(this.#file), { recursive: true });
    const temp = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize({ version: this.#version, entries: this.#entries }));
    renameSync(temp, this.#file);
    this.#dirty = false;
  }
}
