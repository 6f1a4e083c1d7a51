/** `helpdesk-kit search check|seed` without a build: the setup and usage errors, exit 2 (the built-site test runs probes). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './index.ts';
import type { CliIo } from './io.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-search-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    cwd: tmp,
    env: {},
  };
  return { code: await runCli(argv, io), ...out };
}

describe('helpdesk-kit search check, usage and setup errors', () => {
  it('names the subcommands', async () => {
    const { code, stderr } = await run('search');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('say check or seed');
    expect((await run('search', 'find')).stderr).toBe(
      'there is no command "search find"; use search check or search seed\n',
    );
  });

  it('rejects an unknown format', async () => {
    const { code, stderr } = await run('search', 'check', '--format', 'xml');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('--format must be one of text, json, github, not "xml"');
  });

  it('says to build first when the build has no search index', async () => {
    const { code, stdout, stderr } = await run('search', 'check');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `${path.join(tmp, 'dist')} has no search index (pagefind/pagefind.js); build the site first (npm run build), or pass --dist\n`,
    );
  });

  it('rejects a baseline that is not saved results, saying how to make one', async () => {
    expect((await run('search', 'check', '--baseline', 'main.json')).stderr).toBe(
      "there is no baseline at main.json; save one from the main branch's build with helpdesk-kit search check --save main.json\n",
    );
    writeFileSync(path.join(tmp, 'other.json'), '{"version":1,"probes":[{"query":"x"}]}');
    const { code, stderr } = await run('search', 'check', '--baseline', 'other.json');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'the baseline other.json is not the results of helpdesk-kit search check --save (version 1):\nprobes[0].language: is required (expected string)\nprobes[0].expect: is required (expected string)\nprobes[0].rank: is required (expected number)\n',
    );
  });

  it('search seed says where it looked for the store', async () => {
    const { code, stderr } = await run('search', 'seed');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'there is no feedback database at data/feedback.db; point --store, FEEDBACK_DB or FEEDBACK_STORE_URL at the store the endpoint writes (site.yaml needs searchInsights: true)\n',
    );
  });
});
