// `npm run pack:staged`: the two published packages, each staged in its own folder with a package.json
// that holds only what a site needs at run time, then packed there (release.yml publishes the same
// folders). The repository's package.json keeps its scripts and devDependencies; a team's install
// never sees them, so npm has no install script of ours to ask about.
//
//   node scripts/pack.mjs [--out DIR] [--no-build] [--no-tarball] [--json]
//
// .pack/helpdesk-kit/          the files `files` in package.json selects (npm's own list), compiled first
// .pack/create-helpdesk-kit/   the initializer, with a copy of templates/ and helpdesk-kit's versions
// .pack/*.tgz                  both tarballs
//
// `--refuse` is what the repository's prepack runs: `npm pack` or `npm publish` in the repository
// itself would publish the repository's manifest, so they stop and say how to pack instead.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const INITIALIZER = path.join(ROOT, 'packages/create-helpdesk-kit');

/** Keys of a package.json that only the repository uses; everything else is published. */
export const REPOSITORY_ONLY = ['scripts', 'devDependencies', 'workspaces', 'overrides', 'allowScripts', 'private'];

/** @param {Record<string, unknown>} pkg */
export function getPublishedManifest(pkg) {
  return Object.fromEntries(Object.entries(pkg).filter(([key]) => !REPOSITORY_ONLY.includes(key)));
}

/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
/** @param {string} file @param {unknown} value */
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/**
 * Runs npm and returns its stdout; throws with its output when it fails.
 * @param {string[]} args @param {string} cwd
 */
function npm(args, cwd) {
  const out = spawnSync('npm', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${out.stdout}\n${out.stderr}`);
  return out.stdout;
}

/** The two packages must carry the same version: the initializer writes `^version` of helpdesk-kit. */
export function checkLockstep() {
  const kit = readJson(path.join(ROOT, 'package.json'));
  const init = readJson(path.join(INITIALIZER, 'package.json'));
  if (kit.version !== init.version) {
    throw new Error(
      `versions differ: helpdesk-kit ${kit.version}, create-helpdesk-kit ${init.version}; scripts/release.mjs sets both`,
    );
  }
  return kit.version;
}

/**
 * helpdesk-kit as published: the files npm packs from the repository (its `files` list), with the
 * published manifest. dist/ must be built.
 * @param {string} dir the staging folder (emptied first)
 */
export function stageKit(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [listing] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT));
  for (const { path: file } of listing.files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  writeJson(path.join(dir, 'package.json'), getPublishedManifest(readJson(path.join(ROOT, 'package.json'))));
  return dir;
}

/**
 * create-helpdesk-kit as published: its script, README and the repository's licence, a copy of
 * templates/ (the starter and the code that writes it), and the versions the starter depends on.
 * @param {string} dir the staging folder (emptied first)
 */
export function stageInitializer(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['index.mjs', 'README.md']) cpSync(path.join(INITIALIZER, file), path.join(dir, file));
  cpSync(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE'));
  cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  const kit = readJson(path.join(ROOT, 'package.json'));
  writeJson(path.join(dir, 'templates/helpdesk-kit.json'), {
    name: kit.name,
    version: kit.version,
    peerDependencies: { astro: kit.peerDependencies.astro },
    engines: { node: kit.engines.node },
  });
  writeJson(path.join(dir, 'package.json'), getPublishedManifest(readJson(path.join(INITIALIZER, 'package.json'))));
  return dir;
}

/**
 * `npm pack` in a staged folder.
 * @param {string} dir @param {string} destination
 * @returns {{ filename: string, files: { path: string }[] }}
 */
export function packStaged(dir, destination) {
  const [result] = JSON.parse(npm(['pack', '--json', '--pack-destination', destination], dir));
  return { ...result, filename: path.join(destination, result.filename) };
}

async function main() {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      out: { type: 'string', default: path.join(ROOT, '.pack') },
      build: { type: 'boolean', default: true },
      tarball: { type: 'boolean', default: true },
      json: { type: 'boolean' },
      refuse: { type: 'boolean' },
    },
  });
  if (values.refuse) {
    process.stderr.write(
      'The repository is not packed as it is: its package.json has the scripts and devDependencies of\n' +
        'development. Run `npm run pack:staged` (node scripts/pack.mjs): it stages both packages in .pack/ with\n' +
        'published manifests and packs them there; release.yml publishes those folders.\n',
    );
    return 1;
  }
  checkLockstep();
  if (values.build) {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-package.mjs')], { stdio: 'inherit' });
    if (built.status !== 0) return built.status ?? 1;
  }
  const out = path.resolve(values.out);
  const staged = [stageKit(path.join(out, 'helpdesk-kit')), stageInitializer(path.join(out, 'create-helpdesk-kit'))];
  if (!values.tarball) {
    process.stdout.write(values.json ? `${JSON.stringify({ staged })}\n` : `${staged.join('\n')}\n`);
    return 0;
  }
  const packed = staged.map((dir) => packStaged(dir, out));
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ staged, tarballs: packed.map((p) => p.filename) })}\n`
      : packed.map((p) => `${path.relative(process.cwd(), p.filename)} (${p.files.length} files)`).join('\n') + '\n',
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
