/**
 * Writes dist/feedback-manifest.json: the ids the feedback endpoint accepts (every published
 * article and FAQ, unlisted ones included: they show the widget too), with titles, category,
 * section and page paths for the report, and the content revision.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleEntry, FaqEntry, LoadedContent } from '../content/load.ts';
import { getArticlePath, getFaqPath, getFeedbackId, withBase } from '../content/routes.ts';
import { buildFeedbackManifest, type FeedbackManifest } from '../feedback/manifest.ts';

export const FEEDBACK_MANIFEST_FILE = 'feedback-manifest.json';

export function getFeedbackManifest(content: LoadedContent, revision: string | undefined): FeedbackManifest {
  const site = content.site!;
  const base = site.base;
  const items = [
    ...content.articles
      .filter((a) => !a.data.draft)
      .map((a) => ({
        id: getFeedbackId('article', a.id),
        kind: 'article' as const,
        title: a.data.title,
        ...getPlace(a),
        path: withBase(base, getArticlePath(a.category, a.id)),
      })),
    ...content.faqs
      .filter((f) => !f.data.draft)
      .map((f) => ({
        id: getFeedbackId('faq', f.id),
        kind: 'faq' as const,
        title: f.data.question,
        ...getPlace(f),
        path: withBase(base, getFaqPath(f.id)),
      })),
  ];
  return buildFeedbackManifest({ revision, siteUrl: new URL(withBase(base, '/'), site.url).toString(), items });
}

/** The category and, for an entry in one, the section: the report and admin summary group by them. */
function getPlace(entry: ArticleEntry | FaqEntry): { category: string; section?: string } {
  return entry.section === undefined
    ? { category: entry.category }
    : { category: entry.category, section: entry.section };
}

export function writeFeedbackManifest(outDir: string, manifest: FeedbackManifest): string {
  const file = path.join(outDir, FEEDBACK_MANIFEST_FILE);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}
