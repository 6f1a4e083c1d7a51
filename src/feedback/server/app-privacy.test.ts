import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFeedbackApp } from './app.ts';
import { createJsonLogger } from './logger.ts';
import { createDerivedSaltProvider, createStoredSaltProvider } from './privacy/salts.ts';
import { getVisitorHash } from './privacy/visitor-hash.ts';
import { createSqliteStore } from './stores/sqlite.ts';
import { createBrowserHeaders, createTestManifest, createVoteBody } from '../../../test/helpers/feedback/fixtures.ts';
import { createTestApp } from '../../../test/helpers/feedback/test-app.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('no raw address or user agent at rest (checklist 10)', () => {
  it("leaves none of 1,000 voters' addresses or user agents in the database, its -wal file or the logs", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedback-privacy-'));
    dirs.push(dir);
    const file = path.join(dir, 'feedback.db');
    const store = await createSqliteStore({ file });
    let logs = '';
    const logger = createJsonLogger((line) => (logs += line));
    let now = Date.parse('2026-03-01T12:00:00Z');
    const app = createFeedbackApp({
      store,
      manifest: createTestManifest(),
      logger,
      clock: () => now,
      rateLimit: false,
    });
    const voters = Array.from({ length: 1000 }, (_, i) => ({
      address: `203.0.${Math.floor(i / 250)}.${i % 250}`,
      userAgent: `Mozilla/5.0 (X11; PrivacyTestOS ${i}) Gecko/20100101 Firefox/126.${i}`,
    }));
    // Sent 25 at a time, as concurrent readers would (and so group commit shares the fsyncs).
    for (let start = 0; start < voters.length; start += 25) {
      const statuses = await Promise.all(
        voters.slice(start, start + 25).map(async (voter, j) => {
          const i = start + j;
          const body = createVoteBody({ vote: i % 3 ? 'up' : 'down', comment: i % 10 ? undefined : 'fine' });
          const res = await app.request(
            '/feedback',
            {
              method: 'POST',
              headers: createBrowserHeaders({ 'user-agent': voter.userAgent }),
              body: JSON.stringify(body),
            },
            { remoteAddress: voter.address },
          );
          return res.status;
        }),
      );
      expect(new Set(statuses)).toEqual(new Set([202]));
      now += 10;
    }
    expect(await store.countVotes()).toBe(1000);
    const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`), Buffer.from(logs)]).toString(
      'latin1',
    );
    expect(bytes.length).toBeGreaterThan(100_000);
    // Every address starts "203.0." and every user agent holds "PrivacyTestOS": neither may appear at all.
    expect(bytes.includes('203.0.')).toBe(false);
    expect(bytes.includes('PrivacyTestOS')).toBe(false);
    expect(bytes.includes(voters[0]!.userAgent.slice(0, 40))).toBe(false);
    await store.close();
  });
});

describe('daily salts', () => {
  it('give the same address different hashes on either side of midnight', async () => {
    const t = await createTestApp();
    t.clock.set(Date.parse('2026-03-01T23:59:59Z'));
    await t.post(createVoteBody());
    t.clock.set(Date.parse('2026-03-02T00:00:01Z'));
    await t.post(createVoteBody());
    const [a, b] = await t.store.listVotes();
    expect(a!.visitorHash).not.toBe(b!.visitorHash);
    await t.cleanup();
  });

  it("keep a day's salt only until 01:00 UTC the next day, then delete it", async () => {
    const t = await createTestApp();
    for (let day = 0; day < 5; day++) {
      await t.post(createVoteBody());
      t.clock.advance(24 * 3600_000);
    }
    expect(await t.store.listSaltDays()).toEqual(['2026-03-05']);
    t.clock.set(Date.parse('2026-03-06T00:30:00Z'));
    await t.post(createVoteBody());
    expect(await t.store.listSaltDays()).toEqual(['2026-03-05', '2026-03-06']);
    t.clock.set(Date.parse('2026-03-06T01:00:00Z'));
    await t.post(createVoteBody());
    expect(await t.store.listSaltDays()).toEqual(['2026-03-06']);
    await t.cleanup();
  });

  it('agree between two providers on one store, whichever creates the salt first', async () => {
    const t = await createTestApp();
    const a = createStoredSaltProvider({ store: t.store, createSalt: () => 'salt-a' });
    const b = createStoredSaltProvider({ store: t.store, createSalt: () => 'salt-b' });
    expect(await a.getSalt('2026-03-01')).toBe('salt-a');
    expect(await b.getSalt('2026-03-01')).toBe('salt-a');
    await t.cleanup();
  });

  it('can be derived from a secret (the weaker serverless option): stable per day, different across days', async () => {
    const p = createDerivedSaltProvider('s3cret');
    expect(await p.getSalt('2026-03-01')).toBe(await createDerivedSaltProvider('s3cret').getSalt('2026-03-01'));
    expect(await p.getSalt('2026-03-01')).not.toBe(await p.getSalt('2026-03-02'));
    expect(await p.getSalt('2026-03-01')).not.toBe(await createDerivedSaltProvider('other').getSalt('2026-03-01'));
  });

  it('mix the server secret into the visitor hash when one is set', async () => {
    const input = { salt: 'salt', address: '192.0.2.1', userAgent: 'UA', site: 'https://help.example.com' };
    const plain = await getVisitorHash(input);
    expect(plain).toMatch(/^[0-9a-f]{32}$/);
    expect(await getVisitorHash({ ...input, secret: 'pepper' })).not.toBe(plain);
  });
});
