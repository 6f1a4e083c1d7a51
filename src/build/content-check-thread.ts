/**
 * Runs the build's content check on a worker thread, so that its second or so of reading and
 * validating every file overlaps Astro's own start and content sync instead of preceding them.
 * If a worker cannot start or dies, the check runs on this thread: the result is the same.
 */
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../lib/ts-worker.ts';
import { checkContent, type ContentCheckResult } from './content-check.ts';

export function startContentCheck(options: { artefacts: boolean }): Promise<ContentCheckResult> {
  const onThisThread = () => checkContent(options);
  let worker: Worker;
  try {
    worker = startTsWorker(new URL('./content-check-worker.ts', import.meta.url), { options }, { background: true });
  } catch {
    return Promise.resolve().then(onThisThread);
  }
  return new Promise<ContentCheckResult>((resolve, reject) => {
    let settled = false;
    const fallBack = () => {
      if (settled) return;
      settled = true;
      try {
        resolve(onThisThread());
      } catch (err) {
        reject(err);
      }
    };
    worker.once('message', (result: ContentCheckResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}
