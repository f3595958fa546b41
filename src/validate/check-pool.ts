import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkFile, type FileInput, type FileResult } from './check-file.ts';
import type { WorkerBatch, WorkerReply } from './check-worker.ts';

/** Below this many files, starting workers (each compiles the schemas) costs more than it saves. */
const parallelThreshold = 400;
const batchSize = 200;

/**
 * Runs the per-file checks, on worker threads when there is enough work. Results come back in input order
 * whatever the scheduling, so output is deterministic.
 */
export async function checkFiles(
  files: ReadonlyArray<{ input: FileInput; bytes: Uint8Array }>,
  workers = Math.max(1, availableParallelism()),
): Promise<FileResult[]> {
  if (files.length < parallelThreshold || workers <= 1)
    return files.map(({ input, bytes }) => checkFile(input, bytes));
  const results: FileResult[] = new Array(files.length);
  const batches: WorkerBatch[] = [];
  for (let i = 0; i < files.length; i += batchSize)
    batches.push({ id: i, files: files.slice(i, i + batchSize) });
  const pool = Array.from(
    { length: Math.min(workers, batches.length) },
    () => new Worker(new URL('./check-worker.ts', import.meta.url)),
  );
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const batch = batches.shift();
              if (!batch) return resolve();
              const transfer = batch.files
                .filter((f) => f.bytes.byteOffset === 0 && f.bytes.byteLength === f.bytes.buffer.byteLength)
                .map((f) => f.bytes.buffer)
                .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
              worker.postMessage(batch, transfer);
            };
            worker.on('message', (reply: WorkerReply) => {
              reply.results.forEach((result, j) => {
                results[reply.id + j] = result;
              });
              next();
            });
            worker.once('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}
