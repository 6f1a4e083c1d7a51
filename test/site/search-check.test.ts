/**
 * `helpdesk-kit search check` end to end: a small site is built with the real `astro build`, its
 * probes pass; a copy whose article title no longer says what readers search for is built too,
 * and the check fails on it, naming the probe, alone and against the first build's saved results.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import type { CliIo } from '../../src/cli/io.ts';
import type { SearchCheckResults } from '../../src/tools/search-check/results-file.ts';
import { buildSite, REPO_ROOT, SITES_DIR } from '../helpers/build-site.ts';
import { writeTempSite } from '../helpers/temp-site.ts';

const page = (title: string, description: string, body: string) =>
  `---\ntitle: ${title}\ndescription: ${description}\n---\n\n${body}\n`;

const FILES: Record<string, string> = {
  'content/site.yaml': 'name: Probe Test Help\nurl: https://probes.test.example\nlanguage: en\n',
  'content/categories.yaml':
    '- id: delivery\n  title: Delivery\n  description: Getting your order.\n- id: account\n  title: Account\n  description: Your account.\n',
  'content/articles/delivery/parcel-lockers.md': page(
    'Pick up your order from a parcel locker',
    'Choose a pick-up box at checkout and collect your order with the code we send you.',
    '## Choose a box\n\nAt checkout, pick a box near you. We send a code when your order arrives.',
  ),
  'content/articles/delivery/delivery-times.md': page(
    'Delivery times',
    'How many business days standard and express delivery take in each country.',
    '## Standard delivery\n\nStandard delivery takes 3 to 5 business days.',
  ),
  'content/articles/account/reset-password.md': page(
    'Reset your password',
    'Forgot your password? Request a reset link by email and choose a new one.',
    '## Request a link\n\nOpen the sign-in page and choose "Forgot password".',
  ),
  'content/faqs/account/change-email.md':
    '---\nquestion: How do I change my email address?\n---\n\nOpen your account settings and edit the email field.\n',
  'content/search-probes.yaml': [
    '# What readers search for, and the page that should come first.',
    '- { query: parcel locker, expect: /delivery/parcel-lockers/ }',
    '- { query: reset password, expect: /account/reset-password/ }',
    '- { query: how long does delivery take, expect: /delivery/delivery-times/ }',
    '- { query: change email, expect: "/faq/#change-email" }',
    '',
  ].join('\n'),
};

/** Only the title changes: the words readers search for were only in it. */
const RETITLED = FILES['content/articles/delivery/parcel-lockers.md']!.replace(
  'title: Pick up your order from a parcel locker',
  'title: Collect your order from a pick-up box',
);

let before: string;
let after: string;
/** Temp folders to remove at the end. */
const temps: string[] = [];
const tempSite = (files: Record<string, string>) => {
  const root = writeTempSite(files, false);
  temps.push(root);
  return root;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function buildFixture(name: string, root: string): string {
  const build = buildSite(name, path.join(root, 'content'));
  if (build.status !== 0) throw new Error(`Building the ${name} fixture failed:\n${build.output}`);
  return build.outDir;
}

async function check(root: string, dist: string, ...args: string[]) {
  return runCliIn(root, ['search', 'check', '--dist', dist, ...args]);
}

async function runCliIn(cwd: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env: {},
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

beforeAll(() => {
  before = tempSite(FILES);
  after = tempSite(FILES);
  writeFileSync(path.join(after, 'content/articles/delivery/parcel-lockers.md'), RETITLED);
  buildFixture('search-check-before', before);
  buildFixture('search-check-after', after);
}, 240_000);

const sitesDir = (name: string) => path.join(SITES_DIR, name);

describe('helpdesk-kit search check on a built site', () => {
  it('passes when every probe finds its page in the top 3, and prints each rank and the figures', async () => {
    const { code, stdout, stderr } = await check(before, sitesDir('search-check-before'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Search check: 4 probes from content/search-probes.yaml');
    expect(stdout).toMatch(/^\s+1 {2}parcel locker -> \/delivery\/parcel-lockers\/$/m);
    expect(stdout).toContain('4 probes checked: passed');
    expect(stdout).toMatch(/^hit@1 \d\/4 \([\d.]+%\), hit@3 4\/4 \(100\.0%\), MRR [\d.]+$/m);
  }, 60_000);

  it('fails after a title change that breaks a probe, naming the probe and its line', async () => {
    const { code, stdout } = await check(after, sitesDir('search-check-after'));
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^content\/search-probes\.yaml:2:3 {2}error {2}"parcel locker": \/delivery\/parcel-lockers\/ is (not in the top 10|#\d+, not in the top 3); (first is \S+|the search finds nothing) {2}\(search-check\)$/m,
    );
    expect(stdout).toContain('4 probes checked: 1 probe failed');
  }, 60_000);

  it('compares with the results saved from the main build: which probes got worse, and by how much', async () => {
    const saved = path.join(before, 'main-results.json');
    expect((await check(before, sitesDir('search-check-before'), '--save', saved)).code).toBe(0);
    const main = JSON.parse(readFileSync(saved, 'utf8')) as SearchCheckResults;
    expect(main.probes.map((p) => [p.query, p.rank !== null && p.rank <= 3])).toEqual([
      ['parcel locker', true],
      ['reset password', true],
      ['how long does delivery take', true],
      ['change email', true],
    ]);

    const { code, stdout } = await check(
      after,
      sitesDir('search-check-after'),
      '--baseline',
      saved,
      '--format',
      'json',
    );
    expect(code).toBe(1);
    const pr = JSON.parse(stdout) as SearchCheckResults;
    const locker = pr.probes.find((p) => p.query === 'parcel locker')!;
    expect(locker).toMatchObject({ before: main.probes[0]!.rank, change: 'worse' });
    expect(locker.failure).toMatch(
      /^\/delivery\/parcel-lockers\/ fell out of the top 3: #\d+ before, (not in the top 10|#\d+) now/,
    );
    expect(pr.summary).toMatchObject({ worse: 1, failed: 1, new: 0 });
    expect(pr.baselineFigures).toEqual(main.figures);

    // The other way round, the same probe got better: a pull request that fixes it passes.
    const fixed = path.join(after, 'broken-results.json');
    await check(after, sitesDir('search-check-after'), '--save', fixed);
    const back = await check(before, sitesDir('search-check-before'), '--baseline', fixed);
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(
      /^\s+\d+ +(not found|\d+) {2}better[^\n]* {2}parcel locker -> \/delivery\/parcel-lockers\/$/m,
    );
    expect(back.stdout).toMatch(/^1 better, 0 worse, 3 the same, 0 new$/m);
  }, 60_000);

  it('prints GitHub annotations on the probes file for a failing probe', async () => {
    const { code, stdout } = await check(after, sitesDir('search-check-after'), '--format', 'github');
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^::error file=content\/search-probes\.yaml,line=2,col=3,title=search-check::"parcel locker": /m,
    );
  }, 60_000);

  it("searches the index of each probe's language on a site with several (the sample site)", async () => {
    const root = tempSite({
      'probes.yaml': [
        '- { query: Passwort vergessen, expect: /de/account/reset-password/, language: de }',
        '- { query: パスワード, expect: /ja/account/reset-password/, language: ja }',
        '- { query: reset password, expect: /account/reset-password/ }',
        '- { query: Passwort, expect: /account/reset-password/, language: de }',
        '',
      ].join('\n'),
    });
    const { code, stdout } = await runCliIn(REPO_ROOT, [
      'search',
      'check',
      '--dist',
      sitesDir('sample'),
      '--probes',
      path.join(root, 'probes.yaml'),
    ]);
    expect(code).toBe(1);
    const file = path.relative(REPO_ROOT, path.join(root, 'probes.yaml'));
    expect(stdout).toContain('        1  Passwort vergessen (de) -> /de/account/reset-password/\n');
    expect(stdout).toContain('        1  パスワード (ja) -> /ja/account/reset-password/\n');
    expect(stdout).toContain('        1  reset password (en) -> /account/reset-password/\n');
    expect(stdout).toContain(
      `${file}:4:22  error  "Passwort" (de): "/account/reset-password/" is a page in en, not in de; remove its "language" or expect the de page  (search-check)`,
    );
  }, 60_000);

  it('takes probes without the deployment base on a site served under one, and never expects a draft', async () => {
    const probes = tempSite({
      'probes.yaml':
        '- { query: payouts, expect: /money/payouts/ }\n- { query: payout fees, expect: "/faq/#payout-fees" }\n- { query: unfinished, expect: /start/unfinished/ }\n',
    });
    const root = path.join(REPO_ROOT, 'test/fixtures/base-path');
    const { code, stdout } = await runCliIn(root, [
      'search',
      'check',
      '--dist',
      sitesDir('base-path'),
      '--probes',
      path.join(probes, 'probes.yaml'),
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as SearchCheckResults;
    expect(results.probes.map((p) => [p.query, p.rank, p.failure])).toEqual([
      ['payouts', 1, undefined],
      ['payout fees', 1, undefined],
      [
        'unfinished',
        null,
        '"/start/unfinished/" is not a published article or FAQ question; use an article path like "/account/reset-password/" or "/faq/#<faq file name>"',
      ],
    ]);
  }, 60_000);

  it('fails on a probe whose page is not published, and stops with exit 2 on an invalid probes file', async () => {
    const root = tempSite(FILES);
    writeFileSync(
      path.join(root, 'content/search-probes.yaml'),
      '- { query: parcel locker, expect: /delivery/parcel-locker/ }\n',
    );
    const missing = await check(root, sitesDir('search-check-before'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(
      'content/search-probes.yaml:1:27  error  "parcel locker": "/delivery/parcel-locker/" is not a published article or FAQ question; use an article path like "/account/reset-password/" or "/faq/#<faq file name>" (did you mean "/delivery/parcel-lockers/"?)  (search-check)',
    );
    writeFileSync(
      path.join(root, 'content/search-probes.yaml'),
      '- { query: parcel locker, expect: delivery/parcel-lockers }\n',
    );
    const invalid = await check(root, sitesDir('search-check-before'));
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toBe(
      'content/search-probes.yaml:1:27  error  [0].expect: must be an article path like "/account/reset-password/" or a FAQ question like "/faq/#why-cant-i-log-in"  (search-probes)\nThe probes file has 1 problem; fix and run again.\n',
    );
  }, 60_000);
});
