import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestSchemaName, dropSchema, getTestPostgresUrl } from '../../../../test/helpers/feedback/test-store.ts';
import { createVoteRecord, describeStoreContract } from '../../../../test/helpers/feedback/store-contract.ts';
import { createPostgresStore } from './postgres.ts';
import { LATEST_SCHEMA_VERSION } from './migrations.ts';

const url = getTestPostgresUrl();
if (!url) {
  console.warn(
    'Postgres store tests skipped: set FEEDBACK_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.',
  );
}

describe.skipIf(!url)('Postgres store', () => {
  describeStoreContract('Postgres', async () => {
    const schema = createTestSchemaName();
    const store = await createPostgresStore({ url: url!, schema, poolMax: 5 });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(url!, schema);
      },
    };
  });

  it('lets two instances start at once and migrates the schema exactly once', async () => {
    const schema = createTestSchemaName();
    const [a, b] = await Promise.all([
      createPostgresStore({ url: url!, schema }),
      createPostgresStore({ url: url!, schema }),
    ]);
    try {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${schema}".schema_version`);
      await client.end();
      expect(rows[0].n).toBe(LATEST_SCHEMA_VERSION);
      await a.recordVote(createVoteRecord());
      expect(await b.countVotes()).toBe(1);
    } finally {
      await a.close();
      await b.close();
      await dropSchema(url!, schema);
    }
  });

  it('sets a statement timeout and bounds the pool', async () => {
    const schema = createTestSchemaName();
    const store = await createPostgresStore({ url: url!, schema, poolMax: 2, statementTimeoutMs: 1234 });
    try {
      const pool = new pg.Pool({ connectionString: url, statement_timeout: 1234, max: 1 });
      const { rows } = await pool.query('SHOW statement_timeout');
      await pool.end();
      expect(rows[0].statement_timeout).toBe('1234ms');
      // Five concurrent writes through a pool of two all succeed (they queue for a connection).
      await Promise.all(Array.from({ length: 5 }, () => store.recordVote(createVoteRecord())));
      expect(await store.countVotes()).toBe(5);
    } finally {
      await store.close();
      await dropSchema(url!, schema);
    }
  });

  it('rewrites the salts table after deleting a salt, so its data file no longer holds it', async () => {
    const schema = createTestSchemaName();
    const store = await createPostgresStore({ url: url!, schema });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // The table's files, read from the server's data folder (only when the test runs beside the server as its owner or root).
      const { rows } = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
      const readTable = async () => {
        await client.query('CHECKPOINT');
        const file = await client.query<{ path: string }>(`SELECT pg_relation_filepath('"${schema}".salts') AS path`);
        return readFileSync(path.join(rows[0]!.dir, file.rows[0]!.path));
      };
      const salt = randomBytes(32).toString('hex');
      await store.getOrCreateSalt('2026-03-01', salt);
      await store.getOrCreateSalt('2026-03-02', randomBytes(32).toString('hex'));
      let before: Buffer;
      try {
        before = await readTable();
      } catch (err) {
        console.warn(`Postgres salt-file test skipped: cannot read the data folder (${(err as Error).message}).`);
        return;
      }
      expect(before.includes(Buffer.from(salt, 'latin1'))).toBe(true);
      expect(await store.deleteSaltsBefore('2026-03-02')).toBe(1);
      const after = await readTable();
      expect(after.includes(Buffer.from(salt, 'latin1'))).toBe(false);
      expect(await store.listSaltDays()).toEqual(['2026-03-02']);
    } finally {
      await client.end();
      await store.close();
      await dropSchema(url!, schema);
    }
  });

  it('refuses a schema name that could inject SQL', async () => {
    await expect(createPostgresStore({ url: url!, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(
      'the Postgres schema name "x"; DROP TABLE y; --" must be lowercase letters, digits and underscores, starting with a letter',
    );
  });

  it('names the server and the setting to check when it cannot connect', async () => {
    await expect(
      createPostgresStore({ url: 'postgres://nobody@127.0.0.1:1/none', schema: 'x', connectTimeoutMs: 500 }),
    ).rejects.toThrow(
      /^cannot prepare the Postgres feedback store \(postgres:\/\/nobody@127\.0\.0\.1:1\/none, schema x\): .*; check FEEDBACK_STORE_URL/,
    );
  });
});
