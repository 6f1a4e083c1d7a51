/**
 * What the Markdown copies for assistants cost on a cold build (`npx tsx
 * scripts/bench/markdown-copies.ts [articles] [module...]`): buildMarkdownCopy over the same
 * generated articles, one after another on this thread, with the site's link targets set as
 * help-files.ts sets them. Each module given (default: src/build/markdown-copy.ts) is one variant,
 * so an earlier version saved next to it can be measured against the current one. CPU seconds of
 * this process per variant, in alternating rounds; the figures go to docs/performance.md by hand.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { buildMarkdownCopy } from '../../src/build/markdown-copy.ts';
import { linkRewriter } from '../../src/content/remark-links.ts';
import { printCpuRounds } from './cpu-rounds.ts';
import { generateHelpCenter } from './generate-content.ts';

const articles = Number(process.argv[2] ?? 500);
const modules = process.argv.length > 3 ? process.argv.slice(3) : ['src/build/markdown-copy.ts'];
const rounds = 2;
const variants: Array<[string, typeof buildMarkdownCopy]> = [];
for (const module of modules) {
  const loaded = (await import(pathToFileURL(path.resolve(module)).href)) as {
    buildMarkdownCopy: typeof buildMarkdownCopy;
  };
  variants.push([module, loaded.buildMarkdownCopy]);
}
const work = mkdtempSync(path.join(os.tmpdir(), 'markdown-copies-'));
try {
  const generated = generateHelpCenter(path.join(work, 'site'), { articles, faqs: 0, seed: 42, git: false });
  const articlesDir = path.join(generated.contentDir, 'articles');
  const links = { contentDir: generated.contentDir, base: '/help/', localeFolders: [] };
  const entries = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const file = path.join(articlesDir, f);
      // The page's own site path, as remark-links resolves a link to the file (with the base).
      const page = linkRewriter(links, file)!(path.basename(file));
      return { file, page, body: parseFrontmatter(readFileSync(file, 'utf8')).content };
    });
  const site = {
    siteUrl: 'https://help.example.com/help',
    links,
    markdownPathByPage: new Map(entries.map((e) => [e.page, `${e.page.slice('/help'.length, -1)}.md`])),
  };
  const outputs = new Map<string, string[]>();
  const cpu = new Map<string, number[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const [name, build] of variants) {
      const before = process.cpuUsage();
      const copies = entries.map((e) => build(site, e.body, e.file, e.page.slice('/help'.length)));
      const used = process.cpuUsage(before);
      cpu.set(name, [...(cpu.get(name) ?? []), (used.user + used.system) / 1e6]);
      outputs.set(name, copies);
    }
  }
  // A faster variant counts only if it writes the same copies.
  const [first] = variants;
  const differing = variants.filter(([name]) =>
    outputs.get(name)!.some((copy, i) => copy !== outputs.get(first![0])![i]),
  );
  printCpuRounds({
    cpu,
    articles: entries.length,
    words: generated.words,
    baseline: first![0],
    baselineLabel: first![0],
    digits: 2,
  });
  if (differing.length > 0) {
    console.log(`Copies differ from ${first![0]}: ${differing.map(([name]) => name).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
