/**
 * Per-page results of the build's own work after the pages, kept between builds so that a rebuild
 * after one edit redoes that work only for what changed: the Markdown copies (a parse and a
 * stringify of each file) and the widget's sanitised fragments (a parse of each page's HTML).
 * Everything lives in one folder of Astro's `cacheDir`, `helpdesk-kit-pages/`, one JSON file per
 * step (`markdown-copies.json`, `widget-fragments.json`), readable as it is.
 *
 * An entry's key is a hash of everything its result is made from (the caller lists it), so an
 * entry is never updated, only used or not: a file whose text, path or site-wide inputs changed
 * gets a new key. A file written by another version of the package, or one that cannot be read
 * or does not match its schema, counts as empty; saving keeps only the entries this build used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The folder in Astro's cacheDir. */
export const PAGE_CACHE_DIR = 'helpdesk-kit-pages';

/** The package's version: an upgrade may change what a step makes, so its cache starts anew. */
const PACKAGE_VERSION = readPackageVersion();

/** A key from the inputs of one result: any JSON-serialisable values, in a fixed order. */
export function hashKey(...parts: readonly unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}

export interface CachedStep<T> {
  /** The result kept under `key`, else `make()`'s, which is kept for the next build. */
  memo(key: string, make: () => T): T;
  /** Results taken from the cache and made in this build. */
  readonly stats: { hits: number; made: number };
  /** Writes the entries this build used (none when nothing changed). */
  save(): void;
}

/**
 * The cache of one step (`name`, the file's name) in `folder` (`<cacheDir>/helpdesk-kit-pages`);
 * without a folder nothing is kept. `version` is the step's own: raise it when what the step
 * makes changes within one package version.
 */
export function openCachedStep<T>(
  folder: string | undefined,
  name: string,
  version: number,
  schema: z.ZodType<T>,
): CachedStep<T> {
  const stats = { hits: 0, made: 0 };
  if (!folder) {
    return {
      memo: (_key, make) => (stats.made++, make()),
      stats,
      save() {},
    };
  }
  const file = path.join(folder, `${name}.json`);
  const stamp = `${PACKAGE_VERSION}/${version}`;
  const previous = readEntries(file, stamp, schema);
  const next = new Map<string, T>();
  return {
    memo(key, make) {
      const kept = previous.get(key) ?? next.get(key);
      if (kept !== undefined) {
        stats.hits++;
        next.set(key, kept);
        return kept;
      }
      stats.made++;
      const value = make();
      next.set(key, value);
      return value;
    },
    stats,
    save() {
      if (stats.made === 0 && next.size === previous.size) return;
      mkdirSync(folder, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ version: stamp, entries: Object.fromEntries(next) }));
      renameSync(temporary, file);
    },
  };
}

function readEntries<T>(file: string, stamp: string, schema: z.ZodType<T>): Map<string, T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map<string, T>(); // no cache yet
  }
  try {
    const parsed = z
      .object({ version: z.literal(stamp), entries: z.record(z.string(), schema) })
      .safeParse(JSON.parse(text));
    return new Map<string, T>(parsed.success ? Object.entries(parsed.data.entries) : []);
  } catch {
    return new Map<string, T>(); // not JSON (a build stopped while writing, a hand edit): made anew
  }
}

function readPackageVersion(): string {
  // src/build/ in the repository, dist/build/ once compiled: package.json is two folders up.
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return z.object({ version: z.string() }).parse(JSON.parse(text)).version;
  } catch {
    return 'unknown';
  }
}
