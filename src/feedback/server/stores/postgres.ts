/**
 * The Postgres store: same tables and upsert as SQLite, a bounded pool, a statement timeout,
 * and migrations serialised with an advisory lock so several instances can start at once.
 */
import pg from 'pg';
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';
import { MIGRATIONS } from './migrations.ts';
import type {
  FeedbackStore,
  RecordOutcome,
  SearchEventQuery,
  SearchEventRecord,
  SearchRecordOutcome,
  StoredSearchEvent,
  VoteQuery,
  VoteRecord,
} from './types.ts';
import { toStoredSearchEvent, toStoredVote, type SearchRow, type VoteRow } from './rows.ts';

export interface PostgresStoreOptions {
  /** A postgres:// (or postgresql://) connection URL. */
  url: string;
  /** The schema holding the tables; created when missing. Lowercase letters, digits, underscores. */
  schema?: string;
  /** Most open connections per process. */
  poolMax?: number;
  /** Server-side limit for any one statement (ms). */
  statementTimeoutMs?: number;
  /** How long to wait for a free or new connection (ms). */
  connectTimeoutMs?: number;
  /** Where pool errors on idle connections go (they must not crash the process). */
  onPoolError?: (err: Error) => void;
  /** Skip the migration check (a per-request store on Workers, after the first one migrated). */
  skipMigrations?: boolean;
}

/** Connect, migrate and return the store. Throws FeedbackStoreFailed naming the host and schema. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<FeedbackStore> {
  const { url, schema = 'feedback', poolMax = 10, statementTimeoutMs = 5000, connectTimeoutMs = 5000 } = options;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackConfig,
      `the Postgres schema name "${schema}" must be lowercase letters, digits and underscores, starting with a letter`,
    );
  }
  const s = `"${schema}"`;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    statement_timeout: statementTimeoutMs,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'helpdesk-feedback',
  });
  pool.on('error', (err) => options.onPoolError?.(err));
  const where = describeUrl(url, schema);
  try {
    if (!options.skipMigrations) await migratePostgres(pool, schema);
  } catch (err) {
    await pool.end().catch(() => {});
    throw new HelpCenterError(
      ErrorCodes.FeedbackStoreFailed,
      `cannot prepare the Postgres feedback store (${where}): ${(err as Error).message}; check FEEDBACK_STORE_URL and that the user may create tables in that schema`,
    );
  }

  let closed = false;
  const assertOpen = () => {
    if (closed)
      throw new HelpCenterError(ErrorCodes.FeedbackStoreFailed, `the Postgres feedback store (${where}) is closed`);
  };

  /**
   * One transaction that first claims the event id (the de-duplication every event kind shares),
   * then runs `write`. A repeated event id changes nothing and answers 'duplicate'.
   */
  async function writeClaimedEvent<T>(
    kind: 'vote' | 'search',
    eventId: string,
    receivedAt: number,
    write: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T | 'duplicate'> {
    assertOpen();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const claimed = await client.query(
        `INSERT INTO ${s}.event_ids (event_id, kind, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [eventId, kind, receivedAt],
      );
      if (claimed.rowCount === 0) {
        await client.query('ROLLBACK');
        return 'duplicate';
      }
      const result = await write(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    recordVote(vote: VoteRecord): Promise<RecordOutcome> {
      return writeClaimedEvent('vote', vote.eventId, vote.receivedAt, async (client) => {
        let replaced = false;
        if (vote.replaces) {
          const del = await client.query(
            `DELETE FROM ${s}.votes WHERE event_id = $1 AND item_id = $2 AND visitor_hash IN ($3, $4)`,
            [vote.replaces, vote.itemId, vote.visitorHash, vote.previousVisitorHash ?? vote.visitorHash],
          );
          replaced = (del.rowCount ?? 0) > 0;
        }
        const up = await client.query<{ inserted: boolean }>(
          `INSERT INTO ${s}.votes (event_id, item_id, visitor_hash, day, vote, reason, comment, page_path, language, revision, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
           ON CONFLICT (item_id, visitor_hash, day) DO UPDATE SET
             event_id = excluded.event_id, vote = excluded.vote, reason = excluded.reason, comment = excluded.comment,
             page_path = excluded.page_path, language = excluded.language, revision = excluded.revision,
             updated_at = excluded.updated_at
           RETURNING (xmax = 0) AS inserted`,
          [
            vote.eventId,
            vote.itemId,
            vote.visitorHash,
            vote.day,
            vote.vote,
            vote.reason,
            vote.comment,
            vote.pagePath,
            vote.language,
            vote.revision,
            vote.receivedAt,
          ],
        );
        return replaced || !up.rows[0]?.inserted ? ('updated' as const) : ('created' as const);
      });
    },
    async listVotes(query: VoteQuery = {}) {
      assertOpen();
      const { rows } = await pool.query<VoteRow>(
        `SELECT event_id, item_id, visitor_hash, day, vote, reason, comment, page_path, language, revision, created_at, updated_at
         FROM ${s}.votes WHERE updated_at >= $1 AND updated_at < $2 ORDER BY updated_at, id`,
        [query.since ?? 0, query.until ?? Number.MAX_SAFE_INTEGER],
      );
      return rows.map(toStoredVote);
    },
    recordSearchEvent(event: SearchEventRecord): Promise<SearchRecordOutcome> {
      return writeClaimedEvent('search', event.eventId, event.receivedAt, async (client) => {
        await client.query(
          `INSERT INTO ${s}.search_events (event_id, day, query, result_count, opened, contact, refined_from, language, revision, received_at, channel, form_submitted)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            event.eventId,
            event.day,
            event.query,
            event.resultCount,
            event.opened,
            event.contact,
            event.refinedFrom,
            event.language,
            event.revision,
            event.receivedAt,
            event.channel,
            event.formSubmitted,
          ],
        );
        return 'created' as const;
      });
    },
    async listSearchEvents(query: SearchEventQuery = {}): Promise<StoredSearchEvent[]> {
      assertOpen();
      const { rows } = await pool.query<SearchRow>(
        `SELECT event_id, day, query, result_count, opened, contact, refined_from, channel, form_submitted, language, revision, received_at
         FROM ${s}.search_events WHERE received_at >= $1 AND received_at < $2 ORDER BY received_at, id`,
        [query.since ?? 0, query.until ?? Number.MAX_SAFE_INTEGER],
      );
      return rows.map(toStoredSearchEvent);
    },
    async countSearchEvents() {
      assertOpen();
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${s}.search_events`);
      return Number(rows[0]?.n ?? 0);
    },
    async countVotes() {
      assertOpen();
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${s}.votes`);
      return Number(rows[0]?.n ?? 0);
    },
    async getOrCreateSalt(day, candidate) {
      assertOpen();
      await pool.query(`INSERT INTO ${s}.salts (day, salt) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [day, candidate]);
      const { rows } = await pool.query<{ salt: string }>(`SELECT salt FROM ${s}.salts WHERE day = $1`, [day]);
      return rows[0]!.salt;
    },
    async deleteSaltsBefore(day) {
      assertOpen();
      const deleted = (await pool.query(`DELETE FROM ${s}.salts WHERE day < $1`, [day])).rowCount ?? 0;
      // A DELETE leaves the row in the table's file as a dead tuple until vacuum reuses the space;
      // VACUUM FULL rewrites the (tiny) table into a new file, so the old salt is not in its files.
      // Postgres's own WAL and any base backup still hold it until recycled (docs/feedback.md).
      if (deleted > 0) await pool.query(`VACUUM FULL ${s}.salts`);
      return deleted;
    },
    async listSaltDays() {
      assertOpen();
      const { rows } = await pool.query<{ day: string }>(`SELECT day FROM ${s}.salts ORDER BY day`);
      return rows.map((r) => r.day);
    },
    async deleteEventIdsBefore(time) {
      assertOpen();
      return (await pool.query(`DELETE FROM ${s}.event_ids WHERE received_at < $1`, [time])).rowCount ?? 0;
    },
    async deleteCommentsBefore(time) {
      assertOpen();
      const sql = `UPDATE ${s}.votes SET comment = NULL WHERE updated_at < $1 AND comment IS NOT NULL`;
      return (await pool.query(sql, [time])).rowCount ?? 0;
    },
    async deleteSearchEventsBefore(time) {
      assertOpen();
      return (await pool.query(`DELETE FROM ${s}.search_events WHERE received_at < $1`, [time])).rowCount ?? 0;
    },
    async getSchemaVersion() {
      assertOpen();
      const { rows } = await pool.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${s}.schema_version`);
      return rows[0]?.v ?? 0;
    },
    async ping() {
      assertOpen();
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

async function migratePostgres(pool: pg.Pool, schema: string): Promise<void> {
  const s = `"${schema}"`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`helpdesk-feedback:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`,
    );
    const { rows } = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${s}.schema_version`);
    const current = rows[0]?.v ?? 0;
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.postgres.replaceAll('{schema}', s));
      await client.query(`INSERT INTO ${s}.schema_version (version, applied_at) VALUES ($1, $2)`, [
        m.version,
        Date.now(),
      ]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** "postgres://user@host:5432/db (schema feedback)" without the password, for messages. */
function describeUrl(url: string, schema: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}, schema ${schema}`;
  } catch {
    return `schema ${schema}`;
  }
}
