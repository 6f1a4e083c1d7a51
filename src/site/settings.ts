/**
 * Site settings: content/site.yaml read once per build by the integration. The build's content
 * check reports invalid settings with file and line; here an invalid file falls back to defaults
 * so that the check, not a stack trace, is what the writer sees.
 */
import path from 'node:path';
import { SiteSettingsSchema, type SiteSettings } from '../content/schema.ts';
import { readYamlData } from './read-yaml-data.ts';

/** What the integration's options change in site.yaml's settings (tests and previews use these). */
export interface SiteSettingsOverrides {
  /** The endpoint URL, or `false` for no "Was this helpful?" widget. */
  feedbackEndpoint?: string | false;
  searchInsights?: boolean;
  /** Replaces site.yaml's widget.origins. */
  widgetOrigins?: string[];
}

export function loadSiteSettings(contentDir: string, overrides: SiteSettingsOverrides = {}): SiteSettings {
  const settings =
    readYamlData(path.join(contentDir, 'site.yaml'), SiteSettingsSchema) ??
    SiteSettingsSchema.parse({ name: 'Help Center', url: 'https://example.com' });
  return {
    ...settings,
    ...(overrides.feedbackEndpoint !== undefined && { feedbackEndpoint: overrides.feedbackEndpoint || undefined }),
    ...(overrides.searchInsights !== undefined && { searchInsights: overrides.searchInsights }),
    ...(overrides.widgetOrigins !== undefined && { widget: { ...settings.widget, origins: overrides.widgetOrigins } }),
  };
}
