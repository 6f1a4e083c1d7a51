/**
 * Parsing Markdown is most of the linter's time (docs/performance.md), so large sites are
 * parsed on worker threads. Workers start before the content is loaded, so their start-up overlaps
 * it. Anything that goes wrong with a worker falls back to parsing on the main thread.
 */
import type { Worker } from 'node:worker_threads';
import { getSiblingModule, startTsWorker } from '../../lib/ts-worker.ts';
import { getMarkdownFacts, type MarkdownFacts } from './markdown-facts.ts';

/** Below this many bodies, threads cost more than they save. */
export const MIN_BODIES_FOR_WORKERS = 400;
const CHUNK = 100;

export interface ParsePool {
  parse(bodies: readonly string[]): Promise<MarkdownFacts[]>;
  close(): Promise<void>;
  /** Workers started, and bodies they parsed (the rest were parsed on the calling thread). */
  readonly stats: { workers: number; parsedOnWorkers: number };
}

/** A pool of `size` workers; size 0 parses on the calling thread. */
export function createParsePool(size: number): ParsePool {
  const workers: Worker[] = [];
  for (let i = 0; i < size; i++) {
    const worker = startWorker();
    if (!worker) break;
    workers.push(worker);
  }
  const stats = { workers: workers.length, parsedOnWorkers: 0 };
  return {
    stats,
    parse: (bodies) =>
      workers.length === 0 || bodies.length < MIN_BODIES_FOR_WORKERS
        ? Promise.resolve(bodies.map(getMarkdownFacts))
        : parseOnWorkers(workers, bodies, stats),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function startWorker(): Worker | undefined {
  try {
    return startTsWorker(getSiblingModule('parse-worker', import.meta.url));
  } catch {
    return undefined;
  }
}

function parseOnWorkers(
  workers: Worker[],
  bodies: readonly string[],
  stats: { parsedOnWorkers: number },
): Promise<MarkdownFacts[]> {
  const results = new Array<MarkdownFacts>(bodies.length);
  let next = 0;
  let pending = 0;
  return new Promise((resolve) => {
    const finishLocally = () => {
      // A worker failed: parse whatever is left (and its lost chunk) here.
      for (let i = 0; i < bodies.length; i++) if (!results[i]) results[i] = getMarkdownFacts(bodies[i]!);
      resolve(results);
    };
    let failed = false;
    const feed = (worker: Worker) => {
      if (failed) return;
      if (next >= bodies.length) {
        if (pending === 0) resolve(results);
        return;
      }
      const id = next;
      const chunk = bodies.slice(id, id + CHUNK);
      next += chunk.length;
      pending++;
      worker.postMessage({ id, bodies: chunk });
    };
    for (const worker of workers) {
      worker.removeAllListeners('message').removeAllListeners('error');
      worker.on('message', (message: { id: number; facts: MarkdownFacts[] }) => {
        message.facts.forEach((f, i) => (results[message.id + i] = f));
        stats.parsedOnWorkers += message.facts.length;
        pending--;
        feed(worker);
      });
      worker.on('error', () => {
        if (failed) return;
        failed = true;
        finishLocally();
      });
      feed(worker);
    }
  });
}
