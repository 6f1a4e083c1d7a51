/**
 * What the pages, components and content collections know of the integration: the project's
 * paths and its site settings, resolved once in `astro:config:setup` and handed to Astro's module
 * graph as the virtual module `virtual:helpdesk-kit/config` (src/integration/vite-plugin.ts).
 */
import config from 'virtual:helpdesk-kit/config';
import type { SiteSettings } from '../content/schema.ts';

export interface HelpCenterRuntimeConfig {
  /** The Astro project's root folder (absolute). */
  root: string;
  /** The content folder (absolute). */
  contentDir: string;
  settings: SiteSettings;
  /** The content has FAQ files: otherwise there is no FAQ collection, page or link. */
  hasFaqs: boolean;
}

export const getHelpCenterConfig = (): HelpCenterRuntimeConfig => config;

/** site.yaml's settings, with the integration's overrides applied. */
export const getSiteSettings = (): SiteSettings => config.settings;
