/**
 * Reading a SQLite feedback database beside the endpoint that writes it, as the tests check what
 * was stored: a separate read-only `node:sqlite` connection (the store's own loader, so Node 22
 * prints no experimental warning).
 */
import { DatabaseSync, type Database, type SQLInputValue } from '../../src/feedback/server/stores/node-sqlite.ts';

/** A read-only connection to an existing database file (opening a missing file fails). */
export function openReadOnly(file: string): Database {
  return new DatabaseSync(file, { readOnly: true });
}

/** The first column of every row. */
export function selectColumn(db: Database, sql: string, ...params: SQLInputValue[]): unknown[] {
  return db
    .prepare(sql)
    .all(...params)
    .map((row) => Object.values(row)[0]);
}

/** The first column of the first row (undefined without a row). */
export function selectValue(db: Database, sql: string, ...params: SQLInputValue[]): unknown {
  const row = db.prepare(sql).get(...params);
  return row === undefined ? undefined : Object.values(row)[0];
}

/** A pragma's value, such as `journal_mode` or `integrity_check`. */
export function readPragma(db: Database, name: string): unknown {
  return selectValue(db, `PRAGMA ${name}`);
}
