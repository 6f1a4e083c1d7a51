/**
 * Translation freshness (docs/languages.md): a translation must say which revision of its source
 * it was made from (`sourceRevision`; `--fix` records the current one), and is stale when the
 * source has changed since, other than by an edit the source marks minor (`minorRevisionOf`).
 */
import type { TranslationEntry } from '../../../content/load.ts';
import { getFreshness } from '../../../content/revision.ts';
import type { Finding, LintContext, TextEdit } from '../context.ts';

export function checkTranslations(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const t of ctx.content.translations) {
    if (!t.original) continue;
    const freshness = getFreshness(t.original, t);
    if (freshness.state === 'unknown' && ctx.isEnabled('translation-revision')) {
      out.push({
        ruleId: 'translation-revision',
        file: t.file,
        line: 1,
        column: 1,
        message: `the translation does not say which revision of ${t.original.file} it was made from; add 'sourceRevision: "${freshness.currentRevision}"' if it matches the source as it is now (--fix adds it)`,
        fix: getAddRevisionEdit(t, freshness.currentRevision),
      });
    } else if (freshness.state === 'stale' && ctx.isEnabled('translation-stale')) {
      out.push({
        ruleId: 'translation-stale',
        file: t.file,
        ...t.yaml.locate(['sourceRevision']),
        message: `${t.original.file} has changed since this translation was made (revision ${freshness.sourceRevision}, now ${freshness.currentRevision}); update the translation and set 'sourceRevision: "${freshness.currentRevision}"', or, if the change was minor, add 'minorRevisionOf: "${freshness.sourceRevision}"' to the source`,
      });
    }
  }
  return out;
}

/** `sourceRevision: <rev>` as the last frontmatter line, before the closing `---`. */
function getAddRevisionEdit(t: TranslationEntry, revision: string): TextEdit[] | undefined {
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(t.source.slice(3));
  if (!close) return undefined;
  const at = 3 + close.index;
  const newline = t.source.includes('\r\n') ? '\r\n' : '\n';
  return [{ start: at, end: at, text: `${newline}sourceRevision: "${revision}"` }];
}
