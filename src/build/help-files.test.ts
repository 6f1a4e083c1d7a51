import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteSettingsSchema } from '../content/schema.ts';
import { loadUiStringsFile } from '../content/ui-strings-file.ts';
import { createTranslator } from '../i18n/ui-strings.ts';
import { createWidgetText } from '../widget/widget-texts.ts';
import { getWidgetConfig } from './help-files.ts';

const settings = (language: string) =>
  SiteSettingsSchema.parse({
    name: 'Hilfe',
    url: 'https://help.example.test',
    language,
    contact: { email: 'a@b.test' },
  });

describe('the widget configuration', () => {
  it("carries the widget's strings in the site's language, plural forms included, and nothing else", () => {
    const config = getWidgetConfig(settings('de'), 'unknown', createTranslator('de').strings);
    const t = createWidgetText(config.texts, config.language);
    expect(t.t('widget.launcher')).toBe('Hilfe');
    expect(t.plural('results.count', 1, { query: 'Paket' })).toBe('1 Ergebnis für „Paket“');
    expect(t.plural('results.count', 3, { query: 'Paket' })).toBe('3 Ergebnisse für „Paket“');
    expect(t.t('contact.email', { email: 'a@b.test' })).toContain('a@b.test');
    expect(Object.keys(config.texts)).not.toContain('home.title');
  });

  it("takes the site's own ui.yaml over ours", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'widget-texts-'));
    writeFileSync(path.join(dir, 'ui.yaml'), 'widget.launcher: Fragen?\n');
    const strings = createTranslator('de', loadUiStringsFile(dir, dir).strings).strings;
    expect(getWidgetConfig(settings('de'), 'unknown', strings).texts['widget.launcher']).toBe('Fragen?');
  });
});
