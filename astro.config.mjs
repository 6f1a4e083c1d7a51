// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { helpCenter } from './src/index.ts';
import { helpCenterMarkdown } from './src/content/markdown-config.ts';
import { loadSiteSettings } from './src/site/settings.ts';
import { getContentDir } from './src/content/paths.ts';

const site = loadSiteSettings();
const base = site.base.endsWith('/') ? site.base : `${site.base}/`;

export default defineConfig({
  site: site.url,
  base,
  trailingSlash: 'ignore',
  outDir: process.env.HELP_CENTER_OUT_DIR ?? './dist',
  cacheDir: process.env.HELP_CENTER_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  markdown: helpCenterMarkdown({ contentDir: getContentDir(), base }),
  integrations: [mdx(), helpCenter()],
});
