import { describe, expect, it } from 'vitest';
import { pickWidgetLanguage } from './widget-language.ts';

describe('pickWidgetLanguage', () => {
  const pick = (...stated: Array<string | null | undefined>) => pickWidgetLanguage(stated, 'en', ['de', 'ja', 'pt-BR']);
  it('takes the first language the page states, the element before the script before <html lang>', () => {
    expect(pick('de', 'ja', 'en')).toBe('de');
    expect(pick(null, '', 'ja')).toBe('ja');
  });
  it('matches case and base language both ways', () => {
    expect(pick('DE-ch')).toBe('de');
    expect(pick('pt')).toBe('pt-BR');
    expect(pick('pt-br')).toBe('pt-BR');
  });
  it('falls back to the default language (undefined) when the site lacks the language or none is stated', () => {
    expect(pick('fr', 'de')).toBeUndefined();
    expect(pick('en-GB')).toBeUndefined();
    expect(pick(undefined, null)).toBeUndefined();
  });
});
