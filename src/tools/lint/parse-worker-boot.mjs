// Starts parse-worker.ts on a worker thread: plain JavaScript, so Node can run it directly, and
// tsx's API then loads the TypeScript worker (the same way under tsx, vitest and node --import tsx).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
