/**
 * Starts a TypeScript module on a worker thread, through ts-worker-boot.mjs (plain JavaScript,
 * which loads `entry` with tsx). `data` reaches the module as `workerData`; `background` has the
 * thread lower its own CPU priority to the lowest first (Linux, best effort).
 */
import { Worker } from 'node:worker_threads';

export function startTsWorker(entry: URL, data: Record<string, unknown> = {}, options: { background?: boolean } = {}): Worker {
  return new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), {
    workerData: { ...data, entry: entry.href, background: options.background ?? false },
  });
}
