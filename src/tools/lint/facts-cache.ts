/**
 * Parsed Markdown facts kept between runs, keyed by file and a hash of its body, so a second lint
 * of 5,000 articles only parses the files that changed. Optional: the CLI keeps it in .cache/.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FACTS_VERSION, type MarkdownFacts } from './markdown-facts.ts';

interface CacheFile {
  version: number;
  entries: Record<string, { hash: string; facts: MarkdownFacts }>;
}

export interface FactsCache {
  get(file: string, body: string): MarkdownFacts | undefined;
  set(file: string, body: string, facts: MarkdownFacts): void;
  /** Write the entries used in this run (dropping files that are gone). */
  save(): void;
}

export function loadFactsCache(cacheFile: string): FactsCache {
  let previous: CacheFile['entries'] = {};
  try {
    const parsed = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
    if (parsed.version === FACTS_VERSION && parsed.entries) previous = parsed.entries;
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  const next: CacheFile['entries'] = {};
  let changed = false;
  const hash = (body: string) => createHash('sha1').update(body).digest('base64');
  return {
    get(file, body) {
      const hit = previous[file];
      if (!hit || hit.hash !== hash(body)) return undefined;
      next[file] = hit;
      return hit.facts;
    },
    set(file, body, facts) {
      next[file] = { hash: hash(body), facts };
      changed = true;
    },
    save() {
      if (!changed && Object.keys(next).length === Object.keys(previous).length) return;
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: FACTS_VERSION, entries: next } satisfies CacheFile));
      renameSync(tmp, cacheFile);
    },
  };
}
