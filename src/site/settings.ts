/**
 * Site settings for config files and pages: read content/site.yaml once. The build's content
 * check reports invalid settings with file and line; here an invalid file falls back to defaults
 * so that the check, not a stack trace, is what the writer sees.
 */
import path from 'node:path';
import { SiteSettingsSchema, type SiteSettings } from '../content/schema.ts';
import { getContentDir } from '../content/paths.ts';
import { readYamlData } from './read-yaml-data.ts';

let cached: SiteSettings | undefined;

export function loadSiteSettings(): SiteSettings {
  if (cached) return cached;
  cached =
    readYamlData(path.join(getContentDir(), 'site.yaml'), SiteSettingsSchema) ??
    SiteSettingsSchema.parse({ name: 'Help Center', url: 'https://example.com' });
  const override = process.env.HELP_CENTER_FEEDBACK_ENDPOINT;
  if (override !== undefined) cached = { ...cached, feedbackEndpoint: override || undefined };
  const insights = process.env.HELP_CENTER_SEARCH_INSIGHTS;
  if (insights === 'true' || insights === 'false') cached = { ...cached, searchInsights: insights === 'true' };
  return cached;
}
