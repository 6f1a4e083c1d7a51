// @ts-check
// The sample help center uses the package exactly as a team's site does. The environment
// variables are for the tests and the benchmark only (they build fixture sites with this config),
// and this is the one place they are read.
import { defineConfig } from 'astro/config';
import helpCenter from 'helpdesk-kit';

const env = process.env;
const feedback = env.HELP_CENTER_FEEDBACK_ENDPOINT;
const insights = env.HELP_CENTER_SEARCH_INSIGHTS;
const widgetOrigins = env.HELP_CENTER_WIDGET_ORIGINS;

export default defineConfig({
  // The repository's src/ is the package's source; the demo's own Astro folder is demo/.
  srcDir: env.HELP_CENTER_SRC_DIR ?? './demo',
  outDir: env.HELP_CENTER_OUT_DIR ?? './dist-site',
  // A fixture site with its own images (an imported one) serves its own public/ folder.
  publicDir: env.HELP_CENTER_PUBLIC_DIR ?? './public',
  cacheDir: env.HELP_CENTER_CACHE_DIR ?? './node_modules/.astro',
  devToolbar: { enabled: false },
  integrations: [
    helpCenter({
      contentDir: env.HELP_CENTER_CONTENT_DIR ?? 'content',
      ...(feedback !== undefined && { feedbackEndpoint: feedback || false }),
      ...(insights === 'true' || insights === 'false' ? { searchInsights: insights === 'true' } : {}),
      ...(widgetOrigins && { widgetOrigins: widgetOrigins.split(',') }),
    }),
  ],
});
