/**
 * The anchors a page body has, as the site will give them: heading ids (github-slugger, or a
 * written `{#id}`) and the `id`/`name` attributes of its HTML. A link the importer rewrites to an
 * anchor a page does not have would fail the build (broken-anchor); it links to the page instead.
 */
import { getMarkdownFacts } from '../lint/markdown-facts.ts';

const cache = new Map<string, Set<string>>();

export function getBodyAnchors(body: string): Set<string> {
  let anchors = cache.get(body);
  if (anchors) return anchors;
  anchors = new Set(getMarkdownFacts(body).headings.map((h) => h.id));
  for (const m of body.matchAll(/<[a-z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(m[1]!);
  cache.set(body, anchors);
  return anchors;
}
