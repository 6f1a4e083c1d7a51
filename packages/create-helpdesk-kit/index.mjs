#!/usr/bin/env node
/**
 * create-helpdesk-kit: `npm create helpdesk-kit@latest my-help` writes a new help center without
 * installing helpdesk-kit and its build tools first. Node built-ins only. The starter and the code
 * that writes it are helpdesk-kit's templates/: a packed copy ships in templates/ beside this file
 * (scripts/pack.mjs makes it); in the repository it is read from the root's templates/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm create helpdesk-kit@latest [dir] [-- --yes]
       create-helpdesk-kit [dir] [--yes]

Creates a help center in dir: package.json (helpdesk-kit and astro), astro.config.mjs, starter
content/, a README for writers, deploy files for Netlify, Vercel, Cloudflare and GitHub Pages,
and .env with the feedback endpoint's new secret (git-ignored). Never writes into a folder that
is not empty. Then: cd dir, npm install, npm run dev.

Options:
  -y, --yes      ask nothing: without dir, create my-help
  -h, --help     show this help
  -v, --version  show this initializer's version

Exit code: 0 created, 1 Node is too old or the template is missing, 2 usage error or the folder
is not empty.`;

const DEFAULT_DIR = 'my-help';
const here = import.meta.dirname;

/** The template and helpdesk-kit's versions: packed beside this file, or the repository's. */
function locateTemplates() {
  const packed = path.join(here, 'templates');
  if (existsSync(path.join(packed, 'scaffold.mjs'))) {
    return { dir: packed, kitPackage: path.join(packed, 'helpdesk-kit.json') };
  }
  const repo = path.resolve(here, '../..');
  return { dir: path.join(repo, 'templates'), kitPackage: path.join(repo, 'package.json') };
}

/** @param {string} message */
function usageError(message) {
  process.stderr.write(`create-helpdesk-kit: ${message}\nRun create-helpdesk-kit --help for the options.\n`);
  return 2;
}

/** @param {string[]} argv */
async function main(argv) {
  /** @type {ReturnType<typeof parseArgs>} */
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        yes: { type: 'boolean', short: 'y' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError(/** @type {Error} */ (error).message);
  }
  const own = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.values.version) {
    process.stdout.write(`${own.version}\n`);
    return 0;
  }
  if (parsed.positionals.length > 1) return usageError(`give one folder, not ${parsed.positionals.length}`);

  const minimum = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(own.engines?.node ?? '');
  if (minimum && compareVersions(process.versions.node, minimum.slice(1).join('.')) < 0) {
    process.stderr.write(
      `create-helpdesk-kit: helpdesk-kit needs Node.js ${minimum.slice(1).join('.')} or newer; this is ${process.versions.node}\n`,
    );
    return 1;
  }

  let dir = parsed.positionals[0];
  if (dir === undefined && !parsed.values.yes && process.stdin.isTTY && process.stdout.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      dir = (await rl.question(`Folder for the new help center (${DEFAULT_DIR}): `)).trim() || DEFAULT_DIR;
    } finally {
      rl.close();
    }
  }
  dir ??= DEFAULT_DIR;

  const templates = locateTemplates();
  const scaffoldFile = path.join(templates.dir, 'scaffold.mjs');
  if (!existsSync(scaffoldFile) || !existsSync(templates.kitPackage)) {
    process.stderr.write(
      `create-helpdesk-kit: the starter template is missing (${templates.dir}); reinstall the package\n`,
    );
    return 1;
  }
  const scaffold = await import(pathToFileURL(scaffoldFile).href);
  let kit;
  try {
    kit = scaffold.getKitInfo(JSON.parse(readFileSync(templates.kitPackage, 'utf8')));
  } catch (error) {
    process.stderr.write(
      `create-helpdesk-kit: ${templates.kitPackage}: ${/** @type {Error} */ (error).message}; reinstall the package\n`,
    );
    return 1;
  }
  const target = path.resolve(dir);
  const result = scaffold.scaffoldSite({ target, kit, templateDir: path.join(templates.dir, 'starter') });
  if (!result.ok) {
    process.stderr.write(`create-helpdesk-kit: ${result.message}\n`);
    return 2;
  }
  process.stdout.write(scaffold.formatNextSteps(result, path.relative(process.cwd(), target) || '.'));
  return 0;
}

/** -1, 0 or 1 as version a is older, the same or newer than b ("22.23.4"). */
function compareVersions(/** @type {string} */ a, /** @type {string} */ b) {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
