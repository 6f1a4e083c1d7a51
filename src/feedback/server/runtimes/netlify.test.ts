import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BROWSER_UA, SITE_ORIGIN, createVoteBody } from '../../../../test/helpers/feedback/fixtures.ts';
import { createTempSite } from '../../../../test/helpers/feedback/spawn-server.ts';
import { expectMissingSecretAnswers } from '../../../../test/helpers/feedback/missing-secret.ts';

const site = createTempSite();
vi.stubEnv('FEEDBACK_DB', site.dbFile);
vi.stubEnv('FEEDBACK_MANIFEST', site.manifestFile);
vi.stubEnv('FEEDBACK_SECRET', 'a-netlify-secret-0123456789');
afterAll(() => {
  vi.unstubAllEnvs();
  site.cleanup();
});

describe('the Netlify entry', () => {
  it('answers every request with a JSON 503 naming FEEDBACK_SECRET while it is unset, and logs it once', async () => {
    vi.stubEnv('FEEDBACK_SECRET', undefined);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { default: handler } = await import('./netlify.ts');
    const answers = [];
    for (let i = 0; i < 2; i++)
      answers.push(await handler(new Request('https://help.example.com/health'), { ip: '203.0.113.9' }));
    await expectMissingSecretAnswers(answers, logged);
    logged.mockRestore();
    expect(existsSync(site.dbFile)).toBe(false);
    vi.stubEnv('FEEDBACK_SECRET', 'a-netlify-secret-0123456789');
  });

  it('stores a vote sent to its default export, using context.ip as the client address', async () => {
    const { default: handler, config } = await import('./netlify.ts');
    expect(config.path).toContain('/feedback');
    const request = new Request('https://help.example.com/feedback', {
      method: 'POST',
      headers: { origin: SITE_ORIGIN, 'content-type': 'text/plain', 'user-agent': BROWSER_UA },
      body: JSON.stringify(createVoteBody()),
    });
    const res = await handler(request, { ip: '203.0.113.9' });
    expect(res.status).toBe(202);
    const health = await handler(new Request('https://help.example.com/health'), { ip: '203.0.113.9' });
    expect(health.status).toBe(200);
  });
});
