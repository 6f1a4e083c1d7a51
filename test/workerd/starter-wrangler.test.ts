/**
 * The wrangler.toml and feedback/worker.ts that `helpdesk-kit init` writes, as wrangler reads them:
 * `wrangler deploy --dry-run` bundles the Worker exactly as a deploy would (from the site's own
 * node_modules/helpdesk-kit, here the compiled package), wrangler turns the config into miniflare
 * options, and workerd runs the bundle with D1 and the site's assets until a vote is stored.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import type { D1Database } from '../../src/feedback/server/stores/d1.ts';
import { scaffoldSite } from '../../src/tools/init/scaffold.ts';
import { BROWSER_UA, SITE_ORIGIN, createTestManifest, createVoteBody } from '../helpers/feedback/fixtures.ts';
import { REPO_ROOT } from '../helpers/feedback/spawn-server.ts';

let tmp: string;
let site: string;
let mf: Miniflare | undefined;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-wrangler-'));
  site = path.join(tmp, 'site');
  const result = scaffoldSite({ target: site, version: '0.0.0' });
  if (!result.ok) throw new Error(result.message);
  // The site as after `npm install` and `npm run build`: the package, and the build's manifest.
  mkdirSync(path.join(site, 'node_modules'));
  symlinkSync(REPO_ROOT, path.join(site, 'node_modules/helpdesk-kit'), 'dir');
  mkdirSync(path.join(site, 'dist'));
  writeFileSync(path.join(site, 'dist/feedback-manifest.json'), JSON.stringify(createTestManifest()));
  writeFileSync(path.join(site, 'dist/index.html'), '<!doctype html><title>Help</title><h1>Starter help</h1>');
  writeFileSync(path.join(site, 'dist/404.html'), '<!doctype html><title>Not found</title><h1>No such page</h1>');
});
afterAll(async () => {
  await mf?.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the starter wrangler.toml', () => {
  it('deploys (dry run) and runs in workerd: site from ASSETS, a vote stored in D1 with the secret from .env', async () => {
    const outdir = path.join(tmp, 'bundle');
    execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outdir], {
      cwd: site,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { workerOptions } = unstable_getMiniflareWorkerOptions(path.join(site, 'wrangler.toml'));
    expect(Object.keys(workerOptions.d1Databases ?? {})).toEqual(['DB']);
    expect(workerOptions.assets).toMatchObject({ binding: 'ASSETS', directory: path.join(site, 'dist') });
    expect(workerOptions.compatibilityFlags).toContain('nodejs_compat');

    // Local runs (wrangler dev) take the secret from the git-ignored .env that init wrote.
    const secret = /^FEEDBACK_SECRET=(\S+)$/m.exec(readFileSync(path.join(site, '.env'), 'utf8'))![1]!;
    expect(workerOptions.bindings).toMatchObject({ FEEDBACK_SECRET: secret });
    mf = new Miniflare({
      ...workerOptions,
      modules: true,
      modulesRoot: outdir,
      scriptPath: path.join(outdir, 'worker.js'),
      d1Persist: path.join(tmp, 'd1'),
    });

    const page = await mf.dispatchFetch('https://help.example.com/');
    expect(await page.text()).toContain('Starter help');
    const missing = await mf.dispatchFetch('https://help.example.com/no/such/page/');
    expect([missing.status, await missing.text()]).toEqual([404, expect.stringContaining('No such page')]);

    const body = createVoteBody();
    const res = await mf.dispatchFetch('https://help.example.com/feedback', {
      method: 'POST',
      headers: {
        origin: SITE_ORIGIN,
        'content-type': 'text/plain',
        'user-agent': BROWSER_UA,
        'cf-connecting-ip': '203.0.113.5',
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    const db = (await mf.getD1Database('DB')) as unknown as D1Database;
    expect(await db.prepare('SELECT item_id FROM votes WHERE event_id = ?1').bind(body.eventId).first()).toEqual({
      item_id: 'article:reset-password',
    });
  });
});
