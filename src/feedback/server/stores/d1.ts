/**
 * The Cloudflare D1 store: the SQLite tables and migrations of the SQLite store, written through
 * the D1 binding. D1 has no interactive transactions, only `batch()`, which runs its statements
 * in one transaction. So every write is one batch whose statements cannot branch on each other:
 * the batch first claims the event id under a kind unique to this call, the writes that follow
 * only apply while that claim is present, and the last statement turns the claim into the plain
 * kind, returning a row only when this call made it. A resend (the id was already there) changes
 * nothing; a failing statement rolls back the whole batch, claim included.
 */
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';
import { MIGRATIONS } from './migrations.ts';
import type {
  FeedbackStore,
  RecordOutcome,
  SearchEventQuery,
  SearchEventRecord,
  SearchRecordOutcome,
  VoteQuery,
  VoteRecord,
} from './types.ts';
import { toStoredSearchEvent, toStoredVote, type SearchRow, type VoteRow } from './rows.ts';

/** The part of the Workers D1 binding the store uses (see @cloudflare/workers-types D1Database). */
export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  batch<T = Record<string, unknown>>(statements: D1PreparedStatement[]): Promise<Array<D1Result<T>>>;
}

export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  run<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
}

export interface D1Result<T> {
  results: T[];
  meta: { changes?: number };
}

export interface D1StoreOptions {
  /** The D1 binding (env.DB on Workers). */
  db: D1Database;
  /** Skip the migration check (another store of this isolate already did it). */
  skipMigrations?: boolean;
}

export interface D1FeedbackStore extends FeedbackStore {
  readonly kind: 'd1';
}

/** The claim checked by the statements after it in the same batch. */
const CLAIMED = 'EXISTS (SELECT 1 FROM event_ids WHERE event_id = ?1 AND kind = ?2)';

/** Migrate (on first use) and return the store. Throws FeedbackStoreFailed naming the binding. */
export async function createD1Store(options: D1StoreOptions): Promise<D1FeedbackStore> {
  const { db } = options;
  try {
    if (!options.skipMigrations) await migrateD1(db);
  } catch (err) {
    throw new HelpCenterError(
      ErrorCodes.FeedbackStoreFailed,
      `cannot prepare the D1 feedback store: ${(err as Error).message}; check the d1_databases binding in wrangler.toml`,
    );
  }

  let closed = false;
  const assertOpen = () => {
    if (closed) throw new HelpCenterError(ErrorCodes.FeedbackStoreFailed, 'the D1 feedback store is closed');
  };

  /** One batch: claim the event id, run `writes` while claimed, then settle the claim. */
  async function writeClaimedEvent(
    kind: 'vote' | 'search',
    eventId: string,
    receivedAt: number,
    writes: (claimKind: string) => D1PreparedStatement[],
  ): Promise<{ claimed: boolean; results: Array<D1Result<Record<string, unknown>>> }> {
    assertOpen();
    const claimKind = `${kind}:claim:${crypto.randomUUID()}`;
    const results = await db.batch([
      db
        .prepare('INSERT INTO event_ids (event_id, kind, received_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING')
        .bind(eventId, claimKind, receivedAt),
      ...writes(claimKind),
      db
        .prepare('UPDATE event_ids SET kind = ?3 WHERE event_id = ?1 AND kind = ?2 RETURNING 1 AS claimed')
        .bind(eventId, claimKind, kind),
    ]);
    return { claimed: results[results.length - 1]!.results.length > 0, results: results.slice(1, -1) };
  }

  const store: D1FeedbackStore = {
    kind: 'd1',
    async recordVote(vote: VoteRecord): Promise<RecordOutcome> {
      const { claimed, results } = await writeClaimedEvent('vote', vote.eventId, vote.receivedAt, (claimKind) => [
        db
          .prepare(
            `DELETE FROM votes WHERE event_id = ?3 AND item_id = ?4 AND visitor_hash IN (?5, ?6) AND ${CLAIMED} RETURNING 1 AS replaced`,
          )
          .bind(
            vote.eventId,
            claimKind,
            vote.replaces,
            vote.itemId,
            vote.visitorHash,
            vote.previousVisitorHash ?? vote.visitorHash,
          ),
        db
          .prepare('SELECT 1 AS existed FROM votes WHERE item_id = ?1 AND visitor_hash = ?2 AND day = ?3')
          .bind(vote.itemId, vote.visitorHash, vote.day),
        db
          .prepare(
            `INSERT INTO votes (event_id, item_id, visitor_hash, day, vote, reason, comment, page_path, language, revision, created_at, updated_at)
             SELECT ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12 WHERE ${CLAIMED}
             ON CONFLICT (item_id, visitor_hash, day) DO UPDATE SET
               event_id = excluded.event_id, vote = excluded.vote, reason = excluded.reason, comment = excluded.comment,
               page_path = excluded.page_path, language = excluded.language, revision = excluded.revision,
               updated_at = excluded.updated_at`,
          )
          .bind(
            vote.eventId,
            claimKind,
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
          ),
      ]);
      if (!claimed) return 'duplicate';
      const [replaced, existed] = results;
      return replaced!.results.length > 0 || existed!.results.length > 0 ? 'updated' : 'created';
    },
    async listVotes(query: VoteQuery = {}) {
      assertOpen();
      const { results } = await db
        .prepare(
          `SELECT event_id, item_id, visitor_hash, day, vote, reason, comment, page_path, language, revision, created_at, updated_at
           FROM votes WHERE updated_at >= ?1 AND updated_at < ?2 ORDER BY updated_at, id`,
        )
        .bind(query.since ?? 0, query.until ?? Number.MAX_SAFE_INTEGER)
        .all<VoteRow>();
      return results.map(toStoredVote);
    },
    async countVotes() {
      assertOpen();
      return (await db.prepare('SELECT count(*) AS n FROM votes').first<{ n: number }>())!.n;
    },
    async recordSearchEvent(event: SearchEventRecord): Promise<SearchRecordOutcome> {
      const { claimed } = await writeClaimedEvent('search', event.eventId, event.receivedAt, (claimKind) => [
        db
          .prepare(
            `INSERT INTO search_events (event_id, day, query, result_count, opened, contact, refined_from, language, revision, received_at, channel, form_submitted)
             SELECT ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13 WHERE ${CLAIMED}`,
          )
          .bind(
            event.eventId,
            claimKind,
            event.day,
            event.query,
            event.resultCount,
            event.opened,
            event.contact ? 1 : 0,
            event.refinedFrom,
            event.language,
            event.revision,
            event.receivedAt,
            event.channel,
            event.formSubmitted === null ? null : event.formSubmitted ? 1 : 0,
          ),
      ]);
      return claimed ? 'created' : 'duplicate';
    },
    async listSearchEvents(query: SearchEventQuery = {}) {
      assertOpen();
      const { results } = await db
        .prepare(
          `SELECT event_id, day, query, result_count, opened, contact, refined_from, channel, form_submitted, language, revision, received_at
           FROM search_events WHERE received_at >= ?1 AND received_at < ?2 ORDER BY received_at, id`,
        )
        .bind(query.since ?? 0, query.until ?? Number.MAX_SAFE_INTEGER)
        .all<SearchRow>();
      return results.map(toStoredSearchEvent);
    },
    async countSearchEvents() {
      assertOpen();
      return (await db.prepare('SELECT count(*) AS n FROM search_events').first<{ n: number }>())!.n;
    },
    async getOrCreateSalt(day, candidate) {
      assertOpen();
      const [, read] = await db.batch<{ salt: string }>([
        db.prepare('INSERT INTO salts (day, salt) VALUES (?1, ?2) ON CONFLICT DO NOTHING').bind(day, candidate),
        db.prepare('SELECT salt FROM salts WHERE day = ?1').bind(day),
      ]);
      return read!.results[0]!.salt;
    },
    async deleteSaltsBefore(day) {
      assertOpen();
      return (await db.prepare('DELETE FROM salts WHERE day < ?1').bind(day).run()).meta.changes ?? 0;
    },
    async listSaltDays() {
      assertOpen();
      const { results } = await db.prepare('SELECT day FROM salts ORDER BY day').all<{ day: string }>();
      return results.map((r) => r.day);
    },
    async deleteEventIdsBefore(time) {
      assertOpen();
      return (await db.prepare('DELETE FROM event_ids WHERE received_at < ?1').bind(time).run()).meta.changes ?? 0;
    },
    async deleteCommentsBefore(time) {
      assertOpen();
      const sql = 'UPDATE votes SET comment = NULL WHERE updated_at < ?1 AND comment IS NOT NULL';
      return (await db.prepare(sql).bind(time).run()).meta.changes ?? 0;
    },
    async deleteSearchEventsBefore(time) {
      assertOpen();
      return (await db.prepare('DELETE FROM search_events WHERE received_at < ?1').bind(time).run()).meta.changes ?? 0;
    },
    async getSchemaVersion() {
      assertOpen();
      return readSchemaVersion(db);
    },
    async ping() {
      assertOpen();
      await db.prepare('SELECT 1').first();
    },
    close() {
      // The binding holds no connection of ours; a closed store only refuses further calls.
      closed = true;
      return Promise.resolve();
    },
  };
  return store;
}

async function readSchemaVersion(db: D1Database): Promise<number> {
  return (await db.prepare('SELECT max(version) AS v FROM schema_version').first<{ v: number | null }>())?.v ?? 0;
}

/**
 * Apply the SQLite migrations that are missing, each in one batch with its schema_version row.
 * Two isolates may start at once: the loser's batch fails (the tables exist) and rolls back, and
 * it goes on when the version it wanted is there by then.
 */
async function migrateD1(db: D1Database): Promise<void> {
  await db
    .prepare('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)')
    .run();
  const current = await readSchemaVersion(db);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    try {
      await db.batch([
        ...splitStatements(m.sqlite).map((sql) => db.prepare(sql)),
        db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?1, ?2)').bind(m.version, Date.now()),
      ]);
    } catch (err) {
      if ((await readSchemaVersion(db)) >= m.version) continue;
      throw err;
    }
  }
}

/** D1 prepares one statement at a time; the migrations end each statement with `;` at a line end. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
