/** Worker thread body for content-check-thread.ts: runs the content check once and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent } from './content-check.ts';

parentPort!.postMessage(checkContent((workerData as { options: { artefacts: boolean } }).options));
