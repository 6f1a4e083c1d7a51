/**
 * Words in the wrong script. A word that mixes look-alike letters of different scripts (a Cyrillic
 * "а" in "pаssword", a fullwidth "ａ") is a homoglyph: it reads right but breaks search and is a
 * classic phishing trick. Whole runs of a script the site's language does not use ("免费领取" in an
 * English sentence) are reported as unexpected; the same foreign run repeated is a sign of spam.
 */
import type { Finding, LintContext, LintDocument, TextEdit } from '../context.ts';
import { getProse, hasNonAscii } from '../prose.ts';
import { CONFUSABLES, describeChar, getExpectedScripts, getLanguageName, getScript } from '../unicode.ts';

const WORD = /[\p{L}\p{M}]+/gu;
/** Scripts whose letters are mistaken for each other. */
const LOOKALIKE_SCRIPTS = new Set(['Latin', 'Cyrillic', 'Greek', 'Armenian']);
/** A run of foreign words stops at 12 or more characters of anything else. */
const RUN_GAP = /^[\s\p{P}\p{N}\p{S}\p{M}]{0,12}$/u;

interface ForeignRun {
  doc: LintDocument;
  offset: number;
  text: string;
  script: string;
}

export function checkScripts(ctx: LintContext): Finding[] {
  const expected = getExpectedScripts(ctx.settings.language);
  const out: Finding[] = [];
  const runs: ForeignRun[] = [];
  const wantHomoglyph = ctx.isEnabled('homoglyph');
  for (const doc of ctx.documents) {
    for (const segment of getProse(doc)) {
      if (!hasNonAscii(segment.text)) continue;
      const foreignWords: Array<{ index: number; text: string; script: string }> = [];
      for (const m of segment.text.matchAll(WORD)) {
        if (!hasNonAscii(m[0])) continue;
        const verdict = judgeWord(m[0], expected);
        if (verdict.kind === 'homoglyph' && wantHomoglyph) {
          out.push(createHomoglyphFinding(doc, segment.start + m.index, m[0], verdict));
        } else if (verdict.kind === 'foreign')
          foreignWords.push({ index: m.index, text: m[0], script: verdict.script });
      }
      for (const run of joinRuns(segment.text, foreignWords))
        runs.push({ doc, offset: segment.start + run.index, text: run.text, script: run.script });
    }
  }
  out.push(...reportForeignRuns(ctx, runs));
  return out;
}

type Verdict =
  | { kind: 'ok' }
  | { kind: 'foreign'; script: string }
  | {
      kind: 'homoglyph';
      dominant: string;
      suspects: Array<{ index: number; ch: string; replacement: string | undefined }>;
    };

/** Decide about one word (a run of letters and marks). Exported for tests. */
export function judgeWord(word: string, expected: ReadonlySet<string>): Verdict {
  const chars = [...word];
  const counts = new Map<string, number>();
  const scripts: string[] = [];
  let compat = 0;
  for (const ch of chars) {
    let script = getScript(ch);
    // Fullwidth and "mathematical bold" letters that normalise to ASCII are Latin look-alikes.
    if (!/[A-Za-z]/.test(ch) && /^[A-Za-z]$/.test(ch.normalize('NFKC'))) {
      script = 'Compat';
      compat++;
    }
    scripts.push(script);
    if (script !== 'Common') counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const lookalike = [...counts.keys()].filter((s) => LOOKALIKE_SCRIPTS.has(s));
  if (compat > 0 || lookalike.length > 1) {
    const dominant = pickDominant(counts, expected, compat === chars.length);
    const suspects: Array<{ index: number; ch: string; replacement: string | undefined }> = [];
    let index = 0;
    chars.forEach((ch, i) => {
      const script = scripts[i]!;
      if (script === 'Compat') suspects.push({ index, ch, replacement: ch.normalize('NFKC') });
      else if (LOOKALIKE_SCRIPTS.has(script) && script !== dominant)
        suspects.push({ index, ch, replacement: getLookalike(ch, dominant) });
      index += ch.length;
    });
    // Greek letters that are not look-alikes are units and symbols here ("μm", "Ωcm").
    const onlyGreekSymbols = suspects.every((s) => getScript(s.ch) === 'Greek' && !CONFUSABLES.has(s.ch));
    if (suspects.length > 0 && !onlyGreekSymbols) return { kind: 'homoglyph', dominant, suspects };
    if (onlyGreekSymbols && expected.has(dominant)) return { kind: 'ok' };
  }
  for (const script of counts.keys()) if (!expected.has(script)) return { kind: 'foreign', script };
  return { kind: 'ok' };
}

/** The script most letters are in; ties go to the site's own script, then to Latin. */
function pickDominant(counts: Map<string, number>, expected: ReadonlySet<string>, allCompat: boolean): string {
  if (allCompat) return 'Latin';
  let best = 'Latin';
  let bestScore = -1;
  for (const [script, n] of counts) {
    if (!LOOKALIKE_SCRIPTS.has(script)) continue;
    const score = n * 4 + (expected.has(script) ? 2 : 0) + (expected.has(script) && script !== 'Latin' ? 1 : 0);
    if (score > bestScore) {
      best = script;
      bestScore = score;
    }
  }
  return best;
}

/** The letter of `script` that `ch` imitates, if we know it. */
function getLookalike(ch: string, script: string): string | undefined {
  const latin = CONFUSABLES.get(ch)?.latin ?? (/^[A-Za-z]$/.test(ch) ? ch : undefined);
  if (!latin) return undefined;
  if (script === 'Latin') return latin;
  for (const [other, info] of CONFUSABLES) if (info.latin === latin && getScript(other) === script) return other;
  return undefined;
}

function createHomoglyphFinding(
  doc: LintDocument,
  offset: number,
  word: string,
  verdict: Extract<Verdict, { kind: 'homoglyph' }>,
): Finding {
  const first = verdict.suspects[0]!;
  const others = [...new Set(verdict.suspects.map((s) => getScript(s.ch)))].filter((s) => s !== 'Common');
  const mix =
    others.length > 0 && !(others.length === 1 && others[0] === verdict.dominant)
      ? `mixes ${verdict.dominant} and ${others.join(', ')} letters`
      : 'uses look-alike letters';
  const names = [...new Set(verdict.suspects.map((s) => describeChar(s.ch)))].join(', ');
  const looksLike = first.replacement ? ` (looks like ${verdict.dominant} "${first.replacement}")` : '';
  const fixable = verdict.suspects.every((s) => s.replacement);
  const message = `"${word}" ${mix}: ${names}${looksLike}; retype the word${fixable ? ' (--fix does)' : ''}`;
  const finding: Finding = { ruleId: 'homoglyph', file: doc.entry.file, ...doc.locate(offset), message };
  if (fixable)
    finding.fix = verdict.suspects.map((s): TextEdit => ({
      start: offset + s.index,
      end: offset + s.index + s.ch.length,
      text: s.replacement!,
    }));
  return finding;
}

/** Neighbouring foreign words of one script, separated only by spaces, punctuation or digits, form one run. */
function joinRuns(
  text: string,
  words: Array<{ index: number; text: string; script: string }>,
): Array<{ index: number; text: string; script: string }> {
  const runs: Array<{ index: number; text: string; script: string }> = [];
  for (const w of words) {
    const last = runs[runs.length - 1];
    if (last && last.script === w.script && RUN_GAP.test(text.slice(last.index + last.text.length, w.index))) {
      last.text = text.slice(last.index, w.index + w.text.length);
    } else runs.push({ ...w });
  }
  return runs;
}

function reportForeignRuns(ctx: LintContext, runs: ForeignRun[]): Finding[] {
  const language = `${getLanguageName(ctx.settings.language)} (${ctx.settings.language})`;
  const groups = new Map<string, ForeignRun[]>();
  for (const run of runs) {
    const key = run.text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, ' ')
      .trim();
    if ([...key.replace(/ /g, '')].length < 2) continue;
    const list = groups.get(key) ?? [];
    list.push(run);
    groups.set(key, list);
  }
  const repeatedRuns = new Set<ForeignRun>();
  const out: Finding[] = [];
  if (ctx.isEnabled('repeated-foreign-phrase')) {
    for (const list of groups.values()) {
      const files = new Set(list.map((r) => r.doc.entry.file));
      const maxInFile = Math.max(...[...files].map((f) => list.filter((r) => r.doc.entry.file === f).length));
      if (maxInFile < 2 && files.size < 3) continue;
      for (const run of list) {
        repeatedRuns.add(run);
        const inFile = list.filter((r) => r.doc === run.doc).length;
        const where = [inFile > 1 ? `${inFile} times in this file` : '', files.size > 1 ? `in ${files.size} files` : '']
          .filter(Boolean)
          .join(' and ');
        out.push({
          ruleId: 'repeated-foreign-phrase',
          file: run.doc.entry.file,
          ...run.doc.locate(run.offset),
          message: `"${shorten(run.text)}" (${run.script}) appears ${where}; repeated text in another script is typical of spam, so remove it`,
        });
      }
    }
  }
  if (ctx.isEnabled('unexpected-script')) {
    for (const run of runs) {
      if (repeatedRuns.has(run)) continue;
      out.push({
        ruleId: 'unexpected-script',
        file: run.doc.entry.file,
        ...run.doc.locate(run.offset),
        message: `"${shorten(run.text)}" is ${run.script} text, but the site's language is ${language}; translate it, or remove it if it does not belong`,
      });
    }
  }
  return out;
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 37).join('')}...` : text;
}
