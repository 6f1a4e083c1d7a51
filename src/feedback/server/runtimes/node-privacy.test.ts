/**
 * What the database file alone gives away. The Node server keeps its secret in a file in the
 * user's config folder, never in the data folder (created on first start, mode 0600): someone
 * with a copy of the data folder (the database, its salts
 * and its hashes) cannot recover a client address by trying candidates; with the secret file too,
 * they can, for the days whose salts still exist (today, and yesterday until 01:00 UTC).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openReadOnly, selectColumn } from '../../../../test/helpers/sqlite-file.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import { getVisitorHash } from '../privacy/visitor-hash.ts';
import { BROWSER_UA, SITE_ORIGIN, createVoteBody } from '../../../../test/helpers/feedback/fixtures.ts';
import { createTempSite } from '../../../../test/helpers/feedback/spawn-server.ts';
import { parseFeedbackEnv } from './config.ts';
import { startFeedbackServer } from './node.ts';

const site = createTempSite();
afterAll(() => site.cleanup());
const { configDir } = site;
const secretFile = path.join(configDir, 'feedback-secret');

const env = parseFeedbackEnv({
  FEEDBACK_PORT: '0',
  FEEDBACK_DB: site.dbFile,
  FEEDBACK_MANIFEST: site.manifestFile,
  FEEDBACK_TRUST_PROXY: 'true',
  FEEDBACK_RATE_LIMIT: 'off',
});
const addresses = Array.from({ length: 12 }, (_, i) => `198.51.100.${i + 1}`);

async function vote(url: string, address: string, itemId = 'article:reset-password') {
  const res = await fetch(`${url}/feedback`, {
    method: 'POST',
    headers: {
      origin: 'http://localhost:4321',
      'user-agent': BROWSER_UA,
      'content-type': 'text/plain',
      'x-forwarded-for': address,
    },
    body: JSON.stringify(createVoteBody({ itemId })),
  });
  expect(res.status).toBe(202);
}

describe('the Node server without FEEDBACK_SECRET', () => {
  it('creates a secret in the config folder (0600), not in the data folder, and keeps it across restarts', async () => {
    const logger = createMemoryLogger();
    const server = await startFeedbackServer(env, { logger, configDir });
    for (const address of addresses) await vote(server.url, address);
    await server.close();
    const file = secretFile;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(configDir).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.dirname(site.dbFile)).filter((f) => f.includes('secret'))).toEqual([]);
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(logger.lines).toContainEqual(expect.objectContaining({ event: 'secret_created', file }));

    // A restart reads the same secret, so a repeat vote the same day is still recognised.
    const again = await startFeedbackServer(env, { logger: createMemoryLogger(), configDir });
    await vote(again.url, addresses[0]!);
    expect(await again.store.countVotes()).toBe(12);
    await again.close();
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
  });

  it('leaves the database file alone unable to link a vote to a client address', async () => {
    const db = openReadOnly(site.dbFile);
    const salts = selectColumn(db, 'SELECT salt FROM salts') as string[];
    const hashes = new Set(selectColumn(db, 'SELECT visitor_hash FROM votes') as string[]);
    db.close();
    expect(salts).toHaveLength(1);
    expect(hashes.size).toBe(12);
    // The attacker knows the site, the User-Agent and a candidate list that holds every real address.
    const candidates = [...addresses, ...Array.from({ length: 500 }, (_, i) => `203.0.113.${i % 250}`)];
    const tryAll = async (secret: string | undefined) => {
      let found = 0;
      for (const salt of salts)
        for (const address of candidates) {
          const hash = await getVisitorHash({ salt, secret, address, userAgent: BROWSER_UA, site: SITE_ORIGIN });
          if (hashes.has(hash)) found++;
        }
      return found;
    };
    expect(await tryAll(undefined)).toBe(0);
    // With the secret file as well, the same search finds all twelve: the secret is what protects them.
    expect(await tryAll(readFileSync(secretFile, 'utf8').trim())).toBe(12);
  });

  it('warns about a secret file left beside the database by an older version, and does not use it', async () => {
    const legacy = `${site.dbFile}.secret`;
    writeFileSync(legacy, 'an-old-secret-0123456789abcdef\n', { mode: 0o600 });
    const logger = createMemoryLogger();
    const server = await startFeedbackServer(env, { logger, configDir });
    await server.close();
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        event: 'secret_file_beside_database',
        file: legacy,
        message: `no longer used (a copy of the data folder held both); the secret is now ${secretFile}: delete the old file`,
      }),
    );
    expect(existsSync(secretFile)).toBe(true);
  });
});
