/**
 * The Node server's start-up log line says that bot and headless votes are dropped, so a first
 * test vote does not look lost, and where its secret comes from (never the secret itself).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTempSite,
  spawnFeedbackServer,
  type SpawnedServer,
} from '../../../../test/helpers/feedback/spawn-server.ts';
import { readSecretFromEnvFile } from './env-file-secret.ts';

const readListening = (server: SpawnedServer) =>
  JSON.parse(
    server
      .logs()
      .split('\n')
      .find((l) => l.includes('"event":"listening"'))!,
  ) as Record<string, unknown>;

async function startIn(site: ReturnType<typeof createTempSite>, env: Record<string, string> = {}) {
  const server = await spawnFeedbackServer(
    { FEEDBACK_DB: site.dbFile, FEEDBACK_MANIFEST: site.manifestFile, ...env },
    [],
    site.dir,
  );
  try {
    await expect.poll(() => server.logs()).toContain('"event":"listening"');
    return { line: readListening(server), logs: server.logs() };
  } finally {
    server.proc.kill('SIGTERM');
    await server.exited;
  }
}

const sites: Array<ReturnType<typeof createTempSite>> = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.cleanup();
});

describe('the feedback server start-up line', () => {
  it('says that votes from headless browsers are dropped', async () => {
    const site = createTempSite();
    sites.push(site);
    const server = await spawnFeedbackServer({ FEEDBACK_DB: site.dbFile, FEEDBACK_MANIFEST: site.manifestFile });
    try {
      await expect.poll(() => server.logs()).toContain('"event":"listening"');
      const line = server
        .logs()
        .split('\n')
        .find((l) => l.includes('"event":"listening"'))!;
      expect(JSON.parse(line)).toMatchObject({ note: expect.stringContaining('headless browsers') });
    } finally {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
  });

  it('takes FEEDBACK_SECRET from the .env that helpdesk-kit init wrote, says so, and makes no secret file', async () => {
    const site = createTempSite();
    sites.push(site);
    const secret = 'a-secret-from-dot-env-0123456789';
    writeFileSync(path.join(site.dir, '.env'), `# made by init\nFEEDBACK_SECRET=${secret}\n`);
    const { line, logs } = await startIn(site);
    expect(line.secret).toBe(`FEEDBACK_SECRET from ${path.join(site.dir, '.env')}`);
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain('"secret_created"');
    expect(existsSync(path.join(site.configDir, 'feedback-secret'))).toBe(false);
  });

  it('prefers FEEDBACK_SECRET from the environment, and names the generated file when there is neither', async () => {
    const site = createTempSite();
    sites.push(site);
    writeFileSync(path.join(site.dir, '.env'), 'FEEDBACK_SECRET=the-dot-env-secret-0123456789\n');
    expect((await startIn(site, { FEEDBACK_SECRET: 'an-environment-secret-0123456789' })).line.secret).toBe(
      'FEEDBACK_SECRET from the environment',
    );
    const bare = createTempSite();
    sites.push(bare);
    const { line } = await startIn(bare);
    expect(line.secret).toBe(`generated, kept in ${path.join(bare.configDir, 'feedback-secret')}`);
    expect(existsSync(path.join(bare.configDir, 'feedback-secret'))).toBe(true);
  });
});

describe('readSecretFromEnvFile', () => {
  it('reads only FEEDBACK_SECRET, quoted or not, and steps aside for the environment', () => {
    const site = createTempSite();
    sites.push(site);
    const file = path.join(site.dir, '.env');
    expect(readSecretFromEnvFile({}, site.dir)).toBeUndefined();
    writeFileSync(file, 'FEEDBACK_PORT=1\nFEEDBACK_SECRET="quoted-secret-0123456789" # comment\n');
    expect(readSecretFromEnvFile({}, site.dir)).toEqual({ secret: 'quoted-secret-0123456789', file });
    expect(readSecretFromEnvFile({ FEEDBACK_SECRET: 'x'.repeat(16) }, site.dir)).toBeUndefined();
    expect(readSecretFromEnvFile({ FEEDBACK_SECRET_FILE: '/run/secret' }, site.dir)).toBeUndefined();
    writeFileSync(file, 'FEEDBACK_SECRET=\n');
    expect(readSecretFromEnvFile({}, site.dir)).toBeUndefined();
  });
});

describe('the manifest feedback serve reads by default', () => {
  it("is in the outDir of the site's Astro config, not always dist/", async () => {
    const site = createTempSite();
    sites.push(site);
    mkdirSync(path.join(site.dir, 'built'));
    copyFileSync(site.manifestFile, path.join(site.dir, 'built/feedback-manifest.json'));
    writeFileSync(path.join(site.dir, 'astro.config.mjs'), "export default { outDir: './built' };\n");
    const server = await spawnFeedbackServer({ FEEDBACK_DB: site.dbFile }, [], site.dir);
    try {
      await expect.poll(() => server.logs()).toContain('"event":"listening"');
      expect(readListening(server).manifest).toBe(path.join(site.dir, 'built/feedback-manifest.json'));
    } finally {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
  });
});
