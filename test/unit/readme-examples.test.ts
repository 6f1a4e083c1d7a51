/** The README's example article and FAQ, pasted into the sample help center, lint clean. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/content/diagnostics.ts';
import { lintContent } from '../../src/tools/lint/lint-content.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The first ```markdown block after a heading of the README. */
function getExample(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, `README has no "${heading}"`).toBeGreaterThan(0);
  const block = /```markdown\n([\s\S]*?)```/.exec(README.slice(start));
  expect(block, `no Markdown example under "${heading}"`).not.toBeNull();
  return block![1]!;
}

const root = mkdtempSync(path.join(os.tmpdir(), 'readme-examples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the README examples', () => {
  it('lint clean when pasted into the sample help center', async () => {
    cpSync(path.join(REPO_ROOT, 'content'), path.join(root, 'content'), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'public'), path.join(root, 'public'), { recursive: true });
    const files = {
      // Where the sample keeps the article the example is, beside sign-in-problems.md.
      'content/articles/account/signing-in/reset-password.md': getExample('### An article'),
      'content/faqs/orders-shipping/deliver-on-sundays.md': getExample('### A FAQ'),
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
    const result = await lintContent({ root, history: false, today: '2026-12-01', only: Object.keys(files) });
    expect(result.findings.map(formatDiagnostic)).toEqual([]);
  });
});
