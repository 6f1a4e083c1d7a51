import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVoteRecord, describeStoreContract } from '../../../../test/helpers/feedback/store-contract.ts';
import { startWorkerd } from '../../../../test/helpers/feedback/workerd.ts';
import { LATEST_SCHEMA_VERSION } from './migrations.ts';
import { splitStatements } from './d1.ts';
import type { FeedbackStore } from './types.ts';

// The store runs inside workerd against miniflare's D1; the test calls it over fetch.
let mf: Miniflare;
let d1Dir: string;
const start = () => startWorkerd({ entry: 'test/helpers/feedback/d1-store-worker.ts', d1Dir });

beforeAll(async () => {
  d1Dir = mkdtempSync(path.join(tmpdir(), 'feedback-d1-'));
  mf = await start();
});
afterAll(async () => {
  await mf?.dispose();
  rmSync(d1Dir, { recursive: true, force: true });
});

async function call(store: string, method: string, args: unknown[] = []): Promise<unknown> {
  const res = await mf.dispatchFetch('http://store.test/', {
    method: 'POST',
    body: JSON.stringify({ store, method, args }),
  });
  const answer = (await res.json()) as { value?: unknown; error?: string };
  if (answer.error !== undefined) throw new Error(answer.error);
  return answer.value;
}

/** A FeedbackStore whose every method runs in the worker. */
async function openRemoteStore(): Promise<FeedbackStore> {
  const id = crypto.randomUUID();
  await call(id, 'open');
  const methods = [
    'recordVote',
    'listVotes',
    'countVotes',
    'recordSearchEvent',
    'listSearchEvents',
    'countSearchEvents',
    'getOrCreateSalt',
    'deleteSaltsBefore',
    'listSaltDays',
    'deleteEventIdsBefore',
    'deleteCommentsBefore',
    'deleteSearchEventsBefore',
    'getSchemaVersion',
    'ping',
    'close',
  ] as const;
  const store = Object.fromEntries(
    methods.map((m) => [
      m,
      async (...args: unknown[]) => (m === 'ping' ? void (await call(id, m)) : call(id, m, args)),
    ]),
  );
  return { kind: 'd1', ...store } as unknown as FeedbackStore;
}

describe('D1 store in workerd', () => {
  describeStoreContract('D1 (workerd)', async () => {
    await call('', 'reset');
    const store = await openRemoteStore();
    return { store, cleanup: () => store.close() };
  });

  it('migrates an empty database once when two stores start at the same time', async () => {
    await call('', 'reset');
    const [a, b] = await Promise.all([openRemoteStore(), openRemoteStore()]);
    expect([await a.getSchemaVersion(), await b.getSchemaVersion()]).toEqual([
      LATEST_SCHEMA_VERSION,
      LATEST_SCHEMA_VERSION,
    ]);
    await a.recordVote(createVoteRecord());
    expect(await b.countVotes()).toBe(1);
  });

  it('keeps committed votes when workerd is killed and started again on the same D1 folder', async () => {
    await call('', 'reset');
    const store = await openRemoteStore();
    const records = Array.from({ length: 20 }, () => createVoteRecord());
    for (const record of records) expect(await store.recordVote(record)).toBe('created');
    await mf.dispose(); // SIGKILL
    mf = await start();
    const again = await openRemoteStore();
    expect((await again.listVotes()).map((v) => v.eventId).sort()).toEqual(records.map((r) => r.eventId).sort());
    expect(await again.recordVote({ ...records[0]!, receivedAt: records[0]!.receivedAt + 1 })).toBe('duplicate');
  });
});

describe('splitStatements', () => {
  it('splits a migration into its statements, keeping semicolons inside none of them', () => {
    expect(splitStatements('CREATE TABLE a (x TEXT);\n  CREATE INDEX a_x ON a (x);')).toEqual([
      'CREATE TABLE a (x TEXT)',
      'CREATE INDEX a_x ON a (x)',
    ]);
  });
});
