/**
 * The benchmark's baseline: what a team would get by bending plain Astro into a help center, with
 * none of our features. Astro + @astrojs/mdx + Pagefind over the same Markdown (articles and FAQs):
 * two content collections with glob loaders, one layout (head, header with navigation, main,
 * footer) used by one [...slug].astro page per article and by a faq.astro page with every answer,
 * and Pagefind indexing the output at the end of the build through its Node API, as
 * astro-pagefind does. It uses this repository's node_modules through a symlink. With
 * `searchPage`, /search/ runs Pagefind's own UI, as its docs set it up (the search speed benchmark).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Pagefind over the built pages, in the build, as astro-pagefind runs it. */
const search = {
  name: 'pagefind',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      const site = fileURLToPath(dir);
      const { index } = await pagefind.createIndex({});
      await index.addDirectory({ path: site });
      await index.writeFiles({ outputPath: site + '/pagefind' });
      await pagefind.close();
    },
  },
};

export default defineConfig({
  outDir: process.env.PLAIN_OUT_DIR,
  cacheDir: process.env.PLAIN_CACHE_DIR,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [mdx(), search],
});
`;

const LAYOUT = `---
interface Props { title: string; description?: string }
const { title, description } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title} · Help Center</title>
    {description && <meta name="description" content={description} />}
    <style>
      body { font-family: system-ui, sans-serif; margin: 0; line-height: 1.6; }
      header, footer { padding: 1rem; background: #f4f4f5; }
      main { max-width: 45rem; margin: 0 auto; padding: 1rem; }
    </style>
  </head>
  <body>
    <header><a href="/">Help Center</a> <nav aria-label="Main"><a href="/faq/">FAQ</a> <a href="/search/">Search</a></nav></header>
    <main data-pagefind-body><h1>{title}</h1><slot /></main>
    <footer><p>Still need help? <a href="mailto:help@example.com">Contact us</a></p></footer>
  </body>
</html>
`;

const SEARCH_PAGE = `---
import Layout from '../layouts/Layout.astro';
---
<Layout title="Search">
  <link href="/pagefind/pagefind-ui.css" rel="stylesheet" />
  <script is:inline src="/pagefind/pagefind-ui.js"></script>
  <div id="search"></div>
  <script is:inline>
    window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search', showSubResults: true }));
  </script>
</Layout>
`;

export function createPlainAstroProject(
  dir: string,
  articlesDir: string,
  faqsDir: string,
  repoRoot: string,
  { searchPage = false }: { searchPage?: boolean } = {},
): string {
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  mkdirSync(path.join(dir, 'src', 'layouts'), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/base' }, null, 2));
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'plain-astro-baseline', private: true, type: 'module' }, null, 2),
  );
  writeFileSync(path.join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(path.join(dir, 'src', 'layouts', 'Layout.astro'), LAYOUT);
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\nexport const collections = {\n  articles: defineCollection({ loader: glob({ pattern: '*/{*,*/*}.{md,mdx}', base: ${JSON.stringify(articlesDir)} }) }),\n  faqs: defineCollection({ loader: glob({ pattern: '*/*.{md,mdx}', base: ${JSON.stringify(faqsDir)} }) }),\n};\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', '[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nimport Layout from '../layouts/Layout.astro';\n\nexport async function getStaticPaths() {\n  const articles = await getCollection('articles');\n  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\n\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<Layout title={entry.data.title} description={entry.data.description}><Content /></Layout>\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'faq.astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nimport Layout from '../layouts/Layout.astro';\n\nconst faqs = await Promise.all((await getCollection('faqs')).map(async (entry) => ({ entry, ...(await render(entry)) })));\n---\n<Layout title="FAQ">{faqs.map(({ entry, Content }) => <section id={entry.id}><h2>{entry.data.question}</h2><Content /></section>)}</Layout>\n`,
  );
  if (searchPage) writeFileSync(path.join(dir, 'src', 'pages', 'search.astro'), SEARCH_PAGE);
  return dir;
}
