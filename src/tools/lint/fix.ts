/**
 * `--fix`: apply the edits of fixable findings (invisible and bidi characters, homoglyphs), write
 * the files, and lint again so the result shows what is left.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TextEdit } from './context.ts';
import { lintContent, type LintFinding, type LintOptions, type LintResult } from './lint-content.ts';

export interface FixResult {
  /** The findings that were repaired, as reported before the fix. */
  fixed: LintFinding[];
  /** Files rewritten, relative to the root. */
  files: string[];
  /** The lint after fixing. */
  result: LintResult;
}

/** Apply non-overlapping edits (later ones that overlap an earlier one are skipped). */
export function applyEdits(source: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
    applied.push(edit);
  }
  return { text: out + source.slice(cursor), applied };
}

export async function fixContent(options: LintOptions): Promise<FixResult> {
  const root = path.resolve(options.root);
  const before = await lintContent(options);
  if (before.settingsErrors.length > 0) return { fixed: [], files: [], result: before };
  const byFile = new Map<string, LintFinding[]>();
  for (const finding of before.findings) {
    if (!finding.fix) continue;
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const fixed: LintFinding[] = [];
  const files: string[] = [];
  for (const [file, findings] of byFile) {
    const abs = path.join(root, file);
    const source = readFileSync(abs, 'utf8');
    // A finding is fixed only if all of its edits were applied.
    const edits = findings.flatMap((f) => f.fix!);
    const { text, applied } = applyEdits(source, edits);
    if (text === source) continue;
    writeFileSync(abs, text);
    files.push(file);
    const done = new Set(applied);
    for (const f of findings) if (f.fix!.every((e) => done.has(e))) fixed.push(f);
  }
  const result = files.length > 0 ? await lintContent(options) : before;
  return { fixed, files, result };
}
