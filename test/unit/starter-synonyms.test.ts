/**
 * The starter's default synonym sets (templates/starter/content/synonyms.yaml for English, and
 * content/<code>/synonyms.yaml for German, French and Spanish pages): valid for the build, and
 * they connect the words readers type with the words articles use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSynonyms } from '../../src/content/synonyms.ts';
import { createSynonymExpander } from '../../src/search/synonyms.ts';
import { REPO_ROOT } from '../helpers/build-site.ts';

const CONTENT = path.join(REPO_ROOT, 'templates/starter/content');
const FILES = { en: 'synonyms.yaml', de: 'de/synonyms.yaml', fr: 'fr/synonyms.yaml', es: 'es/synonyms.yaml' };

const load = (language: keyof typeof FILES) =>
  parseSynonyms(readFileSync(path.join(CONTENT, FILES[language]), 'utf8'), `content/${FILES[language]}`);

/** The synonyms a page titled `title` is indexed with. */
const expand = (language: keyof typeof FILES, title: string) =>
  createSynonymExpander(load(language).groups, language).expand({ title: [title] }).title;

describe('the starter’s default synonyms', () => {
  it.each(Object.keys(FILES) as Array<keyof typeof FILES>)('%s: a valid file of at least 8 groups', (language) => {
    const { groups, diagnostics } = load(language);
    expect(diagnostics).toEqual([]);
    expect(groups.length).toBeGreaterThanOrEqual(8);
  });

  it('finds a page in the words its readers use, in each language', () => {
    expect(expand('en', 'Sign in to your account')).toContain('log in');
    expect(expand('en', 'Get a refund')).toContain('money back');
    expect(expand('de', 'Probleme beim Anmelden')).toContain('einloggen');
    expect(expand('de', 'Wann kommt meine Erstattung?')).toContain('Geld zurück');
    expect(expand('fr', 'Réinitialiser votre mot de passe')).toContain('mdp');
    expect(expand('es', 'Solicitar un reembolso')).toContain('reintegro');
  });
});
