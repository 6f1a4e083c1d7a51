import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGitHistory } from './git-history.ts';

describe('loadGitHistory', () => {
  let root: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  const commitAt = (message: string, unixSeconds: number) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', message], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, GIT_AUTHOR_DATE: `@${unixSeconds} +0000`, GIT_COMMITTER_DATE: `@${unixSeconds} +0000` },
    });

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'git-history-'));
    git('init', '-q');
    mkdirSync(path.join(root, 'content/billing'), { recursive: true });
    writeFileSync(path.join(root, 'content/billing/refunds.md'), '# Refunds\n\nHow refunds work, in several words.\n');
    writeFileSync(path.join(root, 'content/billing/invoices.md'), '# Invoices\n');
    git('add', '.');
    commitAt('first', 1_700_000_000);
    git('mv', 'content/billing/refunds.md', 'content/billing/get-a-refund.md');
    commitAt('rename', 1_700_100_000);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives each file the date of the last commit that touched it, and the renames', () => {
    const history = loadGitHistory(root);
    expect(history.available).toBe(true);
    expect(history.lastChanged.get('content/billing/get-a-refund.md')).toEqual(new Date(1_700_100_000_000));
    expect(history.lastChanged.get('content/billing/invoices.md')).toEqual(new Date(1_700_000_000_000));
    expect(history.renamedFrom.get('content/billing/get-a-refund.md')).toEqual(['content/billing/refunds.md']);
  });

  it('gives the files that exist the same dates without rename detection, which the site uses', () => {
    const withRenames = loadGitHistory(root);
    const withoutRenames = loadGitHistory(root, 'content', { renames: false });
    expect(withoutRenames.renamedFrom.size).toBe(0);
    for (const file of ['content/billing/get-a-refund.md', 'content/billing/invoices.md']) {
      expect(withoutRenames.lastChanged.get(file)).toEqual(withRenames.lastChanged.get(file));
    }
  });

  it('reports no history outside a git work tree', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'no-git-'));
    try {
      expect(loadGitHistory(outside).available).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
