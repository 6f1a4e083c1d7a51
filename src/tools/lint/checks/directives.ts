/**
 * Only :::note, :::tip, :::warning and :::details are callouts, and ::::tabs holds :::tab blocks;
 * other directive blocks render as plain divs. Tabs written so that the site cannot read them as
 * tabs (a tab outside tabs, text between tabs, no label, tabs opened with three colons) are
 * reported with the fix.
 */
import { CALLOUT_NAMES } from '../../../content/remark-callouts.ts';
import { findClosest } from '../../../lib/did-you-mean.ts';
import { createBodyFinding, type Finding, type LintContext } from '../context.ts';
import type { DirectiveFact } from '../markdown-facts.ts';

const TAB_NAMES = ['tabs', 'tab'];

export function checkDirectives(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const unknown = ctx.isEnabled('unknown-directive');
  const tabs = ctx.isEnabled('tabs-syntax');
  const names: string[] = [...CALLOUT_NAMES];
  const list = names.map((n) => `:::${n}`).join(', ');
  for (const doc of ctx.documents) {
    for (const d of doc.facts.directives) {
      if (d.type === 'containerDirective' && TAB_NAMES.includes(d.name)) {
        if (tabs)
          for (const [offset, message] of tabProblems(d))
            out.push(createBodyFinding(doc, 'tabs-syntax', offset, message));
        continue;
      }
      if (!unknown || (d.type === 'containerDirective' && names.includes(d.name))) continue;
      const written = d.type === 'containerDirective' ? `:::${d.name}` : `::${d.name}`;
      const near = findClosest(d.name, [...names, ...TAB_NAMES]);
      const message =
        d.type === 'leafDirective'
          ? `"${written}" is not a callout; callouts start with three colons (${list}) and end with a ":::" line`
          : `"${written}" is not a callout, so readers see its text without a callout box; use one of ${list}${near ? ` (did you mean :::${near}?)` : ''}`;
      out.push(createBodyFinding(doc, 'unknown-directive', d.offset, message));
    }
  }
  return out;
}

const SHAPE = 'write "::::tabs", then each tab as ":::tab[Label]" … ":::", then "::::"';

function tabProblems(d: DirectiveFact): Array<[number, string]> {
  const problems: Array<[number, string]> = [];
  if (d.name === 'tab') {
    if (d.parent === 'tab')
      problems.push([d.offset, `":::tab" inside a tab: the tabs block was opened with three colons; ${SHAPE}`]);
    else if (d.parent !== 'tabs')
      problems.push([d.offset, `":::tab" outside a tabs block shows as a plain box; ${SHAPE}`]);
    if (!d.labelled)
      problems.push([d.offset, '":::tab" without a label: readers see "Tab 1"; name it, as in ":::tab[Windows]"']);
    return problems;
  }
  if (d.colons < 4)
    problems.push([d.offset, `":::tabs" opened with three colons is closed by its first tab's ":::"; ${SHAPE}`]);
  for (const offset of d.otherChildren ?? [])
    problems.push([
      offset,
      'text in a tabs block outside any ":::tab" does not belong to a tab; move it into a tab or below the "::::" line',
    ]);
  if (d.tabCount === 0) problems.push([d.offset, `a tabs block without tabs; ${SHAPE}`]);
  return problems;
}
