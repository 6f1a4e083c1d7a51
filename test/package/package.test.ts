/**
 * The packages as a team gets them. scripts/pack.mjs packs both (helpdesk-kit and the
 * create-helpdesk-kit initializer, each from its staging folder); outside the repository the
 * packed initializer writes a site (`npm exec --package <tgz> -- create-helpdesk-kit`, which is
 * what `npm create helpdesk-kit` runs), `npm install <helpdesk-kit tgz>` installs it with
 * everything else from the registry, and the site is built with a replaced component and a
 * stylesheet, searched with Pagefind, linted and reported on. The install must print no warning
 * and compile nothing.
 *
 * The same site is also made the other way, `npx helpdesk-kit init` from the packed helpdesk-kit,
 * each way with an empty npm cache as a new team has: the two sites are compared and the time
 * and packages each way installs are printed (and written to HELPDESK_PACKAGE_FIGURES if set).
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSearch } from '../../src/search/node-search.ts';
import { createSqliteStore } from '../../src/feedback/server/stores/sqlite.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const FOOTER_MARKER = `package-test-footer-${process.pid}`;
const CSS_RULE = `.package-test-rule-${process.pid}{outline-color:#123456}`;
const KEEP = process.env.HELPDESK_PACKAGE_TEST_KEEP === '1';
const FIGURES_FILE = process.env.HELPDESK_PACKAGE_FIGURES;
const rootPackage = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

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
const seconds = (label: string) => (timings.find(([l]) => l === label)![1] / 1000).toFixed(1);

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

/**
 * Packages `npm install` put in an npm project's node_modules: the lock file's entries that are
 * on disk (the lock also lists the optional builds for other platforms, which are not installed).
 */
function countInstalled(projectDir: string): number {
  const lock = JSON.parse(readFileSync(path.join(projectDir, 'package-lock.json'), 'utf8'));
  return Object.keys(lock.packages).filter(
    (p) => p.includes('node_modules/') && existsSync(path.join(projectDir, p, 'package.json')),
  ).length;
}

/** The folder npx installed a tarball into, in the way's cache or the one it fell back to (npx names it by a hash). */
function findNpxProject(cache: string, tarball: string): string {
  const dirs = [cache, fallbackCaches.get(cache)]
    .filter((c): c is string => c !== undefined && existsSync(path.join(c, '_npx')))
    .flatMap((c) => readdirSync(path.join(c, '_npx')).map((d) => path.join(c, '_npx', d)))
    .filter((dir) => {
      const manifest = path.join(dir, 'package.json');
      if (!existsSync(manifest)) return false;
      const npx = (JSON.parse(readFileSync(manifest, 'utf8')) as { _npx?: { packages?: string[] } })._npx;
      return npx?.packages?.includes(tarball) ?? false;
    });
  expect(dirs).toHaveLength(1);
  return dirs[0]!;
}

/**
 * Each way starts from an empty npm cache, as on a new machine. Where the registry cannot be
 * reached (a TLS-intercepting proxy whose CA the environment does not pass on, no network), an
 * empty cache cannot install anything: the command runs once more with the user's own npm cache,
 * which npm falls back to offline, and the figures say so. Any other failure fails the test.
 */
const fallbackCaches = new Map<string, string>();
const NETWORK_FAILURE =
  /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|Found: astro@undefined/;
function runWithCache(cache: string, args: string[], cwd: string): string {
  if (!fallbackCaches.has(cache)) {
    try {
      return run('npm', [args[0]!, '--cache', cache, ...args.slice(1)], { cwd, withStderr: true });
    } catch (err) {
      if (!NETWORK_FAILURE.test(String(err))) throw err;
      const own = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8', env: cleanEnv() }).stdout.trim();
      process.stderr.write(
        `[package test] the registry could not be reached with an empty cache (${String(err).match(NETWORK_FAILURE)![0]}); using ${own} instead, so the figures are not from an empty cache\n`,
      );
      fallbackCaches.set(cache, own);
    }
  }
  // Offline, npm would retry every fetch for minutes before it takes the cached copy.
  const offline = ['--prefer-offline', '--fetch-retries=0', '--fetch-timeout=5000'];
  return run('npm', [args[0]!, '--cache', fallbackCaches.get(cache)!, ...offline, ...args.slice(1)], {
    cwd,
    withStderr: true,
  });
}

/** Every file of a site with its text, the endpoint secret's value masked. */
function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!entry.isFile() || rel.startsWith('node_modules') || rel === 'package-lock.json') continue;
    tree[rel.split(path.sep).join('/')] = readFileSync(path.join(dir, rel), 'utf8').replace(
      /^FEEDBACK_SECRET=[0-9a-f]{64}$/m,
      'FEEDBACK_SECRET=<secret>',
    );
  }
  return tree;
}

let tmp: string;
let site: string;
let kitTarball: string;
let createTarball: string;
let kitFiles: string[];
let createFiles: string[];
/** What `npm install` in the site printed, warnings included. */
let installOutput: string;
/** The starter as `npm create` wrote it, before anything was installed or changed. */
let created: Record<string, string>;
const figures: {
  path: string;
  scaffold: { seconds: string; packages: number };
  install: { seconds: string; packages: number };
}[] = [];

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-package-'));
  expect(path.relative(REPO, tmp).startsWith('..')).toBe(true);

  const packed = timed('npm run pack:staged (compiles, stages and packs both packages)', () =>
    JSON.parse(
      run(process.execPath, [path.join(REPO, 'scripts/pack.mjs'), '--out', path.join(tmp, 'pack'), '--json'], {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    ),
  ) as { staged: string[]; tarballs: string[] };
  [kitTarball, createTarball] = packed.tarballs as [string, string];
  const list = (tgz: string) =>
    run('tar', ['-tzf', tgz], { cwd: tmp })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
  kitFiles = list(kitTarball);
  createFiles = list(createTarball);

  // 1. npm create, as a new team: an empty npm cache, the initializer from its tarball.
  const cacheA = path.join(tmp, 'cache-create');
  mkdirSync(path.join(tmp, 'create'));
  const createOutput = timed('npm create (npm exec --package create-helpdesk-kit.tgz)', () =>
    runWithCache(
      cacheA,
      ['exec', '--yes', '--package', createTarball, '--', 'create-helpdesk-kit', 'my-help'],
      path.join(tmp, 'create'),
    ),
  );
  expect(createOutput).toContain('Next steps:\n  cd my-help\n  npm install\n  npm run dev\n');
  site = path.join(tmp, 'create/my-help');
  created = readTree(site);

  // The packed helpdesk-kit instead of the registry's (README: "try the packed tarballs"); the
  // rest from the registry. --foreground-scripts shows any install script's output, so a
  // compile would be seen.
  installOutput = timed('npm install in the site (npm create path)', () =>
    runWithCache(cacheA, ['install', '--no-audit', '--no-fund', '--foreground-scripts', kitTarball], site),
  );
  figures.push({
    path: 'npm create helpdesk-kit',
    scaffold: {
      seconds: seconds('npm create (npm exec --package create-helpdesk-kit.tgz)'),
      packages: countInstalled(findNpxProject(cacheA, createTarball)),
    },
    install: { seconds: seconds('npm install in the site (npm create path)'), packages: countInstalled(site) },
  });

  // 2. npx helpdesk-kit init, as a new team: an empty npm cache, npx installs the package first.
  const cacheB = path.join(tmp, 'cache-init');
  mkdirSync(path.join(tmp, 'init'));
  timed('npx helpdesk-kit init (npm exec --package helpdesk-kit.tgz)', () =>
    runWithCache(
      cacheB,
      ['exec', '--yes', '--package', kitTarball, '--', 'helpdesk-kit', 'init', 'my-help'],
      path.join(tmp, 'init'),
    ),
  );
  const initSite = path.join(tmp, 'init/my-help');
  expect(readTree(initSite)).toEqual(created);
  timed('npm install in the site (npx init path)', () =>
    runWithCache(cacheB, ['install', '--no-audit', '--no-fund', kitTarball], initSite),
  );
  figures.push({
    path: 'npx helpdesk-kit init',
    scaffold: {
      seconds: seconds('npx helpdesk-kit init (npm exec --package helpdesk-kit.tgz)'),
      packages: countInstalled(findNpxProject(cacheB, kitTarball)),
    },
    install: { seconds: seconds('npm install in the site (npx init path)'), packages: countInstalled(initSite) },
  });
  rmSync(path.join(tmp, 'init'), { recursive: true, force: true });

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
  if (figures.length === 2) {
    const text = formatFigures();
    process.stderr.write(`${text}\n`);
    if (FIGURES_FILE) writeFileSync(FIGURES_FILE, text);
  }
  if (tmp && !KEEP) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) process.stderr.write(`[package test] kept ${tmp}\n`);
});

function formatFigures(): string {
  const packages = (n: number) => `${n} package${n === 1 ? '' : 's'}`;
  const row = (f: (typeof figures)[number]) =>
    `| ${f.path} | ${f.scaffold.seconds} s, ${packages(f.scaffold.packages)} | ${f.install.seconds} s, ${packages(f.install.packages)} | ${(Number(f.scaffold.seconds) + Number(f.install.seconds)).toFixed(1)} s, ${packages(f.scaffold.packages + f.install.packages)} |`;
  return [
    '# npm create helpdesk-kit against npx helpdesk-kit init',
    '',
    `Measured by \`npm run test:package\` (test/package/package.test.ts) on ${new Date().toISOString().slice(0, 10)}:`,
    `Node ${process.versions.node}, npm ${run('npm', ['--version'], { cwd: tmp }).trim()}, ${cpus().length} cores,`,
    `helpdesk-kit and create-helpdesk-kit ${rootPackage.version} packed by \`node scripts/pack.mjs\`. Each way`,
    'starts with an empty npm cache (`--cache <new folder>`), as on a new machine; packages are counted',
    "in the lock file npm writes (npx's own folder in the cache, and the site's) that are on disk.",
    ...(fallbackCaches.size > 0
      ? [
          '',
          "**Not from an empty cache:** the registry could not be reached, so npm installed from the user's own cache.",
        ]
      : []),
    '',
    '| way | write the starter | then `npm install` in the site | together |',
    '| --- | --- | --- | --- |',
    ...figures.map(row),
    '',
    'Commands (the tarballs instead of the registry, which is what the README says to try before publishing):',
    '',
    '```sh',
    'node scripts/pack.mjs --out $PACK',
    '# npm create helpdesk-kit@latest my-help',
    'npm exec --yes --cache $CACHE_A --package $PACK/create-helpdesk-kit-<version>.tgz -- create-helpdesk-kit my-help',
    'cd my-help && npm install --cache $CACHE_A --no-audit --no-fund --foreground-scripts $PACK/helpdesk-kit-<version>.tgz',
    '# npx helpdesk-kit init my-help',
    'npm exec --yes --cache $CACHE_B --package $PACK/helpdesk-kit-<version>.tgz -- helpdesk-kit init my-help',
    'cd my-help && npm install --cache $CACHE_B --no-audit --no-fund $PACK/helpdesk-kit-<version>.tgz',
    '```',
    '',
    "The init way's `npm install` reuses the cache npx filled, so it is faster than the create way's;",
    'the create way downloads each package once.',
    '',
  ].join('\n');
}

describe('the packed packages', () => {
  it('helpdesk-kit ships the compiled package, the templates and the docs, with a manifest without scripts', () => {
    expect(kitFiles).toContain('dist/cli/index.js');
    expect(kitFiles).toContain('templates/starter/gitignore');
    expect(kitFiles).toContain('templates/scaffold.mjs');
    expect(kitFiles).toContain('docs/feedback.md');
    expect(
      kitFiles.filter(
        (f) =>
          f.startsWith('content/') ||
          f.startsWith('test/') ||
          f.startsWith('scripts/') ||
          f.startsWith('packages/') ||
          f.startsWith('docs/screenshots/') ||
          f.endsWith('.test.js'),
      ),
    ).toEqual([]);
    const manifest = JSON.parse(run('tar', ['-xzOf', kitTarball, 'package/package.json'], { cwd: tmp }));
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
  });

  it('create-helpdesk-kit ships its script and the template, and nothing else', () => {
    expect(createFiles.filter((f) => !f.startsWith('templates/')).sort()).toEqual([
      'LICENSE',
      'README.md',
      'index.mjs',
      'package.json',
    ]);
    expect(createFiles.filter((f) => f.startsWith('templates/')).sort()).toEqual(
      kitFiles
        .filter((f) => f.startsWith('templates/'))
        .concat('templates/helpdesk-kit.json')
        .sort(),
    );
  });

  it('npm create and npx helpdesk-kit init write the same site, npx installing far more to do it', () => {
    expect(Object.keys(created)).toHaveLength(31);
    const [create, init] = figures;
    expect(create!.scaffold.packages).toBe(1);
    expect(init!.scaffold.packages).toBeGreaterThan(100);
  });
});

describe('a site made with npm create from the packed initializer', () => {
  it('installed helpdesk-kit from the tarball, Astro 7, without tsx or a native SQLite module', () => {
    const installed = JSON.parse(readFileSync(path.join(site, 'node_modules/helpdesk-kit/package.json'), 'utf8'));
    expect(installed.version).toBe(rootPackage.version);
    expect(existsSync(path.join(site, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(path.join(site, 'src/pages'))).toBe(false);
    expect(run('npm', ['ls', 'astro', '--depth=0'], { cwd: site })).toMatch(/astro@7\.\d+\.\d+/);
    expect(existsSync(path.join(site, 'node_modules/better-sqlite3'))).toBe(false);
    expect(run('npm', ['ls', '--all', '--parseable'], { cwd: site })).not.toContain('better-sqlite3');
  });

  it('installs without a warning and compiles nothing', () => {
    expect(installOutput).not.toMatch(/npm warn/i);
    expect(installOutput).not.toMatch(/EBADENGINE/);
    expect(installOutput).not.toMatch(/allowScripts|install scripts?/i);
    expect(installOutput).not.toMatch(/gyp/i);
    // No installed package has an install script: nothing for npm to run or ask about.
    expect(run('npm', ['install-scripts', 'ls'], { cwd: site, withStderr: true })).toContain(
      'No packages with unreviewed install scripts.',
    );
    const compiled = spawnSync('find', ['node_modules', '-path', '*/build/Release/*.node'], {
      cwd: site,
      encoding: 'utf8',
    });
    expect(compiled.stdout).toBe('');
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

  it('every doc the starter points to is in node_modules/helpdesk-kit', () => {
    const refs = new Set(
      Object.values(created).flatMap((text) =>
        [...text.matchAll(/node_modules\/helpdesk-kit\/([\w./-]*\w)/g)].map((m) => m[1]!),
      ),
    );
    expect(refs.size).toBeGreaterThanOrEqual(3);
    for (const ref of refs) expect(existsSync(path.join(site, 'node_modules/helpdesk-kit', ref)), ref).toBe(true);
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
