/** Heading structure: the title is the only h1, and levels go down one step at a time. */
import { createBodyFinding, type Finding, type LintContext } from '../context.ts';

export function checkHeadings(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const doc of ctx.documents) {
    let previous = 1; // the title
    for (const heading of doc.facts.headings) {
      const shown = `"${heading.text.length > 60 ? `${heading.text.slice(0, 57)}...` : heading.text}"`;
      if (heading.depth === 1) {
        if (ctx.isEnabled('heading-h1')) {
          const title = doc.entry.kind === 'article' ? 'the title' : 'the question';
          out.push(
            createBodyFinding(
              doc,
              'heading-h1',
              heading.offset,
              `${shown} is a level-1 heading; ${title} is the page's only h1, so start body headings at ## (level 2)`,
            ),
          );
        }
      } else if (heading.depth > previous + 1 && ctx.isEnabled('heading-level-skip')) {
        const message =
          previous === 1
            ? `${shown} is the first heading but is level ${heading.depth}; the title is level 1, so use ## here`
            : `${shown} jumps from level ${previous} to level ${heading.depth}; use ${'#'.repeat(previous + 1)} here, or ${'#'.repeat(previous)} if it starts a new section`;
        out.push(createBodyFinding(doc, 'heading-level-skip', heading.offset, message));
      }
      previous = heading.depth;
    }
  }
  return out;
}
