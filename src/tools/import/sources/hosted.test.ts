/** Hosted desks' JSON in the shapes their APIs answer with (see each fixture's PROVENANCE.md). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHostedExport } from './hosted.ts';
import type { ConversionCounts } from '../types.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-hosted-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const counts = (): ConversionCounts => ({
  converted: [],
  templateSyntaxRemoved: [],
  unsafeHtmlRemoved: new Map(),
  includesToFill: [],
});

function exportOf(name: string, files: Record<string, unknown>): string {
  const dir = path.join(tmp, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, data] of Object.entries(files)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, file), JSON.stringify(data));
  }
  return dir;
}

const article = (id: number, extra: Record<string, unknown>) => ({
  id,
  url: `https://acme.zendesk.com/api/v2/help_center/en-us/articles/${id}.json`,
  html_url: `https://acme.zendesk.com/hc/en-us/articles/${id}-Title-${id}`,
  author_id: 9001,
  draft: false,
  section_id: 110,
  title: `Title ${id}`,
  locale: 'en-us',
  source_locale: 'en-us',
  user_segment_id: null,
  body: `<p>Body ${id}.</p>`,
  ...extra,
});

describe('Zendesk', () => {
  it('leaves out an article restricted by user_segment_ids (Enterprise), as by user_segment_id', () => {
    const dir = exportOf('zendesk-segments', {
      'articles.json': {
        articles: [
          article(1, {}),
          article(2, { user_segment_id: 77 }),
          article(3, { user_segment_ids: [77, 78] }),
          article(4, { user_segment_ids: [] }),
        ],
        meta: { has_more: false, after_cursor: null, before_cursor: null },
        links: { next: null, prev: null },
      },
    });
    const set = readHostedExport('zendesk', dir, counts());
    expect(set.pages.map((p) => p.title)).toEqual(['Title 1', 'Title 4']);
    expect(set.skipped.map((s) => s.origin)).toEqual(['articles#2/en-us', 'articles#3/en-us']);
  });

  it('reads translations whose source_type is "Article" or "article"', () => {
    const translation = (id: number, locale: string, sourceType: string) => ({
      id,
      source_id: 1,
      source_type: sourceType,
      locale,
      title: `Titel ${locale}`,
      body: '<p>Text.</p>',
      html_url: `https://acme.zendesk.com/hc/${locale}/articles/1`,
      draft: false,
      outdated: false,
    });
    const dir = exportOf('zendesk-translations', {
      'articles.json': { articles: [article(1, {})] },
      'translations.json': {
        translations: [
          translation(11, 'de', 'Article'),
          translation(12, 'fr', 'article'),
          translation(13, 'it', 'Section'),
        ],
      },
    });
    const set = readHostedExport('zendesk', dir, counts());
    expect(set.pages.map((p) => p.locale ?? 'default')).toEqual(['default', 'de', 'fr']);
  });
});
