/**
 * Astro's own `dev()`, then a `build()` that fails, then one that works, in one Node process (as a
 * script or a benchmark runs them): each command has its own build session, nothing of one leaks
 * into the next, and the process ends by itself (no Pagefind process or thread left running). The
 * compiled package (dist/) must be built. src/integration/build-session.test.ts has the hooks' details.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { article, faq, writeTempSite } from '../helpers/temp-site.ts';
import { getCleanEnv, REPO_ROOT } from '../helpers/build-site.ts';

const root = writeTempSite({
  'content/articles/billing/refunds.md': article('Refunds'),
  'content/faqs/billing/invoice.md': faq('Where do I find my invoice?'),
});
// A source folder whose own page throws as it renders: Astro then runs no hook of ours. Inside
// the repository, so its content config finds the package by name. A fresh clone has no .cache yet.
mkdirSync(path.join(REPO_ROOT, '.cache'), { recursive: true });
const failingSrc = mkdtempSync(path.join(REPO_ROOT, '.cache', 'failing-src-'));
mkdirSync(path.join(failingSrc, 'pages'));
writeFileSync(path.join(failingSrc, 'content.config.ts'), "export { collections } from 'helpdesk-kit/collections';\n");
writeFileSync(path.join(failingSrc, 'pages/boom.astro'), "---\nthrow new Error('boom');\n---\n");
// One whose page imports a file that is not there: the pages' bundle fails.
const unbundledSrc = mkdtempSync(path.join(REPO_ROOT, '.cache', 'unbundled-src-'));
mkdirSync(path.join(unbundledSrc, 'pages'));
writeFileSync(
  path.join(unbundledSrc, 'content.config.ts'),
  "export { collections } from 'helpdesk-kit/collections';\n",
);
writeFileSync(path.join(unbundledSrc, 'pages/missing.astro'), "---\nimport Nope from './nope.astro';\n---\n<Nope />\n");

// One whose content config has a collection whose loader throws: the content sync fails.
const unsyncedSrc = mkdtempSync(path.join(REPO_ROOT, '.cache', 'unsynced-src-'));
writeFileSync(
  path.join(unsyncedSrc, 'content.config.ts'),
  [
    "import { defineCollection } from 'astro:content';",
    "import { collections as help } from 'helpdesk-kit/collections';",
    'export const collections = {',
    '  ...help,',
    "  broken: defineCollection({ loader: { name: 'broken', load: async () => { throw new Error('sync boom'); } } }),",
    '};',
    '',
  ].join('\n'),
);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(unsyncedSrc, { recursive: true, force: true });
  rmSync(failingSrc, { recursive: true, force: true });
  rmSync(unbundledSrc, { recursive: true, force: true });
});

/** Runs in the child: reports the open session's command after each step. */
const SCRIPT = `
import { existsSync } from 'node:fs';
import { build, dev } from 'astro';
// The door's key (src/integration/build-session-door.ts): the test looks, it does not open.
const open = () => globalThis[Symbol.for('helpdesk-kit.build-session')]?.command ?? null;
const report = {};
const server = await dev({ root: process.cwd(), logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
report.duringDev = open();
const entry = await fetch(new URL('pagefind/pagefind-entry.json', 'http://' + server.address.address + ':' + server.address.port + '/'));
report.devIndex = entry.status;
await server.stop();
report.afterDev = open();
process.env.HELP_CENTER_SRC_DIR = process.env.FAILING_SRC;
report.failedBuild = await build({ root: process.cwd(), logLevel: 'silent' }).then(() => 'built', (e) => e.message);
report.afterFailedBuild = open();
process.env.HELP_CENTER_SRC_DIR = process.env.UNSYNCED_SRC;
report.unsyncedBuild = await build({ root: process.cwd(), logLevel: 'silent' }).then(() => 'built', (e) => e.message);
report.afterUnsyncedBuild = open();
process.env.HELP_CENTER_SRC_DIR = process.env.UNBUNDLED_SRC;
report.unbundledBuild = await build({ root: process.cwd(), logLevel: 'silent' }).then(() => 'built', () => 'failed');
report.afterUnbundledBuild = open();
delete process.env.HELP_CENTER_SRC_DIR;
await build({ root: process.cwd(), logLevel: 'silent' });
report.afterBuild = open();
report.builtIndex = existsSync(process.env.HELP_CENTER_OUT_DIR + '/pagefind/pagefind-entry.json');
console.log('REPORT ' + JSON.stringify(report));
`;

describe('one process running dev, a failing build and a build', () => {
  it('opens a session per command, closes each, and ends by itself', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
      cwd: REPO_ROOT,
      env: {
        ...getCleanEnv(),
        HELP_CENTER_CONTENT_DIR: path.join(root, 'content'),
        HELP_CENTER_OUT_DIR: path.join(root, 'dist'),
        HELP_CENTER_CACHE_DIR: path.join(root, 'cache'),
        FAILING_SRC: failingSrc,
        UNBUNDLED_SRC: unbundledSrc,
        UNSYNCED_SRC: unsyncedSrc,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      encoding: 'utf8',
      // A session left open (Pagefind's process, a thread) would keep the process from ending.
      timeout: 240_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.signal, output).toBeNull();
    expect(result.status, output).toBe(0);
    const report = JSON.parse(/^REPORT (.*)$/m.exec(result.stdout)?.[1] ?? 'null');
    expect(report).toEqual({
      duringDev: 'dev',
      devIndex: 200,
      afterDev: null,
      failedBuild: 'boom',
      // Astro runs no hook after a page fails to render: the session waits for the next command,
      // whose astro:config:setup closes it (Pagefind too) before opening its own.
      afterFailedBuild: 'build',
      // A content sync that fails (before our loaders were done) closes it when its Vite server closes.
      unsyncedBuild: 'sync boom',
      afterUnsyncedBuild: null,
      // A bundle that fails closes it at once (the plugin's buildEnd).
      unbundledBuild: 'failed',
      afterUnbundledBuild: null,
      afterBuild: null,
      builtIndex: true,
    });
  }, 300_000);
});
