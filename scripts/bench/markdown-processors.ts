/**
 * What our Markdown rendering costs against Astro 7's default (`npx tsx
 * scripts/bench/markdown-processors.ts [articles]`): the same generated articles rendered, one
 * after another on this thread, by
 *   - unified() with our remark and rehype plugins (what a project with its own unified() runs),
 *   - unified() with Astro's defaults only (what our plugins add to unified's own cost),
 *   - Sätteri, Astro 7's default processor (what the plain Astro baseline runs),
 *   - Sätteri with its built-in directive parsing (the syntax our callouts and tabs use),
 *   - Sätteri with our callout plugin only (what one JavaScript visitor costs),
 *   - Sätteri with all our plugins (what our build runs).
 * CPU seconds of this process per variant, in alternating rounds; the figures go to
 * docs/performance.md by hand.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { UNIFIED_REHYPE_PLUGINS, helpCenterMarkdown, unifiedRemarkPlugins } from '../../src/content/markdown-config.ts';
import { satteriCallouts } from '../../src/content/satteri-plugins.ts';
import { printCpuRounds } from './cpu-rounds.ts';
import { generateHelpCenter } from './generate-content.ts';

const articles = Number(process.argv[2] ?? 1000);
const rounds = 2;
const work = mkdtempSync(path.join(os.tmpdir(), 'markdown-processors-'));
try {
  const site = generateHelpCenter(path.join(work, 'site'), { articles, faqs: 0, seed: 42, git: false });
  const articlesDir = path.join(site.contentDir, 'articles');
  const files = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(articlesDir, f));
  const entries = files.map((file) => {
    const parsed = parseFrontmatter(readFileSync(file, 'utf8'));
    return { file, body: parsed.content, frontmatter: parsed.frontmatter };
  });
  const links = { contentDir: site.contentDir, base: '/', localeFolders: [] };
  const shiki = { theme: 'css-variables' as const };
  const variants: Array<[string, MarkdownRenderer]> = [
    [
      'unified(), our plugins',
      await createMarkdownProcessor({
        remarkPlugins: unifiedRemarkPlugins(links),
        rehypePlugins: UNIFIED_REHYPE_PLUGINS,
        shikiConfig: shiki,
      }),
    ],
    ['unified(), Astro defaults', await createMarkdownProcessor({ shikiConfig: shiki })],
    ['Sätteri (Astro 7 default)', await createSatteriMarkdownProcessor({ shikiConfig: shiki })],
    [
      'Sätteri + directives',
      await createSatteriMarkdownProcessor({ shikiConfig: shiki, features: { directive: true } }),
    ],
    [
      'Sätteri + callouts',
      await createSatteriMarkdownProcessor({
        shikiConfig: shiki,
        features: { directive: true },
        mdastPlugins: [satteriCallouts],
      }),
    ],
    // What our build runs: helpCenterMarkdown() on Astro's default processor.
    ['Sätteri, our plugins', await helpCenterMarkdown(links).processor.createRenderer({ shikiConfig: shiki })],
  ];
  const cpu = new Map<string, number[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const [name, renderer] of variants) {
      const before = process.cpuUsage();
      for (const entry of entries)
        await renderer.render(entry.body, { frontmatter: entry.frontmatter, fileURL: pathToFileURL(entry.file) });
      const used = process.cpuUsage(before);
      cpu.set(name, [...(cpu.get(name) ?? []), (used.user + used.system) / 1e6]);
    }
  }
  printCpuRounds({
    cpu,
    articles: entries.length,
    words: site.words,
    baseline: 'Sätteri (Astro 7 default)',
    baselineLabel: 'Sätteri',
    digits: 1,
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
