/**
 * The default store: one `node:sqlite` connection per process (one writer), WAL, and group
 * commit: votes that arrive in the same event-loop turn share one BEGIN IMMEDIATE transaction
 * and one fsync, and each promise resolves only after COMMIT returns.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type Database, type SQLInputValue, type StatementSync } from './node-sqlite.ts';
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

export interface SqliteStoreOptions {
  /** The database file; ":memory:" for tests. Parent folders are created. */
  file: string;
  /**
   * FULL (default): a commit survives power loss; NORMAL: it survives an application crash but
   * the newest commits may roll back on power loss. See docs/feedback.md.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a write waits for another process's lock before failing (ms). */
  busyTimeoutMs?: number;
  /** Run `wal_checkpoint(RESTART)` when the -wal file grows past this many bytes. */
  walCheckpointBytes?: number;
  /** Most votes per group commit. */
  maxBatch?: number;
}

/** One queued write (a vote or a search event) waiting for the next group commit. */
interface Pending {
  apply: () => RecordOutcome;
  resolve: (outcome: RecordOutcome) => void;
  reject: (err: unknown) => void;
}

/** Open (and migrate) a SQLite store. Throws FeedbackStoreFailed with the file when it cannot. */
/** The SQLite store also reports its connection's pragmas, so tests can check the settings. */
export interface SqliteFeedbackStore extends FeedbackStore {
  getPragma(name: 'journal_mode' | 'synchronous' | 'busy_timeout' | 'foreign_keys' | 'journal_size_limit'): unknown;
}

export async function createSqliteStore(options: SqliteStoreOptions): Promise<SqliteFeedbackStore> {
  const {
    file,
    synchronous = 'FULL',
    busyTimeoutMs = 5000,
    walCheckpointBytes = 64 * 1024 * 1024,
    maxBatch = 500,
  } = options;
  const inMemory = file === ':memory:';
  let db: Database;
  try {
    if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new DatabaseSync(file, { timeout: busyTimeoutMs });
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${synchronous}`);
    db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA journal_size_limit = 67108864');
    // Deleted rows are overwritten with zeros, not just unlinked: a deleted day salt must not be
    // readable in the file afterwards (see deleteSaltsBefore for the -wal file).
    db.exec('PRAGMA secure_delete = ON');
    migrateSqlite(db);
  } catch (err) {
    throw new HelpCenterError(
      ErrorCodes.FeedbackStoreFailed,
      `cannot open the SQLite feedback store ${file}: ${(err as Error).message}; check that the folder is writable and on a local disk (not NFS)`,
    );
  }

  const stmt = {
    claimEvent: db.prepare(
      'INSERT INTO event_ids (event_id, kind, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    deleteReplaced: db.prepare('DELETE FROM votes WHERE event_id = ? AND item_id = ? AND visitor_hash IN (?, ?)'),
    findSlot: db.prepare('SELECT 1 FROM votes WHERE item_id = ? AND visitor_hash = ? AND day = ?'),
    upsert: db.prepare(`
      INSERT INTO votes (event_id, item_id, visitor_hash, day, vote, reason, comment, page_path, language, revision, created_at, updated_at)
      VALUES (@eventId, @itemId, @visitorHash, @day, @vote, @reason, @comment, @pagePath, @language, @revision, @receivedAt, @receivedAt)
      ON CONFLICT (item_id, visitor_hash, day) DO UPDATE SET
        event_id = excluded.event_id, vote = excluded.vote, reason = excluded.reason, comment = excluded.comment,
        page_path = excluded.page_path, language = excluded.language, revision = excluded.revision,
        updated_at = excluded.updated_at`),
    count: db.prepare('SELECT count(*) FROM votes'),
    insertSearch: db.prepare(`
      INSERT INTO search_events (event_id, day, query, result_count, opened, contact, refined_from, channel, form_submitted, language, revision, received_at)
      VALUES (@eventId, @day, @query, @resultCount, @opened, @contact, @refinedFrom, @channel, @formSubmitted, @language, @revision, @receivedAt)`),
    countSearch: db.prepare('SELECT count(*) FROM search_events'),
    insertSalt: db.prepare('INSERT INTO salts (day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    getSalt: db.prepare('SELECT salt FROM salts WHERE day = ?'),
    deleteSalts: db.prepare('DELETE FROM salts WHERE day < ?'),
    listSaltDays: db.prepare('SELECT day FROM salts ORDER BY day'),
    deleteEventIds: db.prepare('DELETE FROM event_ids WHERE received_at < ?'),
    deleteComments: db.prepare('UPDATE votes SET comment = NULL WHERE updated_at < ? AND comment IS NOT NULL'),
    deleteSearchEvents: db.prepare('DELETE FROM search_events WHERE received_at < ?'),
    schemaVersion: db.prepare('SELECT max(version) FROM schema_version'),
  };

  const applyVote = (vote: VoteRecord): RecordOutcome => {
    if (stmt.claimEvent.run(vote.eventId, 'vote', vote.receivedAt).changes === 0) return 'duplicate';
    const replaced = vote.replaces
      ? stmt.deleteReplaced.run(
          vote.replaces,
          vote.itemId,
          vote.visitorHash,
          vote.previousVisitorHash ?? vote.visitorHash,
        ).changes > 0
      : false;
    const existed = stmt.findSlot.get(vote.itemId, vote.visitorHash, vote.day) !== undefined;
    const { eventId, itemId, visitorHash, day, reason, comment, pagePath, language, revision, receivedAt } = vote;
    // node:sqlite binds exactly the statement's named parameters: no other fields of the record.
    stmt.upsert.run({
      eventId,
      itemId,
      visitorHash,
      day,
      vote: vote.vote,
      reason,
      comment,
      pagePath,
      language,
      revision,
      receivedAt,
    });
    return replaced || existed ? 'updated' : 'created';
  };
  const applySearch = (event: SearchEventRecord): RecordOutcome => {
    if (stmt.claimEvent.run(event.eventId, 'search', event.receivedAt).changes === 0) return 'duplicate';
    stmt.insertSearch.run({
      ...event,
      contact: event.contact ? 1 : 0,
      formSubmitted: event.formSubmitted === null ? null : event.formSubmitted ? 1 : 0,
    });
    return 'created';
  };
  const applyOne = (p: Pending) => immediate(db, () => p.apply());
  // The batch runs without per-vote savepoints (two statements fewer per vote). If any vote
  // fails, the whole batch rolls back and each vote is retried in its own transaction, so one bad
  // row cannot fail its neighbours.
  const applyAll = (batch: Pending[]) => immediate(db, () => batch.map((p) => p.apply()));
  const applyEach = (batch: Pending[]): Array<{ ok: RecordOutcome } | { err: unknown }> =>
    batch.map((p) => {
      try {
        return { ok: applyOne(p) };
      } catch (err) {
        return { err };
      }
    });
  const applyBatch = (batch: Pending[]): Array<{ ok: RecordOutcome } | { err: unknown }> => {
    try {
      return applyAll(batch).map((ok) => ({ ok })); // BEGIN IMMEDIATE ... COMMIT
    } catch (err) {
      // A bad row (constraint) is worth isolating; a busy, full or failing disk fails them all.
      const code = (err as { errcode?: unknown }).errcode;
      if (batch.length > 1 && (typeof code !== 'number' || (code & 0xff) === SQLITE_CONSTRAINT))
        return applyEach(batch);
      return batch.map(() => ({ err }));
    }
  };

  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;
  let commits = 0;
  const walFile = `${file}-wal`;

  function flush(): void {
    scheduled = false;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    if (queue.length > 0) schedule();
    if (batch.length === 0) return;
    const results = applyBatch(batch);
    batch.forEach((p, i) => {
      const r = results[i]!;
      if ('ok' in r) p.resolve(r.ok);
      else p.reject(r.err);
    });
    if (!inMemory && ++commits % 200 === 0) checkpointIfLarge();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  function checkpointIfLarge(): void {
    try {
      if (statSync(walFile).size > walCheckpointBytes) db.exec('PRAGMA wal_checkpoint(RESTART)');
    } catch {
      // No -wal file yet, or a reader holds it: the next check tries again.
    }
  }

  function enqueue(apply: () => RecordOutcome): Promise<RecordOutcome> {
    if (closed)
      return Promise.reject(
        new HelpCenterError(ErrorCodes.FeedbackStoreFailed, `the SQLite feedback store ${file} is closed`),
      );
    return new Promise<RecordOutcome>((resolve, reject) => {
      queue.push({ apply, resolve, reject });
      schedule();
    });
  }

  function assertOpen(): void {
    if (closed)
      throw new HelpCenterError(ErrorCodes.FeedbackStoreFailed, `the SQLite feedback store ${file} is closed`);
  }

  return {
    kind: 'sqlite',
    getPragma(name) {
      assertOpen();
      return pluck(db.prepare(`PRAGMA ${name}`));
    },
    recordVote(vote) {
      return enqueue(() => applyVote(vote));
    },
    recordSearchEvent(event) {
      return enqueue(() => applySearch(event)) as Promise<SearchRecordOutcome>;
    },
    async listSearchEvents(query: SearchEventQuery = {}) {
      assertOpen();
      const rows = db
        .prepare(
          `SELECT event_id, day, query, result_count, opened, contact, refined_from, channel, form_submitted, language, revision, received_at
           FROM search_events WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id`,
        )
        .all(query.since ?? 0, query.until ?? Number.MAX_SAFE_INTEGER) as unknown as SearchRow[];
      return rows.map(toStoredSearchEvent);
    },
    async countSearchEvents() {
      assertOpen();
      return pluck(stmt.countSearch) as number;
    },
    async listVotes(query: VoteQuery = {}) {
      assertOpen();
      const rows = db
        .prepare(
          `SELECT event_id, item_id, visitor_hash, day, vote, reason, comment, page_path, language, revision, created_at, updated_at
           FROM votes WHERE updated_at >= ? AND updated_at < ? ORDER BY updated_at, id`,
        )
        .all(query.since ?? 0, query.until ?? Number.MAX_SAFE_INTEGER) as unknown as VoteRow[];
      return rows.map(toStoredVote);
    },
    async countVotes() {
      assertOpen();
      return pluck(stmt.count) as number;
    },
    async getOrCreateSalt(day, candidate) {
      assertOpen();
      stmt.insertSalt.run(day, candidate);
      return pluck(stmt.getSalt, day) as string;
    },
    async deleteSaltsBefore(day) {
      assertOpen();
      const deleted = Number(stmt.deleteSalts.run(day).changes);
      // The -wal file still holds the page images that carried the salt: copy the zeroed pages
      // into the database and empty the -wal, so neither file holds it. A reader in another
      // process can keep the checkpoint from finishing; then the next maintenance tries again.
      if (deleted > 0 && !inMemory) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      return deleted;
    },
    async listSaltDays() {
      assertOpen();
      return stmt.listSaltDays.all().map((row) => row.day as string);
    },
    async deleteEventIdsBefore(time) {
      assertOpen();
      return Number(stmt.deleteEventIds.run(time).changes);
    },
    async deleteCommentsBefore(time) {
      assertOpen();
      return Number(stmt.deleteComments.run(time).changes);
    },
    async deleteSearchEventsBefore(time) {
      assertOpen();
      return Number(stmt.deleteSearchEvents.run(time).changes);
    },
    async getSchemaVersion() {
      assertOpen();
      return (pluck(stmt.schemaVersion) as number | null) ?? 0;
    },
    async ping() {
      assertOpen();
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (closed) return;
      while (queue.length > 0) flush();
      closed = true;
      if (!inMemory) {
        try {
          // Tidy the -wal file if nobody else is using the database; never wait for it.
          db.exec('PRAGMA busy_timeout = 0');
          db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        } catch {
          // Another process is reading; SQLite checkpoints on its next open.
        }
      }
      db.close();
    },
  };
}

function migrateSqlite(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  immediate(db, () => {
    const current = (pluck(db.prepare('SELECT max(version) FROM schema_version')) as number | null) ?? 0;
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sqlite);
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(m.version, Date.now());
    }
  });
}

/** SQLite's primary result code for a constraint violation (node:sqlite's `errcode` is the extended one). */
const SQLITE_CONSTRAINT = 19;

/** `fn` in one BEGIN IMMEDIATE transaction: committed if it returns, rolled back if it throws. */
function immediate<T>(db: Database, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    // A failed COMMIT (busy, disk full) may leave the transaction open; roll it back so the next batch starts clean.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/** The first column of a statement's first row (undefined without a row). */
function pluck(statement: StatementSync, ...params: SQLInputValue[]): unknown {
  const row = statement.get(...params);
  return row === undefined ? undefined : Object.values(row)[0];
}
