// Starts a module on a worker thread: this file is plain JavaScript, so Node can run it directly.
// A `.ts` entry is loaded with tsx's API (the same way under tsx, vitest, Astro and node --import
// tsx); any other entry (the compiled package, which users run without tsx) is imported as it is.
// Started by startTsWorker (ts-worker.ts).
//
// With `workerData.background`, the thread first lowers its own CPU priority to the lowest (Linux,
// best effort), before tsx starts its compiler, which inherits it: work that only has to be done
// by some later point then uses what the main thread leaves idle instead of slowing it down.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { workerData } from 'node:worker_threads';

if (workerData.background && process.platform === 'linux') {
  try {
    // The first field of /proc/thread-self/stat is this thread's id, which setpriority accepts.
    os.setPriority(Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]), 19);
  } catch {
    // Without /proc: the thread keeps the normal priority.
  }
}

if (/\.[cm]?ts$/.test(new URL(workerData.entry).pathname)) {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(workerData.entry, import.meta.url);
} else {
  await import(workerData.entry);
}
