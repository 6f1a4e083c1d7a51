/** The starter's site.yaml is valid as written and with every commented-out example turned on. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SiteSettingsSchema } from '../../src/content/schema.ts';

const FILE = path.resolve(import.meta.dirname, '../../templates/starter/content/site.yaml');
const text = readFileSync(FILE, 'utf8').replaceAll('{{title}}', 'Acme');
/** "# key: value" and its indented "#   child: value" lines, uncommented; prose comments stay. */
const uncommented = text.replace(/^# ((?:\s+)?[a-zA-Z]+:(?: .*)?)$/gm, '$1');

describe("the starter's site.yaml", () => {
  it('is valid as written', () => {
    expect(SiteSettingsSchema.safeParse(parse(text)).error?.issues).toBeUndefined();
  });

  it('is valid with the commented-out settings turned on, and they are the ones the docs promise', () => {
    const settings = SiteSettingsSchema.parse(parse(uncommented));
    expect(settings.feedbackEndpoint).toBe('https://feedback.example.com/feedback');
    expect(settings.widget.origins).toEqual(['https://app.example.com']);
    expect(settings.editUrl).toMatch(/^https:\/\//);
  });
});
