/** scripts/release.mjs in a throw-away git repository holding copies of the real release files. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNextVersion, releaseChangelog, RELEASE_FILES } from './release.mjs';

const REPO = path.resolve(import.meta.dirname, '..');
const SCRIPT = path.join(REPO, 'scripts/release.mjs');
const current = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;

let tmp: string;

function git(cwd: string, ...args: string[]) {
  const out = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout;
}

/** A git repository with the release files as they are in this checkout, committed. */
function makeRepo(name: string) {
  const root = path.join(tmp, name);
  for (const file of RELEASE_FILES) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    cpSync(path.join(REPO, file), path.join(root, file));
  }
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'Start');
  return root;
}

function runRelease(root: string, ...args: string[]) {
  const out = spawnSync(process.execPath, [SCRIPT, ...args, '--root', root, '--date', '2026-12-07'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-release-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('getNextVersion', () => {
  it('bumps or takes an explicit version after the current one', () => {
    expect(getNextVersion('0.2.0', 'minor')).toBe('0.3.0');
    expect(getNextVersion('0.2.0', 'patch')).toBe('0.2.1');
    expect(getNextVersion('0.2.0', 'major')).toBe('1.0.0');
    expect(getNextVersion('0.3.0-rc.1', 'patch')).toBe('0.3.0');
    expect(getNextVersion('0.2.0', '0.3.0-rc.1')).toBe('0.3.0-rc.1');
    expect(() => getNextVersion('0.2.0', '0.2.0')).toThrow('0.2.0 is not after the current version 0.2.0');
    expect(() => getNextVersion('0.3.0', '0.3.0-rc.1')).toThrow('0.3.0-rc.1 is not after the current version 0.3.0');
    expect(() => getNextVersion('0.2.0', 'next')).toThrow(
      '"next" is not a version (x.y.z) or one of major, minor, patch',
    );
  });
});

describe('releaseChangelog', () => {
  it('moves the Unreleased entries under the version and date, leaving an empty Unreleased', () => {
    const text = '# Changelog\n\n## Unreleased\n\n### Added\n\n- A\n\n## 0.2.0 - 2026-12-02\n\n- B\n';
    expect(releaseChangelog(text, '0.3.0', '2026-12-07')).toBe(
      '# Changelog\n\n## Unreleased\n\n## 0.3.0 - 2026-12-07\n\n### Added\n\n- A\n\n## 0.2.0 - 2026-12-02\n\n- B\n',
    );
    expect(() => releaseChangelog('# Changelog\n\n## Unreleased\n\n## 0.2.0\n\n- B\n', '0.3.0', '2026-12-07')).toThrow(
      'CHANGELOG.md has nothing under "## Unreleased": nothing to release',
    );
    expect(() => releaseChangelog('# Changelog\n\n## 0.2.0\n', '0.3.0', '2026-12-07')).toThrow(
      'CHANGELOG.md has no "## Unreleased" heading',
    );
  });
});

describe('scripts/release.mjs', () => {
  it('--dry-run prints the plan and changes nothing', () => {
    const root = makeRepo('dry');
    const before = RELEASE_FILES.map((f) => readFileSync(path.join(root, f), 'utf8'));
    const next = getNextVersion(current, 'minor');
    expect(runRelease(root, 'minor', '--dry-run')).toEqual({
      status: 0,
      stdout:
        `helpdesk-kit and create-helpdesk-kit ${current} -> ${next}\n` +
        `CHANGELOG.md: "## Unreleased" -> "## ${next} - 2026-12-07", with a new empty Unreleased\n` +
        `commit "Release ${next}" (${RELEASE_FILES.join(', ')}) and tag v${next}\n` +
        'dry run: nothing changed\n',
      stderr: '',
    });
    expect(RELEASE_FILES.map((f) => readFileSync(path.join(root, f), 'utf8'))).toEqual(before);
    expect(git(root, 'tag', '--list')).toBe('');
    expect(git(root, 'log', '--format=%s')).toBe('Start\n');
  });

  it('sets one version in both packages and the lock, dates the CHANGELOG, commits and tags', () => {
    const root = makeRepo('real');
    const next = getNextVersion(current, 'minor');
    const out = runRelease(root, 'minor');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const read = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8'));
    expect(read('package.json').version).toBe(next);
    expect(read('packages/create-helpdesk-kit/package.json').version).toBe(next);
    const lock = read('package-lock.json');
    expect([lock.version, lock.packages[''].version, lock.packages['packages/create-helpdesk-kit'].version]).toEqual([
      next,
      next,
      next,
    ]);
    // Only the version lines changed in the manifests: the rest is as npm and Prettier write it.
    const diff = git(
      root,
      'diff',
      'HEAD~1',
      '--numstat',
      '--',
      'package.json',
      'packages/create-helpdesk-kit/package.json',
    );
    expect(diff).toBe('1\t1\tpackage.json\n1\t1\tpackages/create-helpdesk-kit/package.json\n');
    const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## Unreleased\n\n## ${next} - 2026-12-07\n`);
    expect(git(root, 'log', '--format=%s')).toBe(`Release ${next}\nStart\n`);
    expect(git(root, 'tag', '--points-at', 'HEAD')).toBe(`v${next}\n`);
    expect(git(root, 'status', '--porcelain')).toBe('');

    // Again: nothing is under Unreleased now.
    expect(runRelease(root, 'patch')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'release: CHANGELOG.md has nothing under "## Unreleased": nothing to release\n',
    });
  });

  it('refuses uncommitted changes to the release files, an existing tag and versions that differ', () => {
    const root = makeRepo('refuse');
    const next = getNextVersion(current, 'minor');
    git(root, 'tag', `v${next}`);
    expect(runRelease(root, 'minor')).toEqual({
      status: 1,
      stdout: '',
      stderr: `release: the tag v${next} exists already\n`,
    });
    writeFileSync(path.join(root, 'CHANGELOG.md'), 'edited\n');
    expect(runRelease(root, 'minor').stderr).toBe('release: commit or undo these changes first:\nM CHANGELOG.md\n');
    git(root, 'checkout', '--', 'CHANGELOG.md');
    const file = path.join(root, 'packages/create-helpdesk-kit/package.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"version": "${current}"`, '"version": "9.9.9"'));
    git(root, 'commit', '-qam', 'Drift');
    expect(runRelease(root, 'minor').stderr).toBe(
      `release: versions differ: helpdesk-kit ${current}, create-helpdesk-kit 9.9.9\n`,
    );
  });
});
