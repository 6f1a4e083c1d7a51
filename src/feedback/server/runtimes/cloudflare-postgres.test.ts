import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  BROWSER_UA,
  SITE_ORIGIN,
  createTestManifest,
  createVoteBody,
} from '../../../../test/helpers/feedback/fixtures.ts';
import { createTestSchemaName, dropSchema, getTestPostgresUrl } from '../../../../test/helpers/feedback/test-store.ts';
import worker from './cloudflare-postgres.ts';

const url = getTestPostgresUrl();
const schema = createTestSchemaName();
const pending: Array<Promise<unknown>> = [];
const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p) };
const assets = {
  fetch: vi.fn(async (input: Request | string) => {
    const path = new URL(typeof input === 'string' ? input : input.url).pathname;
    return path === '/feedback-manifest.json'
      ? new Response(JSON.stringify(createTestManifest()))
      : new Response('not found', { status: 404 });
  }),
};

const vote = (ip: string) =>
  new Request('https://help.example.com/feedback', {
    method: 'POST',
    headers: { origin: SITE_ORIGIN, 'content-type': 'text/plain', 'user-agent': BROWSER_UA, 'cf-connecting-ip': ip },
    body: JSON.stringify(createVoteBody()),
  });

afterAll(async () => {
  await Promise.all(pending);
  if (url) await dropSchema(url, schema);
});

describe('the Cloudflare Workers entry with Postgres', () => {
  it('answers a generic 500 and logs what to set when no Postgres store is configured', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await worker.fetch(
      vote('203.0.113.1'),
      { ASSETS: assets, FEEDBACK_SECRET: 'a-worker-secret-0123456789' },
      ctx,
    );
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe('InternalError');
    expect(errors.mock.calls.map((c) => String(c[0])).join('\n')).toContain(
      'this Workers entry stores in Postgres: set FEEDBACK_STORE_URL',
    );
    errors.mockRestore();
  });

  if (!url)
    console.warn('Cloudflare entry store test skipped: set FEEDBACK_TEST_POSTGRES_URL to run it against Postgres.');

  it.skipIf(!url)(
    'stores votes via its fetch handler, with the manifest from ASSETS and CF-Connecting-IP as the client',
    async () => {
      const env = {
        ASSETS: assets,
        FEEDBACK_STORE_URL: url,
        FEEDBACK_PG_SCHEMA: schema,
        FEEDBACK_SECRET: 'a-worker-secret-0123456789',
      };
      expect((await worker.fetch(vote('203.0.113.1'), env, ctx)).status).toBe(202);
      expect((await worker.fetch(vote('203.0.113.2'), env, ctx)).status).toBe(202);
      expect((await worker.fetch(vote('203.0.113.2'), env, ctx)).status).toBe(202);
      await Promise.all(pending);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        `SELECT count(*)::int AS n, count(DISTINCT visitor_hash)::int AS visitors FROM "${schema}".votes`,
      );
      await client.end();
      expect(rows[0]).toEqual({ n: 2, visitors: 2 });
    },
  );
});
