/**
 * The store the app tests run against: in-memory SQLite by default, Postgres when
 * FEEDBACK_TEST_STORE=postgres and FEEDBACK_TEST_POSTGRES_URL are set. Each Postgres store gets
 * its own schema (unique per test run and store), dropped again by `cleanup`.
 */
import pg from 'pg';
import { createPostgresStore } from '../../../src/feedback/server/stores/postgres.ts';
import { createSqliteStore } from '../../../src/feedback/server/stores/sqlite.ts';
import type { FeedbackStore } from '../../../src/feedback/server/stores/types.ts';

export type TestStoreKind = 'sqlite' | 'postgres';

export interface TestStore {
  store: FeedbackStore;
  cleanup: () => Promise<void>;
}

export const getTestPostgresUrl = () => process.env.FEEDBACK_TEST_POSTGRES_URL || undefined;

/** Which store `createTestStore()` makes, from FEEDBACK_TEST_STORE. */
export function getTestStoreKind(): TestStoreKind {
  const kind = process.env.FEEDBACK_TEST_STORE ?? 'sqlite';
  if (kind === 'postgres' && !getTestPostgresUrl()) {
    throw new Error(
      'FEEDBACK_TEST_STORE=postgres needs FEEDBACK_TEST_POSTGRES_URL, e.g. postgres://postgres@127.0.0.1:5432/test',
    );
  }
  return kind === 'postgres' ? 'postgres' : 'sqlite';
}

let counter = 0;
/** A schema name unique to this process and call, so parallel runs never collide. */
export function createTestSchemaName(): string {
  return `fb_test_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
}

export async function createTestStore(kind: TestStoreKind = getTestStoreKind()): Promise<TestStore> {
  if (kind === 'sqlite') {
    const store = await createSqliteStore({ file: ':memory:' });
    return { store, cleanup: () => store.close() };
  }
  const url = getTestPostgresUrl()!;
  const schema = createTestSchemaName();
  const store = await createPostgresStore({ url, schema, poolMax: 5 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await dropSchema(url, schema);
    },
  };
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
