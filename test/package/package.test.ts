/**
 * The package as a team gets it: `npm pack` the repository, `helpdesk-kit init` a site in a
 * temporary folder outside the repository, install the tarball there (from the registry for
 * everything else), replace a component and add a stylesheet through the integration's options,
 * build, search the built index with Pagefind, and run the CLI's lint and feedback report there.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSearch } from '../../src/search/node-search.ts';
import { createSqliteStore } from '../../src/feedback/server/stores/sqlite.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const FOOTER_MARKER = `package-test-footer-${process.pid}`;
const CSS_RULE = `.package-test-rule-${process.pid}{outline-color:#123456}`;
const KEEP = process.env.HELPDESK_PACKAGE_TEST_KEEP === '1';

const timings: [string, number][] = [];
function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - start;
    timings.push([label, ms]);
    process.stderr.write(`[package test] ${label}: ${(ms / 1000).toFixed(1)} s\n`);
  }
}

/** Runs a command and returns its stdout (and stderr after it, `withStderr`); throws with its output when it fails. */
function run(
  command: string,
  args: string[],
  { withStderr = false, ...options }: SpawnSyncOptions & { cwd: string; withStderr?: boolean },
): string {
  const out = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: cleanEnv(), ...options });
  if (out.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${out.status ?? out.signal} in ${options.cwd}\n--- stdout\n${String(out.stdout)}\n--- stderr\n${String(out.stderr)}`,
    );
  }
  return withStderr ? `${String(out.stdout)}\n${String(out.stderr)}` : String(out.stdout);
}

/** The environment without what the repository's own npm run sets (npm_*, the repo's .bin on PATH). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((p) => !p.startsWith(REPO))
    .join(path.delimiter);
  env.ASTRO_TELEMETRY_DISABLED = '1';
  return env;
}

let tmp: string;
let site: string;
let tarball: string;
/** What `npm install` in the site printed, warnings included. */
let installOutput: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-package-'));
  expect(path.relative(REPO, tmp).startsWith('..')).toBe(true);

  // npm pack runs `prepare`, which compiles src/ to dist/.
  const packed = timed('npm pack (compiles the package)', () =>
    JSON.parse(
      run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] }),
    ),
  ) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, packed[0]!.filename);
  const files = packed[0]!.files.map((f) => f.path);
  expect(files).toContain('dist/cli/index.js');
  expect(files).toContain('templates/starter/gitignore');
  expect(
    files.some(
      (f) => f.startsWith('content/') || f.startsWith('test/') || f.startsWith('scripts/') || f.endsWith('.test.js'),
    ),
  ).toBe(false);

  timed('helpdesk-kit init', () =>
    run(process.execPath, [path.join(REPO, 'dist/cli/index.js'), 'init', 'site'], { cwd: tmp }),
  );
  site = path.join(tmp, 'site');

  // The tarball instead of the registry's helpdesk-kit; everything else from the registry.
  const pkgFile = path.join(site, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  pkg.dependencies['helpdesk-kit'] = `file:${tarball}`;
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));

  // One replaced component and one stylesheet, through the integration's options.
  writeFileSync(path.join(site, 'src/MyFooter.astro'), `<footer class="my-footer"><p>${FOOTER_MARKER}</p></footer>\n`);
  writeFileSync(path.join(site, 'src/custom.css'), `${CSS_RULE}\n`);
  const configFile = path.join(site, 'astro.config.mjs');
  const config = readFileSync(configFile, 'utf8');
  expect(config).toContain('helpCenter()');
  writeFileSync(
    configFile,
    config.replace(
      'helpCenter()',
      "helpCenter({ components: { SiteFooter: './src/MyFooter.astro' }, customCss: ['./src/custom.css'] })",
    ),
  );

  // better-sqlite3 (optional, for the report's SQLite store) compiles from source when its
  // prebuilt binary cannot be downloaded: most of this step.
  installOutput = timed('npm install in the site (tarball + registry)', () =>
    run('npm', ['install', '--no-audit', '--no-fund'], { cwd: site, withStderr: true }),
  );
  // The site as a team has it: a git repository (the build and lint read last-change dates from git).
  run('git', ['init', '-q'], { cwd: site });
  run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'add', '.'], { cwd: site });
  run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'Starter'], { cwd: site });

  timed('npx astro build', () => run('npx', ['astro', 'build'], { cwd: site }));
});

afterAll(() => {
  process.stderr.write(
    `[package test] timings: ${timings.map(([l, ms]) => `${l} ${(ms / 1000).toFixed(1)} s`).join('; ')}\n`,
  );
  if (tmp && !KEEP) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) process.stderr.write(`[package test] kept ${tmp}\n`);
});

describe('a site made with helpdesk-kit init from the packed package', () => {
  it('installed helpdesk-kit from the tarball, without tsx', () => {
    const installed = JSON.parse(readFileSync(path.join(site, 'node_modules/helpdesk-kit/package.json'), 'utf8'));
    expect(installed.version).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    expect(existsSync(path.join(site, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(path.join(site, 'src/pages'))).toBe(false);
  });

  it('installs without an engine warning on the Node the package supports', () => {
    expect(installOutput).not.toMatch(/EBADENGINE/);
    // The undici Astro's font code loads: its own copy if npm nested one, else the site's.
    const nested = path.join(site, 'node_modules/unifont/node_modules/undici/package.json');
    const undici = existsSync(nested) ? nested : path.join(site, 'node_modules/undici/package.json');
    expect(JSON.parse(readFileSync(undici, 'utf8')).version).toMatch(/^7\./);
  });

  it('builds pages with the replaced footer and the custom stylesheet', () => {
    const html = readFileSync(path.join(site, 'dist/index.html'), 'utf8');
    expect(html).toContain(FOOTER_MARKER);
    const article = readFileSync(path.join(site, 'dist/account/reset-password/index.html'), 'utf8');
    expect(article).toContain(FOOTER_MARKER);
    // The rule is in a stylesheet the page links.
    const linked = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    const sheets = linked.map((href) => readFileSync(path.join(site, 'dist', href.replace(/^\//, '')), 'utf8'));
    const normalize = (css: string) => css.replace(/\s+/g, '');
    expect(sheets.some((css) => normalize(css).includes(normalize(CSS_RULE).replace(/}$/, '')))).toBe(true);
  });

  it('finds a starter article with a real Pagefind search of dist/', async () => {
    const search = await timed('search index load', () => createNodeSearch(path.join(site, 'dist')));
    const results = await search.search('spam folder');
    expect(results[0]?.url).toBe('/account/reset-password/');
    const faq = await search.search('change email address');
    expect(faq.map((r) => r.url).join(' ')).toContain('/faq/');
  });

  it('helpdesk-kit lint passes on the starter content', () => {
    const out = timed('npx helpdesk-kit lint', () =>
      spawnSync('npx', ['helpdesk-kit', 'lint'], { cwd: site, encoding: 'utf8', env: cleanEnv() }),
    );
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/files checked: no problems\n$/);
    expect(out.status).toBe(0);
  });

  it('helpdesk-kit feedback report --format html > f.html writes a valid HTML page', async () => {
    // Votes in the site's default store (data/feedback.db), written by the repository's own store.
    mkdirSync(path.join(site, 'data'), { recursive: true });
    const store = await createSqliteStore({ file: path.join(site, 'data/feedback.db') });
    const day = new Date().toISOString().slice(0, 10);
    for (const [i, vote] of (['up', 'down', 'down'] as const).entries()) {
      await store.recordVote({
        eventId: `00000000-0000-4000-8000-00000000000${i}`,
        itemId: 'article:reset-password',
        visitorHash: `visitor-${i}`,
        day,
        vote,
        reason: null,
        comment: null,
        pagePath: '/account/reset-password/',
        language: 'en',
        revision: 'test',
        replaces: null,
        receivedAt: Date.now(),
      });
    }
    await store.close();
    timed('helpdesk-kit feedback report --format html', () =>
      execFileSync('sh', ['-c', 'npx helpdesk-kit feedback report --format html > f.html'], {
        cwd: site,
        env: cleanEnv(),
        stdio: ['ignore', 'inherit', 'pipe'],
      }),
    );
    const html = readFileSync(path.join(site, 'f.html'), 'utf8');
    expect(html.slice(0, 15).toLowerCase()).toBe('<!doctype html>');
    expect(html).toContain('Reset your password');
    expect(html.trimEnd()).toMatch(/<\/html>$/);
    expect(readdirSync(site)).toContain('f.html');
  });
});
