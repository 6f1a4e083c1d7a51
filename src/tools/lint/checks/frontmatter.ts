/** Frontmatter quality beyond the schema: description length, owners and review dates. */
import { createFieldFinding, type Finding, type LintContext } from '../context.ts';
import { PLACEHOLDER } from './placeholders.ts';

/** What search results show well: Google cuts snippets at about 160 characters. */
export const DESCRIPTION_MIN = 50;
export const DESCRIPTION_MAX = 160;

export function checkFrontmatter(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const doc of ctx.documents) {
    const { entry } = doc;
    if (entry.kind !== 'article' || !doc.frontmatterValid) continue;
    const { description, owner, reviewBy } = entry.data;
    const length = [...description].length;
    if (ctx.isEnabled('description-length') && !PLACEHOLDER.test(description)) {
      if (length < DESCRIPTION_MIN) {
        out.push(
          createFieldFinding(
            doc,
            'description-length',
            ['description'],
            `description is ${length} characters; search results show ${DESCRIPTION_MIN}–${DESCRIPTION_MAX}, so say in a sentence or two what the article helps with`,
          ),
        );
      } else if (length > DESCRIPTION_MAX) {
        out.push(
          createFieldFinding(
            doc,
            'description-length',
            ['description'],
            `description is ${length} characters; search results cut it after about ${DESCRIPTION_MAX}, so shorten it`,
          ),
        );
      }
    }
    if (ctx.isEnabled('owner-missing') && ctx.settings.requireOwner && !owner) {
      out.push(
        createFieldFinding(
          doc,
          'owner-missing',
          ['owner'],
          'the article has no owner, and lint.requireOwner is on; add "owner:" with the team or person who keeps it up to date',
        ),
      );
    }
    if (ctx.isEnabled('review-overdue') && reviewBy && reviewBy < ctx.today) {
      const days = Math.round((Date.parse(ctx.today) - Date.parse(reviewBy)) / 86_400_000);
      out.push(
        createFieldFinding(
          doc,
          'review-overdue',
          ['reviewBy'],
          `reviewBy ${reviewBy} has passed (${days} ${days === 1 ? 'day' : 'days'} ago${owner ? `, owner: ${owner}` : ''}); review the article, then set reviewBy to the next review date`,
        ),
      );
    }
  }
  return out;
}
