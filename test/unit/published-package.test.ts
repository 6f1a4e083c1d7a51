/**
 * helpdesk-kit as scripts/pack.mjs stages it for publishing: a manifest without the repository's
 * scripts and devDependencies, and every documentation path a site is pointed to (by the starter
 * files, the CLI's output and its messages) in the packed file list, so a site can open it in
 * node_modules/helpdesk-kit/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublishedManifest, REPOSITORY_ONLY, ROOT, stageKit } from '../../scripts/pack.mjs';
import { DOCS_DIR } from '../../templates/scaffold.mjs';

let tmp: string;
let staged: string;
/** Every file of the staged package, relative to it. */
let packed: Set<string>;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-published-'));
  staged = stageKit(path.join(tmp, 'helpdesk-kit'));
  packed = new Set(listFiles(staged));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the published manifest', () => {
  it('is the repository package.json without scripts, devDependencies and the install settings of development', () => {
    const repo = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const manifest = JSON.parse(readFileSync(path.join(staged, 'package.json'), 'utf8'));
    for (const key of ['scripts', 'devDependencies', 'workspaces', 'allowScripts']) {
      expect(repo[key], `the repository has ${key}`).toBeDefined();
      expect(manifest[key], key).toBeUndefined();
    }
    expect(manifest).toEqual(getPublishedManifest(repo));
    expect(Object.keys(manifest).length).toBe(Object.keys(repo).filter((k) => !REPOSITORY_ONLY.includes(k)).length);
    expect(manifest.dependencies).toEqual(repo.dependencies);
    expect(manifest.peerDependencies).toEqual(repo.peerDependencies);
    expect(manifest.exports).toEqual(repo.exports);
  });

  it('has a file behind every export, its types included', () => {
    const manifest = JSON.parse(readFileSync(path.join(staged, 'package.json'), 'utf8'));
    const targets = Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap((t) =>
      typeof t === 'string' ? [t] : Object.values(t),
    );
    expect(targets).toContain('./dist/component-types.d.ts');
    for (const target of targets) {
      // A wildcard export names a folder of files.
      const file = target.includes('*') ? path.dirname(target) : target;
      expect(packed.has(file.slice(2)) || [...packed].some((f) => f.startsWith(`${file.slice(2)}/`)), target).toBe(
        true,
      );
    }
  });

  it('npm pack in the repository stops and says how to pack, instead of packing its manifest', () => {
    const out = spawnSync('npm', ['pack', '--dry-run'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain(
      'The repository is not packed as it is: its package.json has the scripts and devDependencies of\n' +
        'development. Run `npm run pack:staged` (node scripts/pack.mjs)',
    );
  });

  it('ships the docs, the templates and the code that writes them, but not the screenshots', () => {
    const docs = readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
    expect(docs.length).toBeGreaterThan(5);
    for (const doc of docs) expect(packed, doc).toContain(`docs/${doc}`);
    for (const file of ['templates/scaffold.mjs', 'templates/scaffold.d.mts', 'templates/starter/package.tmpl.json'])
      expect(packed).toContain(file);
    expect([...packed].filter((f) => f.startsWith('docs/screenshots/'))).toEqual([]);
  });
});

/** Text files under a folder of the repository. */
function sources(folder: string, filter: (file: string) => boolean): string[] {
  return listFiles(path.join(ROOT, folder))
    .map((f) => `${folder}/${f}`)
    .filter(filter);
}

/**
 * Documentation paths a text points a reader to. In code, comments are for contributors and are
 * skipped; in the starter, every line is the team's to read.
 */
function findDocReferences(file: string, text: string): { ref: string; problem?: string }[] {
  const code = /\.(ts|mts|mjs)$/.test(file) && !file.startsWith('templates/starter/');
  const lines = text
    .split('\n')
    .filter((line) => !code || !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n');
  const found: { ref: string; problem?: string }[] = [];
  for (const m of lines.matchAll(/node_modules\/helpdesk-kit\/([\w./-]*[\w/])/g)) found.push({ ref: m[1]! });
  for (const m of lines.matchAll(/\$\{DOCS_DIR\}\/([\w-]+\.md)/g)) found.push({ ref: `docs/${m[1]!}` });
  for (const m of lines.matchAll(/(\S*)\bdocs\/[\w-]+\.md/g)) {
    if (!m[1]!.endsWith('node_modules/helpdesk-kit/') && !m[1]!.startsWith('https://'))
      found.push({ ref: m[0], problem: 'not a path a site can open: write node_modules/helpdesk-kit/docs/…' });
  }
  return found;
}

describe('documentation a site is pointed to', () => {
  it('is at node_modules/helpdesk-kit/ in the packed files, for every reference in the starter, the CLI and the initializer', () => {
    expect(DOCS_DIR).toBe('node_modules/helpdesk-kit/docs');
    const files = [
      ...sources('templates', () => true),
      ...sources('src/cli', (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
      ...sources('src/tools', (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
      'packages/create-helpdesk-kit/index.mjs',
      'packages/create-helpdesk-kit/README.md',
    ];
    const problems: string[] = [];
    let references = 0;
    for (const file of files) {
      for (const { ref, problem } of findDocReferences(file, readFileSync(path.join(ROOT, file), 'utf8'))) {
        references++;
        if (problem) problems.push(`${file}: ${ref}: ${problem}`);
        else if (!packed.has(ref) && ![...packed].some((f) => f.startsWith(ref.endsWith('/') ? ref : `${ref}/`)))
          problems.push(`${file}: node_modules/helpdesk-kit/${ref} is not in the package`);
      }
    }
    expect(problems).toEqual([]);
    // The starter's README, .env text, deploy files and the next steps point to at least this many.
    expect(references).toBeGreaterThanOrEqual(10);
  });

  it('finds a bare docs/ path and a path the package does not ship', () => {
    expect(findDocReferences('templates/starter/netlify.toml', "# See helpdesk-kit's docs/feedback.md.")).toEqual([
      { ref: 'docs/feedback.md', problem: 'not a path a site can open: write node_modules/helpdesk-kit/docs/…' },
    ]);
    expect(findDocReferences('src/cli/x.ts', '// see docs/feedback.md\nconst a = 1;')).toEqual([]);
    expect(findDocReferences('src/cli/x.ts', '`see node_modules/helpdesk-kit/docs/nope.md`')).toEqual([
      { ref: 'docs/nope.md' },
    ]);
    expect(packed.has('docs/nope.md')).toBe(false);
  });

  it('links in the packed README and docs to docs/ resolve inside the package', () => {
    const problems: string[] = [];
    for (const file of [...packed].filter((f) => f === 'README.md' || /^docs\/[\w-]+\.md$/.test(f))) {
      const text = readFileSync(path.join(staged, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const m of text.matchAll(/\]\(([\w./-]+\.md)(#[\w-]*)?\)/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!));
        if (target.startsWith('docs/') && !packed.has(target)) problems.push(`${file}: ${m[1]!}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
