export { getValidator, schemaDir } from './ajv.ts';
export type { FileInput, FileResult, ParsedRecord } from './check-file.ts';
export { checkFile } from './check-file.ts';
export type { CheckOptions, CheckResult, LoadedRecord } from './check-project.ts';
export { checkProject } from './check-project.ts';
