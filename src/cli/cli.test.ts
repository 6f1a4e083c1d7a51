/** The CLI in process: top-level help and version, `init`, and that every command has --help. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from './index.ts';
import { readOwnPackage, type CliIo } from './io.ts';

function makeIo(cwd: string, tty = false) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s), isTTY: tty },
    stderr: { write: (s: string) => (out.stderr += s), isTTY: tty },
    cwd,
    env: {},
  };
  return { io, out };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('helpdesk-kit', () => {
  it('prints its help and version, and exits 2 without a command or with an unknown one', async () => {
    const help = makeIo(tmp);
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/^Usage: helpdesk-kit <command>/);
    for (const name of Object.keys(COMMANDS)) expect(help.out.stdout).toContain(`  ${name} `);
    const version = makeIo(tmp);
    expect(await runCli(['--version'], version.io)).toBe(0);
    expect(version.out.stdout).toBe(`${readOwnPackage().version}\n`);
    expect(await runCli([], makeIo(tmp).io)).toBe(2);
    const unknown = makeIo(tmp);
    expect(await runCli(['publish'], unknown.io)).toBe(2);
    expect(unknown.out.stderr.split('\n')[0]).toBe('there is no command "publish"');
    expect(await runCli(['feedback', 'delete'], makeIo(tmp).io)).toBe(2);
  });

  it.each(Object.keys(COMMANDS))('%s --help prints its usage to stdout and exits 0', async (name) => {
    const { io, out } = makeIo(tmp);
    expect(await runCli([...name.split(' '), '--help'], io)).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^Usage: helpdesk-kit ${name}`));
    expect(out.stderr).toBe('');
  });

  it('exits 2 on an unknown flag of a command', async () => {
    const { io, out } = makeIo(tmp);
    expect(await runCli(['stale', '--colour'], io)).toBe(2);
    expect(out.stderr).toContain("Unknown option '--colour'");
  });
});

describe('helpdesk-kit init', () => {
  it('scaffolds a site that depends on this version, with renamed dot files, and prints the next steps', async () => {
    const { io, out } = makeIo(tmp);
    expect(await runCli(['init', 'Team Help'], io)).toBe(0);
    const site = path.join(tmp, 'Team Help');
    const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const pkg = JSON.parse(readFileSync(path.join(site, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({
      name: 'team-help',
      type: 'module',
      scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview', lint: 'helpdesk-kit lint' },
      dependencies: { 'helpdesk-kit': `^${own.version}`, astro: own.peerDependencies.astro },
      engines: { node: own.engines.node },
    });
    // No dependency of the site has an install script (the package test checks the install), so
    // there is nothing for npm to approve.
    expect(pkg.allowScripts).toBeUndefined();
    expect(readFileSync(path.join(site, 'src/content.config.ts'), 'utf8')).toContain(
      "export { collections } from 'helpdesk-kit/collections';",
    );
    expect(readFileSync(path.join(site, 'astro.config.mjs'), 'utf8')).toContain('integrations: [helpCenter()]');
    expect(readFileSync(path.join(site, 'content/site.yaml'), 'utf8')).toContain('name: Team Help\n');
    for (const file of [
      '.gitignore',
      'public/images/.gitkeep',
      '.github/workflows/deploy.yml',
      '.github/workflows/feedback-endpoint.yml',
      'netlify.toml',
      'netlify/functions/feedback.mts',
      'vercel.json',
      'api/feedback.ts',
      'api/feedback/search.ts',
      'wrangler.toml',
      'feedback/worker.ts',
      'README.md',
    ]) {
      expect(existsSync(path.join(site, file)), file).toBe(true);
    }
    expect(existsSync(path.join(site, 'gitignore'))).toBe(false);
    expect(readFileSync(path.join(site, '.gitignore'), 'utf8')).toMatch(
      /node_modules[\s\S]*dist[\s\S]*\.astro[\s\S]*data[\s\S]*\*\.db/,
    );
    expect(out.stdout).toContain('Next steps:\n  cd "Team Help"\n  npm install\n  npm run dev\n');
    expect(out.stdout).toContain('node_modules/helpdesk-kit/docs/feedback.md walks through each host.');

    // A fresh endpoint secret in the git-ignored .env, and how to set it on the platform.
    const env = readFileSync(path.join(site, '.env'), 'utf8');
    expect(env).toMatch(/^FEEDBACK_SECRET=[0-9a-f]{64}$/m);
    expect(readFileSync(path.join(site, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    expect(out.stdout).toContain('FEEDBACK_SECRET is in Team Help/.env (git-ignored: never commit it)');
    expect(out.stdout).toContain('npx wrangler secret put FEEDBACK_SECRET');
    const other = makeIo(tmp);
    expect(await runCli(['init', 'Other Help'], other.io)).toBe(0);
    expect(readFileSync(path.join(tmp, 'Other Help/.env'), 'utf8')).not.toBe(env);

    // The starter content passes the linter.
    const lint = makeIo(tmp);
    expect(await runCli(['lint', '--root', site, '--no-cache'], lint.io)).toBe(0);
    expect(lint.out.stdout).toBe('5 files checked: no problems\n');
  });

  it('defaults to my-help and refuses a folder that is not empty', async () => {
    const cwd = path.join(tmp, 'default');
    mkdirSync(cwd);
    expect(await runCli(['init'], makeIo(cwd).io)).toBe(0);
    expect(existsSync(path.join(cwd, 'my-help/content/categories.yaml'))).toBe(true);
    const again = makeIo(cwd);
    expect(await runCli(['init'], again.io)).toBe(2);
    expect(again.out.stderr).toBe(
      `${path.join(cwd, 'my-help')} is not empty; only a new or empty folder is written to, so nothing of yours is overwritten. Choose a new folder name\n`,
    );
    mkdirSync(path.join(cwd, 'empty'));
    expect(await runCli(['init', 'empty'], makeIo(cwd).io)).toBe(0);
    writeFileSync(path.join(cwd, 'file'), 'x');
    expect(await runCli(['init', 'file'], makeIo(cwd).io)).toBe(2);
  });
});

describe('output to a pipe', () => {
  it('has no progress or colour codes; a terminal gets progress on stderr only', async () => {
    const site = path.join(tmp, 'Team Help');
    const piped = makeIo(tmp);
    await runCli(['lint', '--root', site, '--no-cache'], piped.io);
    expect(piped.out.stderr).toBe('');
    const tty = makeIo(tmp, true);
    await runCli(['lint', '--root', site, '--no-cache'], tty.io);
    expect(tty.out.stdout).toBe('5 files checked: no problems\n');
    expect(tty.out.stderr).toContain('lint: parsing 5 files');
  });
});
