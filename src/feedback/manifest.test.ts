import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFeedbackManifest, loadFeedbackManifest, parseFeedbackManifest } from './manifest.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'feedback-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const items = [
  {
    id: 'faq:why-charged-twice',
    kind: 'faq' as const,
    title: 'Why was I charged twice?',
    path: '/faq/#why-charged-twice',
  },
  {
    id: 'article:reset-password',
    kind: 'article' as const,
    title: 'Reset your password',
    path: '/account/reset-password/',
  },
];

describe('buildFeedbackManifest', () => {
  it('writes version 1, the revision and the site URL, with items sorted by id', () => {
    expect(buildFeedbackManifest({ revision: 'abc1234', siteUrl: 'https://help.example.com', items })).toEqual({
      version: 1,
      revision: 'abc1234',
      siteUrl: 'https://help.example.com',
      items: [items[1], items[0]],
    });
  });

  it('records "unknown" when the build has no git revision', () => {
    expect(
      buildFeedbackManifest({ revision: undefined, siteUrl: 'https://help.example.com/', items: [] }).revision,
    ).toBe('unknown');
  });

  it('lists every problem: bad ids, a kind that does not match, duplicates, a relative site URL', () => {
    expect(() =>
      buildFeedbackManifest({
        revision: 'abc1234',
        siteUrl: 'help.example.com',
        items: [
          { id: 'article:Bad Id', kind: 'article', title: 'x', path: '/x/' },
          { id: 'faq:x', kind: 'article', title: 'x', path: '/x/' },
          { id: 'faq:y', kind: 'faq', title: '', path: 'faq/' },
          { id: 'faq:y', kind: 'faq', title: 'y', path: '/faq/#y' },
        ],
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidFeedbackManifest: the feedback manifest built from content/ is not a valid feedback manifest:
        siteUrl: must be a full URL like https://help.example.com
        items[0].id: must look like "article:reset-password" or "faq:why-charged-twice"
        items[1].id: the id prefix must match kind ("article:..." for articles, "faq:..." for FAQs)
        items[2].title: must not be empty
        items[2].path: must be a site path starting with one "/", like "/account/reset-password/"
        items[3].id: duplicate id "faq:y"]
    `);
  });
});

describe('loadFeedbackManifest', () => {
  it('reads what the build wrote', () => {
    const file = path.join(dir, 'ok.json');
    const manifest = buildFeedbackManifest({ revision: 'abc1234', siteUrl: 'https://help.example.com', items });
    writeFileSync(file, JSON.stringify(manifest));
    expect(loadFeedbackManifest(file)).toEqual(manifest);
  });

  it('says to build first when the file is missing', () => {
    const file = path.join(dir, 'missing.json');
    expect(() => loadFeedbackManifest(file)).toThrow(
      `the feedback manifest ${file} does not exist; looked in ${dir}: run "npm run build" first to write it there, or set FEEDBACK_MANIFEST to the feedback-manifest.json of the built site`,
    );
  });

  it('names the file when it is not JSON or not a manifest', () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{"version":');
    expect(() => loadFeedbackManifest(file)).toThrow(
      `${file} is not valid JSON; rebuild the site (npm run build) to write it again`,
    );
    expect(() =>
      parseFeedbackManifest(
        '{"version":2,"revision":"x","siteUrl":"https://a.b","items":[]}',
        'https://help.example.com/feedback-manifest.json',
      ),
    ).toThrow(
      /^https:\/\/help\.example\.com\/feedback-manifest\.json is not a valid feedback manifest:\n {2}version: expected 1, received 2\n {2}revision: must be a git commit/,
    );
  });
});
