/**
 * Every command a team is told to run must work in the folder it is told in: a site made by
 * `helpdesk-kit init` / `npm create helpdesk-kit` has only the scripts of the starter's
 * package.json, and helpdesk-kit's own commands through `npx helpdesk-kit <command>`. The CLI's
 * and the tools' strings (what they print) and every file of the starter are checked; comments in
 * the sources are not, as no one runs them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/index.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const STARTER = path.join(REPO, 'templates/starter');
const starterScripts = Object.keys(
  (JSON.parse(readFileSync(path.join(STARTER, 'package.tmpl.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts,
);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** The text of every string and template literal in a TypeScript file. */
function getStrings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) out.push(node.text);
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

/** The commands a text tells its reader to run that a scaffolded site does not have. */
function getBrokenHints(text: string): string[] {
  const broken: string[] = [];
  for (const [hint, script] of text.matchAll(/npm run ([\w:-]+)/g))
    if (!starterScripts.includes(script!)) broken.push(hint);
  for (const [hint, first, second] of text.matchAll(/npx helpdesk-kit ([a-z]+)(?: ([a-z]+))?/g)) {
    // A command with subcommands (feedback serve, search check) is named by both words.
    const known = COMMANDS[`${first} ${second}`] ?? COMMANDS[first!];
    if (!known) broken.push(hint);
  }
  return broken;
}

describe('commands named to a team', () => {
  it('finds a hint that names a script the site does not have (the check can fail)', () => {
    expect(getBrokenHints('run npm run lint:content to see why; then npx helpdesk-kit lnt')).toEqual([
      'npm run lint:content',
      'npx helpdesk-kit lnt',
    ]);
    expect(getBrokenHints('npm run lint, npm run build, npx helpdesk-kit feedback serve')).toEqual([]);
  });

  it('are scripts of the starter or npx helpdesk-kit commands, in what the CLI and the tools print', () => {
    const sources = [...listFiles(path.join(REPO, 'src/cli')), ...listFiles(path.join(REPO, 'src/tools'))].filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    expect(sources.length).toBeGreaterThan(20);
    const broken = sources.flatMap((file) =>
      getStrings(file).flatMap((s) => getBrokenHints(s).map((hint) => `${path.relative(REPO, file)}: ${hint}`)),
    );
    expect(broken).toEqual([]);
  });

  it('are scripts of the starter or npx helpdesk-kit commands, in every file of the starter and the next steps', () => {
    const files = [...listFiles(STARTER), path.join(REPO, 'templates/scaffold.mjs')];
    const broken = files.flatMap((file) =>
      getBrokenHints(readFileSync(file, 'utf8')).map((hint) => `${path.relative(REPO, file)}: ${hint}`),
    );
    expect(broken).toEqual([]);
  });

  it("tell a new site how to run the feedback endpoint on the writer's machine", () => {
    const readme = readFileSync(path.join(STARTER, 'README.md'), 'utf8');
    expect(readme).toContain('npx helpdesk-kit feedback serve');
    expect(readme).toContain('feedbackEndpoint: http://127.0.0.1:8787/feedback');
  });
});
