/** Placeholders a writer must replace: `npm run new` writes "TODO" where text is still missing. */
import { createFieldFinding, type Finding, type LintContext } from '../context.ts';

export const PLACEHOLDER = /\b(?:TODO|TBD|FIXME)\b/;
const PLACEHOLDER_ALL = /\b(?:TODO|TBD|FIXME)\b/g;

/** Frontmatter fields whose text readers see. */
const FIELDS = ['title', 'description', 'question', 'owner'] as const;

export function checkPlaceholders(ctx: LintContext): Finding[] {
  if (!ctx.isEnabled('todo-placeholder')) return [];
  const out: Finding[] = [];
  for (const doc of ctx.documents) {
    const data = doc.entry.data as Record<string, unknown>;
    for (const field of FIELDS) {
      const value = data[field];
      if (typeof value === 'string' && PLACEHOLDER.test(value)) {
        out.push(
          createFieldFinding(
            doc,
            'todo-placeholder',
            [field],
            `${field} is still a placeholder ("${PLACEHOLDER.exec(value)![0]}"); write the real ${field} before publishing`,
          ),
        );
      }
    }
    for (const text of doc.facts.text) {
      if (!text.text.includes('TODO') && !text.text.includes('TBD') && !text.text.includes('FIXME')) continue;
      for (const match of text.text.matchAll(PLACEHOLDER_ALL)) {
        out.push({
          ruleId: 'todo-placeholder',
          file: doc.entry.file,
          ...doc.locate(doc.bodyStart + text.offset + match.index),
          message: `"${match[0]}" marks text that is still missing; write it or remove the note before publishing`,
        });
      }
    }
  }
  return out;
}
