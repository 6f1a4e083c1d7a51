/**
 * `npm create helpdesk-kit` (packages/create-helpdesk-kit) writes the same site as
 * `helpdesk-kit init`: run from its packed layout (scripts/pack.mjs's staged folder, with the copy
 * of templates/) and from the repository, its output is compared file by file with init's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { INITIALIZER, ROOT, stageInitializer } from '../../scripts/pack.mjs';
import { getKitInfo, getSiteTitle } from '../../templates/scaffold.mjs';

const REPO = path.resolve(import.meta.dirname, '../..');
const rootPackage = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const initializerPackage = JSON.parse(
  readFileSync(path.join(REPO, 'packages/create-helpdesk-kit/package.json'), 'utf8'),
);

let tmp: string;
let staged: string;

/** Runs an initializer script with node in `cwd`, stdin not a terminal. */
function create(script: string, args: string[], cwd: string) {
  mkdirSync(cwd, { recursive: true });
  const out = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

async function init(args: string[], cwd: string) {
  mkdirSync(cwd, { recursive: true });
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s), isTTY: false },
    stderr: { write: (s: string) => (out.stderr += s), isTTY: false },
    cwd,
    env: {},
  };
  return { status: await runCli(['init', ...args], io), ...out };
}

/** Every file of a folder with its text, the endpoint secret's value masked (it is new each time). */
function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    tree[path.relative(dir, file).split(path.sep).join('/')] = readFileSync(file, 'utf8').replace(
      /^FEEDBACK_SECRET=[0-9a-f]{64}$/m,
      'FEEDBACK_SECRET=<secret>',
    );
  }
  return tree;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-create-'));
  staged = stageInitializer(path.join(tmp, 'staged'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('create-helpdesk-kit', () => {
  it('writes the same files as helpdesk-kit init, packed and from the repository, and prints the same next steps', async () => {
    const fromInit = await init(['Team Help'], path.join(tmp, 'init'));
    const packed = create(path.join(staged, 'index.mjs'), ['Team Help'], path.join(tmp, 'packed'));
    const repo = create(path.join(INITIALIZER, 'index.mjs'), ['Team Help', '--yes'], path.join(tmp, 'repo'));
    expect(fromInit.status).toBe(0);
    expect(packed).toEqual({ status: 0, stdout: fromInit.stdout, stderr: '' });
    expect(repo).toEqual({ status: 0, stdout: fromInit.stdout, stderr: '' });
    expect(packed.stdout).toContain('Next steps:\n  cd "Team Help"\n  npm install\n  npm run dev\n');

    const expected = readTree(path.join(tmp, 'init/Team Help'));
    expect(Object.keys(expected)).toHaveLength(31);
    expect(readTree(path.join(tmp, 'packed/Team Help'))).toEqual(expected);
    expect(readTree(path.join(tmp, 'repo/Team Help'))).toEqual(expected);

    const site = JSON.parse(expected['package.json']!);
    expect(site.dependencies).toEqual({
      'helpdesk-kit': `^${rootPackage.version}`,
      astro: rootPackage.peerDependencies.astro,
    });
    expect(site.engines).toEqual({ node: rootPackage.engines.node });
    expect(expected['.env']).toContain('FEEDBACK_SECRET=<secret>\n');
    expect(JSON.stringify(expected)).not.toMatch(/\{\{\w+\}\}/);
  });

  it('without a folder and without a terminal to ask on, creates my-help', () => {
    const cwd = path.join(tmp, 'default');
    expect(create(path.join(staged, 'index.mjs'), [], cwd).status).toBe(0);
    expect(readdirSync(path.join(cwd, 'my-help'))).toContain('astro.config.mjs');
    // The default folder names a "My Help" site, not "My Help Help Center".
    expect(readFileSync(path.join(cwd, 'my-help/content/site.yaml'), 'utf8')).toContain('\nname: My Help\n');
    expect(readFileSync(path.join(cwd, 'my-help/README.md'), 'utf8')).toMatch(/^# My Help\n/);
  });

  it('adds "Help Center" to a folder name only when the name does not already say what the site is', () => {
    expect(getSiteTitle('acme')).toBe('Acme Help Center');
    expect(getSiteTitle('my-help')).toBe('My Help');
    expect(getSiteTitle('acme-help-center')).toBe('Acme Help Center');
    expect(getSiteTitle('acme_support')).toBe('Acme Support');
    expect(getSiteTitle('helpdesk')).toBe('Helpdesk');
    expect(getSiteTitle('helpful-tools')).toBe('Helpful Tools Help Center');
  });

  it('refuses a folder that is not empty and writes nothing into it', () => {
    const cwd = path.join(tmp, 'busy');
    mkdirSync(path.join(cwd, 'site'), { recursive: true });
    writeFileSync(path.join(cwd, 'site/notes.txt'), 'mine');
    const out = create(path.join(staged, 'index.mjs'), ['site', '--yes'], cwd);
    expect(out).toEqual({
      status: 2,
      stdout: '',
      stderr: `create-helpdesk-kit: ${path.join(cwd, 'site')} is not empty; only a new or empty folder is written to, so nothing of yours is overwritten. Choose a new folder name\n`,
    });
    expect(readdirSync(path.join(cwd, 'site'))).toEqual(['notes.txt']);
  });

  it('prints its help and version, and exits 2 on an unknown option or two folders', () => {
    const script = path.join(staged, 'index.mjs');
    const help = create(script, ['--help'], tmp);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm create helpdesk-kit@latest \[dir\] \[-- --yes\]\n/);
    expect(create(script, ['--version'], tmp)).toEqual({ status: 0, stdout: `${rootPackage.version}\n`, stderr: '' });
    expect(create(script, ['--template', 'x'], tmp)).toEqual({
      status: 2,
      stdout: '',
      stderr: `create-helpdesk-kit: Unknown option '--template'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--template"\nRun create-helpdesk-kit --help for the options.\n`,
    });
    expect(create(script, ['a', 'b'], tmp)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'create-helpdesk-kit: give one folder, not 2\nRun create-helpdesk-kit --help for the options.\n',
    });
  });

  it('asks for the folder on a terminal', () => {
    // util-linux's script gives the initializer a terminal and types the answer into it.
    const cwd = path.join(tmp, 'asked');
    mkdirSync(cwd);
    const out = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${path.join(staged, 'index.mjs')}"`, '/dev/null'],
      {
        cwd,
        input: 'Team Docs\n',
        encoding: 'utf8',
      },
    );
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Folder for the new help center (my-help): ');
    expect(out.stdout).toContain('Created team-docs in Team Docs/ (31 files).');
    expect(readdirSync(cwd)).toEqual(['Team Docs']);
  });

  it('stops on a Node older than helpdesk-kit needs', () => {
    const old = path.join(tmp, 'old-node');
    stageInitializer(old);
    const manifest = JSON.parse(readFileSync(path.join(old, 'package.json'), 'utf8'));
    writeFileSync(path.join(old, 'package.json'), JSON.stringify({ ...manifest, engines: { node: '>=99.0.0' } }));
    expect(create(path.join(old, 'index.mjs'), ['site'], path.join(tmp, 'old-node-run'))).toEqual({
      status: 1,
      stdout: '',
      stderr: `create-helpdesk-kit: helpdesk-kit needs Node.js 99.0.0 or newer; this is ${process.versions.node}\n`,
    });
  });

  it('says so when the helpdesk-kit versions it carries are broken', () => {
    const broken = path.join(tmp, 'no-astro');
    stageInitializer(broken);
    const info = path.join(broken, 'templates/helpdesk-kit.json');
    writeFileSync(info, JSON.stringify({ ...JSON.parse(readFileSync(info, 'utf8')), peerDependencies: {} }));
    expect(create(path.join(broken, 'index.mjs'), ['site'], path.join(tmp, 'no-astro-run'))).toEqual({
      status: 1,
      stdout: '',
      stderr: `create-helpdesk-kit: ${info}: helpdesk-kit's package.json has no peerDependencies.astro; reinstall the package\n`,
    });
    expect(() => getKitInfo({ name: 'other', version: '1.0.0' })).toThrow(
      "this is not helpdesk-kit's package.json (name: other)",
    );
  });

  it('says so when its template is missing', () => {
    const broken = path.join(tmp, 'broken');
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'index.mjs'), readFileSync(path.join(staged, 'index.mjs')));
    writeFileSync(path.join(broken, 'package.json'), readFileSync(path.join(staged, 'package.json')));
    const out = create(path.join(broken, 'index.mjs'), ['site'], path.join(tmp, 'broken-run'));
    expect(out.status).toBe(1);
    expect(out.stderr).toBe(
      `create-helpdesk-kit: the starter template is missing (${path.resolve(broken, '../../templates')}); reinstall the package\n`,
    );
  });
});

describe('the create-helpdesk-kit package', () => {
  it('has no dependencies and imports only node: built-ins', () => {
    for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) {
      expect(initializerPackage[key], key).toBeUndefined();
    }
    const builtins = new Set(builtinModules.map((m) => (m.startsWith('node:') ? m : `node:${m}`)));
    for (const file of [path.join(INITIALIZER, 'index.mjs'), path.join(ROOT, 'templates/scaffold.mjs')]) {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      expect(specifiers.length, file).toBeGreaterThan(0);
      for (const specifier of specifiers) expect(builtins.has(specifier!), `${file}: ${specifier}`).toBe(true);
    }
  });

  it('is versioned with helpdesk-kit and needs the same Node', () => {
    expect(initializerPackage.version).toBe(rootPackage.version);
    expect(initializerPackage.engines).toEqual(rootPackage.engines);
    expect(initializerPackage.bin).toEqual({ 'create-helpdesk-kit': './index.mjs' });
  });

  it('is staged with its own manifest minus the scripts, and with the versions the starter depends on', () => {
    const manifest = JSON.parse(readFileSync(path.join(staged, 'package.json'), 'utf8'));
    expect(manifest.scripts).toBeUndefined();
    expect({ ...manifest, scripts: initializerPackage.scripts }).toEqual(initializerPackage);
    expect(JSON.parse(readFileSync(path.join(staged, 'templates/helpdesk-kit.json'), 'utf8'))).toEqual({
      name: 'helpdesk-kit',
      version: rootPackage.version,
      peerDependencies: { astro: rootPackage.peerDependencies.astro },
      engines: { node: rootPackage.engines.node },
    });
  });
});
