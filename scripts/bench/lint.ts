/**
 * The linter benchmark: a synthetic help center of realistic articles (about 2.5 KB each, like the
 * sample content, with headings, steps, a callout, an image and links to other articles'
 * headings), linted by the real CLI in a fresh process, as a writer runs it. Used by
 * scripts/bench-lint.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SyntheticSiteOptions {
  articles: number;
  faqs?: number;
  categories?: number;
}

const WORDS = (
  'account order parcel delivery refund invoice payment card address password email app setting notification ' +
  'return exchange coupon code store courier tracking receipt subscription plan member screen button option ' +
  'profile security device browser message support team request status window minute business day week'
).split(' ');

/** Write the site into a new temp folder and return its root. */
export function generateSyntheticSite(options: SyntheticSiteOptions): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lint-bench-'));
  const content = path.join(root, 'content');
  const categories = Array.from({ length: options.categories ?? 20 }, (_, i) => `topic-${i + 1}`);
  mkdirSync(path.join(root, 'public/images'), { recursive: true });
  writeFileSync(path.join(root, 'public/images/screen.png'), '');
  mkdirSync(content, { recursive: true });
  writeFileSync(
    path.join(content, 'site.yaml'),
    'name: Bench Help\nurl: https://help.example.com\nlanguage: en\nlint:\n  requireOwner: true\n',
  );
  writeFileSync(
    path.join(content, 'categories.yaml'),
    categories
      .map((id, i) => `- id: ${id}\n  title: Topic ${i + 1}\n  description: Everything about topic ${i + 1}.\n`)
      .join(''),
  );
  let seed = 42;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, word).join(' ');
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
  };
  const where = (i: number) => ({ category: categories[i % categories.length]!, slug: `article-${i + 1}` });
  for (let i = 0; i < options.articles; i++) {
    const { category, slug } = where(i);
    const other = where((i * 7 + 3) % options.articles);
    const rel = other.category === category ? `${other.slug}.md` : `../${other.category}/${other.slug}.md`;
    const dir = path.join(content, 'articles', category);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `${slug}.md`),
      `---
title: Article ${i + 1} about the ${word()} ${word()}
description: ${sentence(8)} ${sentence(6)}
tags: [${word()}, ${word()}]
owner: Team ${i % 9}
reviewBy: 2099-01-31
---

${sentence(14)} ${sentence(12)} ${sentence(11)} Read [the related article](${rel}#change-the-setting) first.

## Change the setting

1. Go to **Settings** > **${word()}**.
2. ${sentence(9)}
3. ${sentence(7)} Select **Save**.

![The ${word()} settings screen](/images/screen.png)

:::note
${sentence(16)}
:::

## If it does not work

${sentence(13)} ${sentence(10)} See [the status page](https://status.example.com/) or [all topics](/${category}/).

- ${sentence(6)}
- ${sentence(8)}
- ${sentence(5)}

### Still stuck

${sentence(18)} ${sentence(11)}

## Change it back later

${sentence(15)} ${sentence(12)} ${sentence(9)}

1. Open **${word()}** and select **Edit**.
2. ${sentence(10)}
3. ${sentence(8)} Select **Save changes**.

${sentence(17)} ${sentence(14)}
`,
    );
  }
  for (let i = 0; i < (options.faqs ?? 0); i++) {
    const dir = path.join(content, 'faqs', categories[i % categories.length]!);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `question-${i + 1}.md`),
      `---\nquestion: "How do I ${word()} my ${word()} ${word()} ${i + 1}?"\n---\n\n${sentence(20)}\n`,
    );
  }
  return root;
}

export interface CliRun {
  milliseconds: number;
  exitCode: number | null;
  summary: string;
}

/** Run `helpdesk-kit lint` (the compiled CLI) in a fresh Node process on `siteRoot` and time it (wall clock). */
export function runLintCli(siteRoot: string, args: string[] = []): CliRun {
  const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
  const start = performance.now();
  const out = spawnSync(process.execPath, ['dist/cli/index.js', 'lint', '--root', siteRoot, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  const milliseconds = performance.now() - start;
  const lines = out.stdout.trim().split('\n');
  return { milliseconds, exitCode: out.status, summary: lines[lines.length - 1] ?? out.stderr.trim() };
}

export function getMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
