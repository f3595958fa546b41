import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The folder of JSON Schemas shipped with omarc. */
export const schemaDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
const idBase = 'https://omarc.local/schemas/';

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

function listSchemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.schema.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The one Ajv instance: every schema is added by `$id` once and validators are compiled on first use and
 * kept (compiling in a loop is the classic ajv performance bug). `allErrors` because a vendor wants every
 * problem of a file in one run; the size cap on files keeps that affordable.
 */
function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  addFormats.default(ajv, { mode: 'full', formats: ['date', 'date-time', 'time', 'duration', 'uri'] });
  for (const file of listSchemaFiles(schemaDir)) {
    ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')) as object);
  }
  return ajv;
}

/** The schema path (relative to schemas/) used in messages, e.g. `evidence/fault.schema.json`. */
export function schemaName(schemaPath: string): string {
  return relative(schemaDir, join(schemaDir, schemaPath));
}

/** The compiled validator for `schemas/<schemaPath>`, or `undefined` when omarc has no such schema. */
export function getValidator(schemaPath: string): ValidateFunction | undefined {
  const cached = validators.get(schemaPath);
  if (cached) return cached;
  const validate = instance().getSchema(idBase + schemaPath);
  if (validate) validators.set(schemaPath, validate);
  return validate;
}

/** A stable fingerprint of the shipped schemas, part of every cache key. */
export function schemaFingerprint(): string {
  return listSchemaFiles(schemaDir)
    .map((file) => `${relative(schemaDir, file)}\n${readFileSync(file, 'utf8')}`)
    .join('\n');
}

/** The schema a relative `$ref` in `schemas/<from>` points at (for reading titles; no validation). */
export function resolveSchema(from: string, ref: string): object | undefined {
  const url = new URL(ref, idBase + from).href;
  return instance().getSchema(url)?.schema as object | undefined;
}
