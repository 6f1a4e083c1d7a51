/**
 * Last-change dates for every file, read from git history in ONE pass (one `git log` process
 * for the whole site, never one per file). Falls back cleanly outside git and in shallow clones.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface GitHistory {
  /** False when `root` is not inside a git work tree or git is not installed. */
  available: boolean;
  /** True in a shallow clone: dates of files last touched at the clone boundary are unknown. */
  shallow: boolean;
  /** The commit the build is made from, or undefined outside git. */
  revision: string | undefined;
  /** Last commit date per path relative to `root` (forward slashes). */
  lastChanged: Map<string, Date>;
  /** Renames seen in history: new path -> old paths (relative to `root`). */
  renamedFrom: Map<string, string[]>;
}

const EMPTY: GitHistory = { available: false, shallow: false, revision: undefined, lastChanged: new Map(), renamedFrom: new Map() };

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

export interface GitHistoryOptions {
  /**
   * Detect renames (`git log -M`), for `renamedFrom`. Default true. The site needs only dates,
   * which are the same without it (a renamed file's new path is changed by the rename commit),
   * and rename detection is the costly part of a long history.
   */
  renames?: boolean;
}

/**
 * Read the history of `pathspec` (default: content/) under `root`.
 * One `git log` call; boundary commits of a shallow clone are not trusted for dates.
 */
export function loadGitHistory(root: string, pathspec = 'content', options: GitHistoryOptions = {}): GitHistory {
  let top: string;
  try {
    top = git(root, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return EMPTY;
  }
  const revision = safe(() => git(root, ['rev-parse', 'HEAD']).trim());
  const shallow = safe(() => git(root, ['rev-parse', '--is-shallow-repository']).trim()) === 'true';
  const boundaries = new Set(shallow ? readShallowCommits(top) : []);
  let log: string;
  try {
    const renames = options.renames === false ? ['--no-renames'] : ['-M'];
    log = git(root, ['log', '--format=%x00%H %ct', '--name-status', ...renames, '--no-color', '--', pathspec]);
  } catch {
    return { ...EMPTY, available: true, revision, shallow };
  }
  const lastChanged = new Map<string, Date>();
  const renamedFrom = new Map<string, string[]>();
  const toRootRelative = (p: string) => path.relative(root, path.join(top, p)).split(path.sep).join('/');
  for (const block of log.split('\0')) {
    if (!block.trim()) continue;
    const [header = '', ...lines] = block.split('\n');
    const [hash = '', ts = '0'] = header.trim().split(' ');
    const trusted = !boundaries.has(hash);
    const date = new Date(Number(ts) * 1000);
    for (const line of lines) {
      if (!line) continue;
      const cols = line.split('\t');
      const status = cols[0] ?? '';
      const current = toRootRelative(cols[cols.length - 1]!);
      if (status.startsWith('R') && cols.length === 3) {
        const old = toRootRelative(cols[1]!);
        const list = renamedFrom.get(current) ?? [];
        list.push(old);
        renamedFrom.set(current, list);
      }
      if (trusted && !lastChanged.has(current)) lastChanged.set(current, date);
    }
  }
  return { available: true, shallow, revision, lastChanged, renamedFrom };
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

function readShallowCommits(top: string): string[] {
  try {
    const file = git(top, ['rev-parse', '--git-path', 'shallow']).trim();
    return readFileSync(path.resolve(top, file), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** The commit the build is made from: the history's HEAD, or undefined outside git. */
export function getBuildRevision(history: Pick<GitHistory, 'revision'>): string | undefined {
  return history.revision || undefined;
}
