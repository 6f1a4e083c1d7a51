// @ts-check
import { defineConfig } from 'astro/config';
import helpCenter from 'helpdesk-kit';

// Options: contentDir, customCss, components (your own .astro files in place of ours),
// feedbackEndpoint, searchInsights. See the helpdesk-kit README.
export default defineConfig({
  integrations: [helpCenter()],
});
