import { existsSync } from 'node:fs';
import { openReadOnly, selectValue } from '../../../../test/helpers/sqlite-file.ts';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BROWSER_UA, SITE_ORIGIN, createVoteBody } from '../../../../test/helpers/feedback/fixtures.ts';
import { createTempSite } from '../../../../test/helpers/feedback/spawn-server.ts';
import { expectMissingSecretAnswers } from '../../../../test/helpers/feedback/missing-secret.ts';

const site = createTempSite();
vi.stubEnv('FEEDBACK_DB', site.dbFile);
vi.stubEnv('FEEDBACK_MANIFEST', site.manifestFile);
vi.stubEnv('FEEDBACK_SECRET', 'a-vercel-secret-0123456789');
afterAll(() => {
  vi.unstubAllEnvs();
  site.cleanup();
});

const vote = (ip: string) =>
  new Request('https://help.example.com/api/feedback', {
    method: 'POST',
    headers: { origin: SITE_ORIGIN, 'content-type': 'application/json', 'user-agent': BROWSER_UA, 'x-real-ip': ip },
    body: JSON.stringify(createVoteBody()),
  });

describe('the Vercel entry', () => {
  it('answers every request with a JSON 503 naming FEEDBACK_SECRET while it is unset, and logs it once', async () => {
    vi.stubEnv('FEEDBACK_SECRET', undefined);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { POST, GET } = await import('./vercel.ts');
    // Concurrent first requests: each gets its own answer.
    const answers = await Promise.all([
      POST(vote('203.0.113.1')),
      GET(new Request('https://help.example.com/api/health')),
    ]);
    await expectMissingSecretAnswers(answers, logged);
    logged.mockRestore();
    expect(existsSync(site.dbFile)).toBe(false);
    vi.stubEnv('FEEDBACK_SECRET', 'a-vercel-secret-0123456789');
  });

  it('stores votes sent to POST under /api (the default base path there), one visitor per X-Real-IP', async () => {
    const { POST, GET, default: app } = await import('./vercel.ts');
    expect((await POST(vote('203.0.113.1'))).status).toBe(202);
    expect((await app.fetch(vote('203.0.113.2'))).status).toBe(202);
    expect((await GET(new Request('https://help.example.com/api/health'))).status).toBe(200);
    const db = openReadOnly(site.dbFile);
    expect(selectValue(db, 'SELECT count(DISTINCT visitor_hash) FROM votes')).toBe(2);
    db.close();
  });
});
