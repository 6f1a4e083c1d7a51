/** Only :::note, :::tip and :::warning are callouts; other directive blocks render as plain divs. */
import { CALLOUT_TYPES } from '../../../content/remark-callouts.ts';
import { findClosest } from '../../../lib/did-you-mean.ts';
import { createBodyFinding, type Finding, type LintContext } from '../context.ts';

export function checkDirectives(ctx: LintContext): Finding[] {
  if (!ctx.isEnabled('unknown-directive')) return [];
  const names = Object.keys(CALLOUT_TYPES);
  const list = names.map((n) => `:::${n}`).join(', ');
  const out: Finding[] = [];
  for (const doc of ctx.documents) {
    for (const d of doc.facts.directives) {
      if (d.type === 'containerDirective' && names.includes(d.name)) continue;
      const written = d.type === 'containerDirective' ? `:::${d.name}` : `::${d.name}`;
      const near = findClosest(d.name, names);
      const message =
        d.type === 'leafDirective'
          ? `"${written}" is not a callout; callouts start with three colons (${list}) and end with a ":::" line`
          : `"${written}" is not a callout, so readers see its text without a callout box; use one of ${list}${near ? ` (did you mean :::${near}?)` : ''}`;
      out.push(createBodyFinding(doc, 'unknown-directive', d.offset, message));
    }
  }
  return out;
}
