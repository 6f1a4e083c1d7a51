import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import { buildFeedbackManifest } from '../../manifest.ts';
import {
  BROWSER_UA,
  REVISION,
  createTestManifest,
  createVoteBody,
} from '../../../../test/helpers/feedback/fixtures.ts';
import { createTempSite } from '../../../../test/helpers/feedback/spawn-server.ts';
import { parseFeedbackEnv } from './config.ts';
import { startFeedbackServer, type FeedbackServer } from './node.ts';

const site = createTempSite();
const logger = createMemoryLogger();
let server: FeedbackServer;

beforeAll(async () => {
  server = await startFeedbackServer(
    parseFeedbackEnv({
      FEEDBACK_PORT: '0',
      FEEDBACK_DB: site.dbFile,
      FEEDBACK_MANIFEST: site.manifestFile,
      FEEDBACK_ADMIN_TOKEN: 'a'.repeat(24),
    }),
    { logger, configDir: site.configDir },
  );
});
afterAll(async () => {
  await server.close();
  site.cleanup();
});

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${server.url}/feedback`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'user-agent': BROWSER_UA, ...headers },
    body,
  });

describe('the Node runtime', () => {
  it('listens on 127.0.0.1 and answers /health', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${server.url}/health`)).json()).toMatchObject({ status: 'ok' });
  });

  it('accepts a vote from the local preview origins by default, taking the client address from the socket', async () => {
    const res = await post(JSON.stringify(createVoteBody()), {
      origin: 'http://localhost:4321',
      'content-type': 'text/plain',
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    expect(await server.store.countVotes()).toBe(1);
  });

  it('redirects the no-JS form back to the preview page', async () => {
    const form = new URLSearchParams({
      itemId: 'faq:why-charged-twice',
      pagePath: '/faq/',
      vote: 'up',
      language: 'en',
      revision: REVISION,
      website: '',
    });
    const res = await post(form.toString(), {
      origin: 'http://127.0.0.1:4321',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:4321/faq/#feedback-thanks-faq-why-charged-twice');
  });

  it('serves the admin export with the configured token', async () => {
    const res = await fetch(`${server.url}/feedback/export.csv`, {
      headers: { authorization: `Bearer ${'a'.repeat(24)}` },
    });
    expect(res.status).toBe(200);
    expect((await res.text()).split('\r\n')[0]).toMatch(/^updated_at,/);
  });

  it('picks up a new manifest on reload (SIGHUP)', async () => {
    writeFileSync(
      site.manifestFile,
      JSON.stringify(buildFeedbackManifest({ ...createTestManifest(['article:brand-new']) })),
    );
    const before = await post(JSON.stringify(createVoteBody({ itemId: 'article:brand-new' })), {
      origin: 'http://localhost:4321',
      'content-type': 'text/plain',
    });
    expect(before.status).toBe(400);
    await server.reload();
    const after = await post(JSON.stringify(createVoteBody({ itemId: 'article:brand-new' })), {
      origin: 'http://localhost:4321',
      'content-type': 'text/plain',
    });
    expect(after.status).toBe(202);
    expect(logger.lines).toContainEqual(expect.objectContaining({ event: 'manifest_reloaded', items: 4 }));
  });
});
