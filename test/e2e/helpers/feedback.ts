/**
 * The feedback side of the browser tests: whether the other half of the feature exists yet, and
 * reading what the Node endpoint stored in its SQLite file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openReadOnly, selectColumn } from '../../helpers/sqlite-file.ts';
import { REPO_ROOT } from '../../helpers/build-site.ts';

export const FEEDBACK_WIDGET = path.join(REPO_ROOT, 'src/feedback/widget/FeedbackWidget.astro');
/** The compiled CLI (npm run build:package), whose `feedback serve` is the Node endpoint. */
export const FEEDBACK_SERVE = path.join(REPO_ROOT, 'dist/cli/index.js');

/** Why the feedback tests cannot run yet (a missing file), or undefined when they can. */
export function getFeedbackMissingReason(): string | undefined {
  const missing = [FEEDBACK_WIDGET, FEEDBACK_SERVE].filter((file) => !existsSync(file));
  if (missing.length === 0) return undefined;
  return `not written yet: ${missing.map((f) => path.relative(REPO_ROOT, f)).join(', ')}`;
}

export interface VoteRow {
  item_id: string;
  vote: 'up' | 'down';
  reason: string | null;
  comment: string | null;
  page_path: string;
}

/** Every stored vote, oldest first, read with a separate read-only connection. */
export function readVotes(dbFile: string): VoteRow[] {
  if (!existsSync(dbFile)) return [];
  const db = openReadOnly(dbFile);
  try {
    return db
      .prepare('SELECT item_id, vote, reason, comment, page_path FROM votes ORDER BY id')
      .all() as unknown as VoteRow[];
  } finally {
    db.close();
  }
}

/** Waits until `predicate` holds for the stored votes (the endpoint commits asynchronously). */
export async function waitForVotes(
  dbFile: string,
  predicate: (rows: VoteRow[]) => boolean,
  timeoutMs = 5000,
): Promise<VoteRow[]> {
  const deadline = Date.now() + timeoutMs;
  let rows = readVotes(dbFile);
  while (!predicate(rows) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    rows = readVotes(dbFile);
  }
  return rows;
}

export interface SearchEventRow {
  query: string;
  result_count: number;
  opened: string | null;
  contact: number;
  refined_from: string | null;
  day: string;
}

/** Every stored search event (site setting searchInsights), oldest first. */
export function readSearchEvents(dbFile: string): SearchEventRow[] {
  if (!existsSync(dbFile)) return [];
  const db = openReadOnly(dbFile);
  try {
    return db
      .prepare('SELECT query, result_count, opened, contact, refined_from, day FROM search_events ORDER BY id')
      .all() as unknown as SearchEventRow[];
  } finally {
    db.close();
  }
}

/** The columns of search_events: what the endpoint can store about a search at all. */
export function readSearchEventColumns(dbFile: string): string[] {
  const db = openReadOnly(dbFile);
  try {
    return selectColumn(db, 'SELECT name FROM pragma_table_info(?)', 'search_events') as string[];
  } finally {
    db.close();
  }
}

/** Waits until `predicate` holds for the stored search events. */
export async function waitForSearchEvents(
  dbFile: string,
  predicate: (rows: SearchEventRow[]) => boolean,
  timeoutMs = 5000,
): Promise<SearchEventRow[]> {
  const deadline = Date.now() + timeoutMs;
  let rows = readSearchEvents(dbFile);
  while (!predicate(rows) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    rows = readSearchEvents(dbFile);
  }
  return rows;
}
