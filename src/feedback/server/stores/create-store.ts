/** Pick a store from one setting: a postgres:// URL, or a SQLite file path (the default). */
import type { FeedbackStore } from './types.ts';

export interface StoreSelection {
  /** postgres://... selects Postgres; anything else is a SQLite file path. */
  location: string;
  /** SQLite only. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Postgres only: the schema holding the tables. */
  schema?: string;
  onPoolError?: (err: Error) => void;
}

export const isPostgresUrl = (location: string) => /^postgres(?:ql)?:\/\//i.test(location);

/** Open the store named by `location`; drivers are imported lazily so each runtime loads one. */
export async function createStore(selection: StoreSelection): Promise<FeedbackStore> {
  if (isPostgresUrl(selection.location)) {
    const { createPostgresStore } = await import('./postgres.ts');
    return createPostgresStore({
      url: selection.location,
      schema: selection.schema,
      onPoolError: selection.onPoolError,
    });
  }
  const { createSqliteStore } = await import('./sqlite.ts');
  return createSqliteStore({ file: selection.location, synchronous: selection.synchronous });
}
