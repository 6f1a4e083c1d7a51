/**
 * Starts a module on a worker thread, through ts-worker-boot.mjs (plain JavaScript). A `.ts` entry
 * (the source run under tsx, vitest or Astro's dev server) is loaded with tsx; a `.js` entry (the
 * compiled package in dist/, where there is no tsx) is imported directly. `data` reaches the module
 * as `workerData`; `background` has the thread lower its own CPU priority to the lowest first
 * (Linux, best effort).
 */
import { Worker } from 'node:worker_threads';

/**
 * The sibling module `name` (without extension) of the caller at `callerUrl`, with the caller's own
 * extension: `parse-worker.ts` beside a `.ts` caller, `parse-worker.js` beside compiled JavaScript.
 */
export function getSiblingModule(name: string, callerUrl: string): URL {
  const ext = /\.[cm]?ts$/.test(new URL(callerUrl).pathname) ? '.ts' : '.js';
  return new URL(`./${name}${ext}`, callerUrl);
}

export function startTsWorker(
  entry: URL,
  data: Record<string, unknown> = {},
  options: { background?: boolean } = {},
): Worker {
  return new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), {
    workerData: { ...data, entry: entry.href, background: options.background ?? false },
  });
}
