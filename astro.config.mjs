// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkDirective from 'remark-directive';
import { helpCenter } from './src/integrations/help-center.ts';
import { remarkCallouts } from './src/content/remark-callouts.ts';
import { remarkLinks } from './src/content/remark-links.ts';
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
  markdown: {
    remarkPlugins: [remarkDirective, remarkCallouts, [remarkLinks, { contentDir: getContentDir(), base }]],
    // One tokenization per code block, coloured by CSS variables for the light and dark themes (global.css).
    shikiConfig: { theme: 'css-variables' },
  },
  integrations: [mdx(), helpCenter()],
});
