import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { DatabaseSync } from './node-sqlite.ts';
import { openReadOnly, readPragma, selectValue } from '../../../../test/helpers/sqlite-file.ts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSearchEventRecord,
  createVoteRecord,
  describeStoreContract,
} from '../../../../test/helpers/feedback/store-contract.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.ts';
import { createSqliteStore } from './sqlite.ts';

/** Which of the database's files (main, -wal, -shm) hold the hex string `hex`, as text or as the bytes it spells. */
function findBytes(file: string, hex: string): string[] {
  const found: string[] = [];
  for (const name of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(name)) continue;
    const bytes = readFileSync(name);
    if (bytes.includes(Buffer.from(hex, 'latin1'))) found.push(`${path.basename(name)} (hex)`);
    if (bytes.includes(Buffer.from(hex, 'hex'))) found.push(`${path.basename(name)} (raw)`);
  }
  return found;
}

describeStoreContract('SQLite (in memory)', async () => {
  const store = await createSqliteStore({ file: ':memory:' });
  return { store, cleanup: () => store.close() };
});

describe('SQLite store on disk', () => {
  const dirs: string[] = [];
  const tempFile = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedback-sqlite-'));
    dirs.push(dir);
    return path.join(dir, 'nested', 'feedback.db');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no trace of a deleted day salt in the database file, its -wal or its -shm, while still open', async () => {
    const file = tempFile();
    const store = await createSqliteStore({ file });
    const salt = randomBytes(32).toString('hex');
    expect(await store.getOrCreateSalt('2026-03-01', salt)).toBe(salt);
    for (let i = 0; i < 20; i++) await store.recordVote(createVoteRecord());
    await store.getOrCreateSalt('2026-03-02', randomBytes(32).toString('hex'));
    // The scan sees the salt while it exists (in the -wal, before any checkpoint)...
    expect(findBytes(file, salt)).not.toEqual([]);
    expect(await store.deleteSaltsBefore('2026-03-02')).toBe(1);
    // ...and finds it nowhere once it is deleted, as hex text or as raw bytes.
    expect(findBytes(file, salt)).toEqual([]);
    expect(await store.listSaltDays()).toEqual(['2026-03-02']);
    expect(await store.countVotes()).toBe(20);
    await store.close();
  });

  it('creates the folder, uses WAL with the chosen synchronous level, and keeps data across reopen', async () => {
    const file = tempFile();
    const store = await createSqliteStore({ file, synchronous: 'FULL' });
    await store.recordVote(createVoteRecord());
    await store.close();
    const again = await createSqliteStore({ file });
    expect(await again.countVotes()).toBe(1);
    expect(await again.getSchemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    await again.close();
    const db = openReadOnly(file);
    expect(readPragma(db, 'journal_mode')).toBe('wal');
    expect(selectValue(db, 'SELECT count(*) FROM schema_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(readPragma(db, 'integrity_check')).toBe('ok');
    db.close();
  });

  it('upgrades a version 1 database to the latest version, keeping its votes and adding search_events', async () => {
    const file = tempFile();
    mkdirSync(path.dirname(file), { recursive: true });
    const old = new DatabaseSync(file);
    old.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    old.exec(MIGRATIONS[0]!.sqlite);
    old.prepare('INSERT INTO schema_version (version, applied_at) VALUES (1, 0)').run();
    old.close();
    const store = await createSqliteStore({ file });
    await store.recordVote(createVoteRecord());
    expect(await store.getSchemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(await store.recordSearchEvent(createSearchEventRecord())).toBe('created');
    expect([await store.countVotes(), await store.countSearchEvents()]).toEqual([1, 1]);
    await store.close();
  });

  it('sets the pragmas the checklist asks for on its connection', async () => {
    const store = await createSqliteStore({ file: tempFile() });
    expect({
      journal_mode: store.getPragma('journal_mode'),
      synchronous: store.getPragma('synchronous'),
      busy_timeout: store.getPragma('busy_timeout'),
      foreign_keys: store.getPragma('foreign_keys'),
      journal_size_limit: store.getPragma('journal_size_limit'),
    }).toEqual({
      journal_mode: 'wal',
      synchronous: 2,
      busy_timeout: 5000,
      foreign_keys: 1,
      journal_size_limit: 67108864,
    });
    await store.close();
  });

  it("waits for another process's write lock instead of failing with SQLITE_BUSY", async () => {
    const file = tempFile();
    const store = await createSqliteStore({ file });
    // Another OS process takes the write lock for 300 ms.
    const holder = spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        '-e',
        `const {DatabaseSync:D}=require('node:sqlite');const db=new D(${JSON.stringify(file)});db.exec('BEGIN IMMEDIATE');process.stdout.write('locked\\n');setTimeout(()=>{db.exec('COMMIT');db.close()},300)`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = Date.now();
    await expect(store.recordVote(createVoteRecord())).resolves.toBe('created');
    expect(Date.now() - started).toBeGreaterThan(100);
    await exited;
    await store.close();
  });

  it('names the file and what to check when it cannot open the database', async () => {
    const blocker = tempFile().replace(/nested\/feedback\.db$/, 'not-a-folder');
    writeFileSync(blocker, '');
    const file = path.join(blocker, 'feedback.db');
    await expect(createSqliteStore({ file })).rejects.toThrow(
      `cannot open the SQLite feedback store ${file}: EEXIST: file already exists, mkdir '${blocker}'; check that the folder is writable and on a local disk (not NFS)`,
    );
  });
});
