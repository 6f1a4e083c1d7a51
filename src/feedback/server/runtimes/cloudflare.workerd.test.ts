import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_UA,
  SITE_ORIGIN,
  createTestManifest,
  createVoteBody,
} from '../../../../test/helpers/feedback/fixtures.ts';
import { startWorkerd } from '../../../../test/helpers/feedback/workerd.ts';
import type { D1Database } from '../stores/d1.ts';
import { LATEST_SCHEMA_VERSION } from '../stores/migrations.ts';

// The compiled-for-Workers entry, bundled like a deploy, in workerd with D1 and static assets.
const ADMIN_TOKEN = 'admin-token-0123456789';
let root: string;
let assetsDir: string;
let d1Dir: string;
let mf: Miniflare;
const start = (vars: Record<string, string> = {}) =>
  startWorkerd({
    entry: 'src/feedback/server/runtimes/cloudflare.ts',
    d1Dir,
    assetsDir,
    vars: { FEEDBACK_ADMIN_TOKEN: ADMIN_TOKEN, FEEDBACK_SECRET: 'a-worker-secret-0123456789', ...vars },
  });

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'feedback-workerd-'));
  assetsDir = path.join(root, 'dist');
  d1Dir = path.join(root, 'd1');
  mkdirSync(assetsDir);
  writeFileSync(path.join(assetsDir, 'feedback-manifest.json'), JSON.stringify(createTestManifest()));
  writeFileSync(path.join(assetsDir, 'index.html'), '<!doctype html><title>Help</title><h1>Help center</h1>');
  mf = await start();
});
afterAll(async () => {
  await mf?.dispose();
  rmSync(root, { recursive: true, force: true });
});

let client = 0;
/** POST a vote as a browser on the site would, from the client address `ip`. */
const sendVote = (runtime: Miniflare, body = createVoteBody(), ip = `203.0.113.${++client % 250}`) =>
  runtime.dispatchFetch('https://help.example.com/feedback', {
    method: 'POST',
    headers: { origin: SITE_ORIGIN, 'content-type': 'text/plain', 'user-agent': BROWSER_UA, 'cf-connecting-ip': ip },
    body: JSON.stringify(body),
  });

/** The worker's D1 database, read from Node. */
const openD1 = async () => (await mf.getD1Database('DB')) as unknown as D1Database;

async function storedEventIds(): Promise<Set<string>> {
  const db = await openD1();
  const { results } = await db.prepare('SELECT event_id FROM votes').all<{ event_id: string }>();
  return new Set(results.map((r) => r.event_id));
}

describe('the Cloudflare Workers entry in workerd (D1, static assets)', () => {
  it('serves the site from ASSETS, migrates D1 on first use and stores a vote', async () => {
    const page = await mf.dispatchFetch('https://help.example.com/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Help center');
    const body = createVoteBody({ vote: 'down', reason: 'incorrect', comment: 'Step 2 is out of date.' });
    const res = await sendVote(mf, body);
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    const db = await openD1();
    expect(await db.prepare('SELECT max(version) AS v FROM schema_version').first<{ v: number }>()).toEqual({
      v: LATEST_SCHEMA_VERSION,
    });
    const row = await db
      .prepare('SELECT item_id, vote, reason, comment FROM votes WHERE event_id = ?')
      .bind(body.eventId)
      .first();
    expect(row).toEqual({
      item_id: 'article:reset-password',
      vote: 'down',
      reason: 'incorrect',
      comment: 'Step 2 is out of date.',
    });
    const health = await mf.dispatchFetch('https://help.example.com/health');
    expect(health.status).toBe(200);
  });

  it('answers an item the manifest from ASSETS does not list with 400, storing nothing', async () => {
    const before = (await storedEventIds()).size;
    const res = await sendVote(mf, createVoteBody({ itemId: 'article:not-in-the-manifest' }));
    expect(res.status).toBe(400);
    expect((await storedEventIds()).size).toBe(before);
  });

  it('answers 4,000-deep nested JSON with the 400 JSON error shape', async () => {
    const nested = `${'['.repeat(4000)}${']'.repeat(4000)}`;
    const res = await mf.dispatchFetch('https://help.example.com/feedback', {
      method: 'POST',
      headers: { origin: SITE_ORIGIN, 'content-type': 'application/json', 'user-agent': BROWSER_UA },
      body: `{"itemId":${nested}}`,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: string[] } };
    expect(body.error.code).toBe('InvalidFeedback');
    expect(body.error.issues).toContain('itemId: expected string, received array');
  });

  it('one vote per CF-Connecting-IP and day: a changed mind replaces the row', async () => {
    const first = createVoteBody({ itemId: 'article:track-a-parcel', pagePath: '/shipping/track-a-parcel/' });
    const second = { ...first, eventId: crypto.randomUUID(), vote: 'down', replaces: first.eventId };
    expect((await sendVote(mf, first, '198.51.100.7')).status).toBe(202);
    expect((await sendVote(mf, second, '198.51.100.7')).status).toBe(202);
    const db = await openD1();
    const rows = await db.prepare("SELECT vote FROM votes WHERE item_id = 'article:track-a-parcel'").all();
    expect(rows.results).toEqual([{ vote: 'down' }]);
  });

  it('loses no acknowledged vote when workerd is killed under load and started again on the same D1', async () => {
    const acked: string[] = [];
    const failed: string[] = [];
    let sent = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && sent < 2000) {
        const body = createVoteBody();
        sent++;
        try {
          const res = await sendVote(mf, body, `10.0.${sent >> 8}.${sent & 255}`);
          if (res.status === 202) acked.push(body.eventId as string);
          else failed.push(`${res.status}`);
        } catch {
          failed.push('connection');
        }
      }
    };
    const load = Array.from({ length: 16 }, worker);
    while (acked.length < 150) await new Promise((resolve) => setTimeout(resolve, 5));
    killed = true;
    const dying = mf;
    await dying.dispose(); // SIGKILL of the workerd process, requests in flight
    await Promise.all(load);
    mf = await start();
    const stored = await storedEventIds();
    const lost = acked.filter((id) => !stored.has(id));
    expect({ acked: acked.length >= 150, lost }).toEqual({ acked: true, lost: [] });
    // Every failure is a connection cut by the kill, never an error answer.
    expect(failed.filter((f) => f !== 'connection')).toEqual([]);
    expect((await sendVote(mf)).status).toBe(202);
  });

  it('answers a generic 500 when no D1 database is bound', async () => {
    const unbound = await startWorkerd({
      entry: 'src/feedback/server/runtimes/cloudflare.ts',
      assetsDir,
      vars: { FEEDBACK_SECRET: 'a-worker-secret-0123456789' },
    });
    try {
      const res = await sendVote(unbound);
      expect(res.status).toBe(500);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('InternalError');
    } finally {
      await unbound.dispose();
    }
  });

  it('refuses to run without FEEDBACK_SECRET: a JSON 503 that says how to set it, the site still served', async () => {
    const bare = await startWorkerd({ entry: 'src/feedback/server/runtimes/cloudflare.ts', d1Dir, assetsDir });
    try {
      for (const res of [await sendVote(bare), await bare.dispatchFetch('https://help.example.com/health')]) {
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({
          error: {
            code: 'MissingFeedbackSecret',
            message:
              'The feedback endpoint has no FEEDBACK_SECRET, so it stores nothing: set one (openssl rand -hex 32) as a secret of the deployment (npx wrangler secret put FEEDBACK_SECRET, or the environment variables of the Netlify or Vercel project) and deploy again.',
            issues: [],
          },
        });
      }
      expect((await bare.dispatchFetch('https://help.example.com/')).status).toBe(200);
    } finally {
      await bare.dispose();
    }
  });
});
