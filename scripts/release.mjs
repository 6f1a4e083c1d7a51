// `npm run release -- <version | major | minor | patch>`: one version for both packages. Sets it in
// package.json, packages/create-helpdesk-kit/package.json and package-lock.json, turns the
// CHANGELOG's "## Unreleased" into "## <version> - <date>" under a new empty Unreleased, commits
// that and tags it v<version>. Pushing the tag (git push --follow-tags) runs release.yml, which
// publishes both packages. --dry-run prints the plan and changes nothing.
//
//   node scripts/release.mjs 0.3.0 [--dry-run] [--date YYYY-MM-DD] [--root DIR]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const INITIALIZER = 'packages/create-helpdesk-kit';
/** The files a release changes, relative to the repository. */
export const RELEASE_FILES = ['package.json', `${INITIALIZER}/package.json`, 'package-lock.json', 'CHANGELOG.md'];

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

/**
 * The next version: an explicit x.y.z, or the current one bumped. In 0.x, as the CHANGELOG says,
 * a minor may need a change in a site and a patch never does; `major` from 0.x gives 1.0.0.
 * @param {string} current @param {string} wanted
 */
export function getNextVersion(current, wanted) {
  const now = SEMVER.exec(current);
  if (!now) throw new Error(`package.json's version "${current}" is not x.y.z`);
  const [major, minor, patch] = now.slice(1, 4).map(Number);
  /** @type {Record<string, string>} */
  const bumps = {
    major: `${major + 1}.0.0`,
    minor: `${major}.${minor + 1}.0`,
    patch: now[4] ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`,
  };
  const next = bumps[wanted] ?? wanted;
  const parsed = SEMVER.exec(next);
  if (!parsed) throw new Error(`"${wanted}" is not a version (x.y.z) or one of major, minor, patch`);
  if (compare(parsed, now) <= 0) throw new Error(`${next} is not after the current version ${current}`);
  return next;
}

/** @param {RegExpExecArray} a @param {RegExpExecArray} b */
function compare(a, b) {
  for (let i = 1; i <= 3; i++) if (Number(a[i]) !== Number(b[i])) return Number(a[i]) - Number(b[i]);
  // A prerelease comes before its release: 0.3.0-rc.1 < 0.3.0.
  if (a[4] === b[4]) return 0;
  if (!a[4]) return 1;
  if (!b[4]) return -1;
  return a[4] < b[4] ? -1 : 1;
}

/**
 * The CHANGELOG with its Unreleased entries under `## version - date` and a new, empty Unreleased.
 * @param {string} text @param {string} version @param {string} date
 */
export function releaseChangelog(text, version, date) {
  const heading = /^## Unreleased[ \t]*$/m.exec(text);
  if (!heading) throw new Error('CHANGELOG.md has no "## Unreleased" heading');
  const start = heading.index + heading[0].length;
  const next = /^## /m.exec(text.slice(start));
  const entries = text.slice(start, next ? start + next.index : undefined);
  if (!/^\s*- /m.test(entries)) throw new Error('CHANGELOG.md has nothing under "## Unreleased": nothing to release');
  if (new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm').test(text)) {
    throw new Error(`CHANGELOG.md already has a section for ${version}`);
  }
  return `${text.slice(0, heading.index)}## Unreleased\n\n## ${version} - ${date}${text.slice(start)}`;
}

/** @param {string} cwd @param {string[]} args */
function git(cwd, args) {
  const out = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr.trim()}`);
  return out.stdout;
}

/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
/** @param {string} file @param {unknown} value */
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/**
 * @param {{ root: string, wanted: string, date: string, dryRun: boolean, log: (line: string) => void }} options
 * @returns {{ version: string, tag: string }}
 */
export function release({ root, wanted, date, dryRun, log }) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--date "${date}" is not YYYY-MM-DD`);
  const kit = readJson(path.join(root, 'package.json'));
  const initializer = readJson(path.join(root, INITIALIZER, 'package.json'));
  if (kit.version !== initializer.version) {
    throw new Error(`versions differ: helpdesk-kit ${kit.version}, create-helpdesk-kit ${initializer.version}`);
  }
  const version = getNextVersion(kit.version, wanted);
  const tag = `v${version}`;
  const changed = git(root, ['status', '--porcelain', '--', ...RELEASE_FILES]).trim();
  if (changed) throw new Error(`commit or undo these changes first:\n${changed}`);
  if (git(root, ['tag', '--list', tag]).trim()) throw new Error(`the tag ${tag} exists already`);
  const changelog = releaseChangelog(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version, date);

  log(`helpdesk-kit and create-helpdesk-kit ${kit.version} -> ${version}`);
  log(`CHANGELOG.md: "## Unreleased" -> "## ${version} - ${date}", with a new empty Unreleased`);
  log(`commit "Release ${version}" (${RELEASE_FILES.join(', ')}) and tag ${tag}`);
  if (dryRun) {
    log('dry run: nothing changed');
    return { version, tag };
  }
  kit.version = version;
  initializer.version = version;
  writeJson(path.join(root, 'package.json'), kit);
  writeJson(path.join(root, INITIALIZER, 'package.json'), initializer);
  const lock = readJson(path.join(root, 'package-lock.json'));
  lock.version = version;
  if (lock.packages?.['']) lock.packages[''].version = version;
  if (lock.packages?.[INITIALIZER]) lock.packages[INITIALIZER].version = version;
  writeJson(path.join(root, 'package-lock.json'), lock);
  writeFileSync(path.join(root, 'CHANGELOG.md'), changelog);
  git(root, ['add', '--', ...RELEASE_FILES]);
  git(root, ['commit', '-q', '-m', `Release ${version}`]);
  git(root, ['tag', '-a', tag, '-m', `helpdesk-kit ${version}`]);
  log(`tagged ${tag}; git push --follow-tags publishes both packages (release.yml)`);
  return { version, tag };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      root: { type: 'string', default: fileURLToPath(new URL('..', import.meta.url)) },
    },
  });
  if (positionals.length !== 1) {
    process.stderr.write(
      'Usage: node scripts/release.mjs <version | major | minor | patch> [--dry-run] [--date YYYY-MM-DD]\n',
    );
    process.exit(2);
  }
  try {
    release({
      root: path.resolve(values.root),
      wanted: positionals[0],
      date: values.date,
      dryRun: values['dry-run'] ?? false,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    process.stderr.write(`release: ${/** @type {Error} */ (error).message}\n`);
    process.exit(1);
  }
}
