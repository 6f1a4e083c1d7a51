/** Worker thread body for parse-pool.ts: parses Markdown bodies into facts. */
import { parentPort } from 'node:worker_threads';
import { getMarkdownFacts } from './markdown-facts.ts';

parentPort?.on('message', (message: { id: number; bodies: string[] }) => {
  parentPort!.postMessage({ id: message.id, facts: message.bodies.map(getMarkdownFacts) });
});
