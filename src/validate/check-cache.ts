import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import catalogue from '../diagnostics/messages/zh-CN.json' with { type: 'json' };
import type { Diagnostic } from '../diagnostics/index.ts';
import { schemaFingerprint } from './ajv.ts';
import type { FileResult } from './check-file.ts';

/** Bump when the per-file checks change in a way the schemas and messages do not show. */
const checkerVersion = 'check-3';
const magic = Buffer.from('OMARC-CHECK-CACHE\n');

type Project = { key: string; diagnostics: Diagnostic[] };

/**
 * Per-file results keyed by path and content hash (eslint `--cache-strategy content`), plus the final
 * diagnostics of the last run keyed by every (path, hash) pair. File layout: magic, a small header, then one
 * length-prefixed record per entry, so that entries are deserialized only when asked for and saving streams
 * instead of building one buffer the size of the cache.
 */
export class CheckCache {
  readonly #file: string;
  readonly #version: string;
  /** Entries still in their stored form: key → [offset, length] into #buffer. */
  #raw = new Map<string, [number, number]>();
  #buffer: Buffer | undefined;
  #live = new Map<string, FileResult>();
  #project: Project | undefined;
  #dirty = false;

  constructor(file: string) {
    this.#file = file;
    this.#version = createHash('sha256').update(checkerVersion).update(schemaFingerprint()).update(JSON.stringify(catalogue)).digest('hex');
    try {
      const buffer = readFileSync(file);
      if (!buffer.subarray(0, magic.length).equals(magic)) return;
      let at = magic.length;
      const headerLength = buffer.readUInt32LE(at);
      at += 4;
      const header = deserialize(buffer.subarray(at, at + headerLength)) as { version: string; project?: Project };
      at += headerLength;
      if (header.version !== this.#version) return;
      this.#project = header.project;
      while (at < buffer.length) {
        const keyLength = buffer.readUInt32LE(at);
        const key = buffer.toString('utf8', at + 4, at + 4 + keyLength);
        at += 4 + keyLength;
        const valueLength = buffer.readUInt32LE(at);
        this.#raw.set(key, [at + 4, valueLength]);
        at += 4 + valueLength;
      }
      this.#buffer = buffer;
    } catch {
      this.#raw.clear();
      this.#project = undefined;
    }
  }

  static key(relative: string, hash: string): string {
    return `${relative}\0${hash}`;
  }

  get(key: string): FileResult | undefined {
    const live = this.#live.get(key);
    if (live) return live;
    const raw = this.#raw.get(key);
    if (!raw || !this.#buffer) return undefined;
    const result = deserialize(this.#buffer.subarray(raw[0], raw[0] + raw[1])) as FileResult;
    this.#live.set(key, result);
    return result;
  }

  set(key: string, result: FileResult): void {
    this.#live.set(key, result);
    this.#raw.delete(key);
    this.#dirty = true;
  }

  project(key: string): Diagnostic[] | undefined {
    return this.#project?.key === key ? this.#project.diagnostics : undefined;
  }

  setProject(key: string, diagnostics: Diagnostic[]): void {
    if (this.#project?.key === key) return;
    this.#project = { key, diagnostics };
    this.#dirty = true;
  }

  retain(keys: ReadonlySet<string>): void {
    for (const map of [this.#raw, this.#live]) {
      for (const key of map.keys()) {
        if (!keys.has(key)) {
          map.delete(key);
          this.#dirty = true;
        }
      }
    }
  }

  /** Streams to a temp file and renames it, so an interrupted run never leaves a torn cache. */
  save(): void {
    if (!this.#dirty) return;
    mkdirSync(dirname(this.#file), { recursive: true });
    const temp = `${this.#file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      const flush = () => {
        if (size === 0) return;
        writeSync(fd, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
        chunks.length = 0;
        size = 0;
      };
      const push = (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= 4 << 20) flush();
      };
      const u32 = (n: number) => {
        const b = Buffer.allocUnsafe(4);
        b.writeUInt32LE(n);
        return b;
      };
      const header = serialize({ version: this.#version, project: this.#project });
      push(magic);
      push(u32(header.length));
      push(header);
      const entry = (key: string, value: Buffer) => {
        const k = Buffer.from(key);
        push(u32(k.length));
        push(k);
        push(u32(value.length));
        push(value);
      };
      for (const [key, [offset, length]] of this.#raw) entry(key, (this.#buffer as Buffer).subarray(offset, offset + length));
      for (const [key, result] of this.#live) if (!this.#raw.has(key)) entry(key, serialize(result));
      flush();
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.#file);
    this.#dirty = false;
  }
}
