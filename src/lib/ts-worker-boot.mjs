// Starts a TypeScript module on a worker thread: this file is plain JavaScript, so Node can run it
// directly, and tsx's API then loads `workerData.entry` (the same way under tsx, vitest, Astro and
// node --import tsx). Started by startTsWorker (ts-worker.ts).
//
// With `workerData.background`, the thread first lowers its own CPU priority to the lowest (Linux,
// best effort), before tsx starts its compiler, which inherits it: work that only has to be done
// by some later point then uses what the main thread leaves idle instead of slowing it down.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

if (workerData.background && process.platform === 'linux') {
  try {
    // The first field of /proc/thread-self/stat is this thread's id, which setpriority accepts.
    os.setPriority(Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]), 19);
  } catch {
    // Without /proc: the thread keeps the normal priority.
  }
}

await tsImport(workerData.entry, import.meta.url);
