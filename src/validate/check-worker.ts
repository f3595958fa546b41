import { parentPort } from 'node:worker_threads';
import { checkFile, type FileInput, type FileResult } from './check-file.ts';

/** A batch of files for one worker: inputs with their bytes (transferred, not copied). */
export interface WorkerBatch {
  id: number;
  files: Array<{ input: FileInput; bytes: Uint8Array }>;
}

export interface WorkerReply {
  id: number;
  results: FileResult[];
}

parentPort?.on('message', (batch: WorkerBatch) => {
  const results = batch.files.map(({ input, bytes }) => checkFile(input, bytes));
  parentPort?.postMessage({ id: batch.id, results } satisfies WorkerReply);
});
