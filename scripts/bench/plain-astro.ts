/**
 * The benchmark's baseline: a minimal Astro project over the same Markdown (articles and FAQs),
 * with none of the help center's features (no layout, no checks, no remark plugins, no Pagefind).
 * Two content collections with glob loaders, one [...slug].astro page per article rendering
 * <Content />, and one faq.astro page rendering every FAQ answer. It uses this repository's
 * node_modules through a symlink.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function createPlainAstroProject(dir: string, articlesDir: string, faqsDir: string, repoRoot: string): string {
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/base' }, null, 2));
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'plain-astro-baseline', private: true, type: 'module' }, null, 2),
  );
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({\n  outDir: process.env.PLAIN_OUT_DIR,\n  cacheDir: process.env.PLAIN_CACHE_DIR,\n  build: { format: 'directory' },\n  devToolbar: { enabled: false },\n});\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\nexport const collections = {\n  articles: defineCollection({ loader: glob({ pattern: '*/{*,*/*}.md', base: ${JSON.stringify(articlesDir)} }) }),\n  faqs: defineCollection({ loader: glob({ pattern: '*/*.md', base: ${JSON.stringify(faqsDir)} }) }),\n};\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', '[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\n\nexport async function getStaticPaths() {\n  const articles = await getCollection('articles');\n  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\n\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<!doctype html>\n<html lang="en">\n  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>\n  <body><main><h1>{entry.data.title}</h1><Content /></main></body>\n</html>\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'faq.astro'),
    `---\nimport { getCollection, render } from 'astro:content';\n\nconst faqs = await Promise.all((await getCollection('faqs')).map(async (entry) => ({ entry, ...(await render(entry)) })));\n---\n<!doctype html>\n<html lang="en">\n  <head><meta charset="utf-8" /><title>FAQ</title></head>\n  <body><main><h1>FAQ</h1>{faqs.map(({ entry, Content }) => <section id={entry.id}><h2>{entry.data.question}</h2><Content /></section>)}</main></body>\n</html>\n`,
  );
  return dir;
}
