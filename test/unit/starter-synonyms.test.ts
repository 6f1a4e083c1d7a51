/**
 * The starter's default synonym sets (templates/starter/content/synonyms.yaml for English, and
 * content/<code>/synonyms.yaml for German, French and Spanish pages): valid for the build, and
 * they connect the words readers type with the words articles use.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getKitInfo, scaffoldSite } from '../../templates/scaffold.mjs';
import { importContent } from '../../src/tools/import/import-content.ts';
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

  it('stays in a new site that imports another generator’s documentation', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'starter-synonyms-'));
    try {
      const site = path.join(root, 'site');
      const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as unknown;
      expect(scaffoldSite({ target: site, kit: getKitInfo(pkg) }).ok).toBe(true);
      const source = path.join(REPO_ROOT, 'test/fixtures/import-hugo');
      importContent({ source, from: 'hugo', outDir: path.join(site, 'content') });
      expect(readFileSync(path.join(site, 'content', FILES.en), 'utf8')).toBe(
        readFileSync(path.join(CONTENT, FILES.en), 'utf8'),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('connects the words of product documentation too (imported sites keep the starter’s file)', () => {
    expect(expand('en', 'Callouts')).toContain('warning box');
    expect(expand('en', 'Admonitions')).toContain('note box');
    expect(expand('en', 'Deployment with Amazon S3 and CloudFront')).toContain('aws');
    expect(expand('en', 'RTL support')).toContain('right-to-left');
    expect(expand('en', 'Keep a clip permanently')).toContain('forever');
  });
});
