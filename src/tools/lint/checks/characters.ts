/**
 * Characters that do not belong in a help article: invisible and control characters, characters
 * that reorder text (Trojan Source), and stray symbols: emoji inside words, replacement and
 * private-use characters, mojibake. Invisible and bidi characters are searched in the whole file
 * (code samples included); the stray-symbol rule looks at prose only.
 */
import type { Finding, LintContext, LintDocument, TextEdit } from '../context.ts';
import { getProse, hasNonAscii } from '../prose.ts';
import {
  BIDI,
  BIDI_ALLOWED_IN_RTL,
  INVISIBLE,
  SPECIAL_CHAR_HINT,
  describeChar,
  isRightToLeft,
  type SpecialChar,
} from '../unicode.ts';

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** Scripts in which zero-width (non-)joiners are part of correct spelling. */
const JOINING_SCRIPT =
  /[\p{sc=Arabic}\p{sc=Syriac}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}\p{sc=Mongolian}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const SYMBOL_IN_WORD =
  /(?<=\p{L})(?:[\p{Extended_Pictographic}\p{So}\p{Sc}\p{Co}\uFFFD](?:[\uFE0F\u200D]|\p{Emoji_Modifier})*)+(?=\p{L})/gu;
const LONE_ODDITY = /[\uFFFD\p{Co}]/gu;
/** UTF-8 read as Windows-1252: "Ã©" for "é", "â€™" for "’", "Â " for a no-break space. */
const MOJIBAKE =
  /[ÃÂ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|â€[\u0080-\u00BF\u0153\u0161\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]?/g;

export function checkCharacters(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const rtl = isRightToLeft(ctx.settings.language);
  const wantInvisible = ctx.isEnabled('invisible-character');
  const wantBidi = ctx.isEnabled('bidi-control');
  for (const doc of ctx.documents) {
    if ((wantInvisible || wantBidi) && SPECIAL_CHAR_HINT.test(doc.entry.source))
      out.push(...findSpecialChars(ctx, doc, rtl));
    if (ctx.isEnabled('stray-symbol')) out.push(...findStraySymbols(doc));
  }
  return out;
}

function findSpecialChars(ctx: LintContext, doc: LintDocument, rtl: boolean): Finding[] {
  const source = doc.entry.source;
  // One finding per run of the same character, so a run of three zero-width spaces is one problem, not three.
  const out: Finding[] = [];
  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const hit = classify(source, i, cp, rtl);
    if (!hit || !ctx.isEnabled(hit.ruleId)) {
      i += width;
      continue;
    }
    let end = i + width;
    let count = 1;
    while (end < source.length && source.codePointAt(end) === cp) {
      end += width;
      count++;
    }
    const ch = String.fromCodePoint(cp);
    const what = `${count > 1 ? `${count} × ` : ''}${describeChar(ch)}`;
    const message =
      hit.ruleId === 'bidi-control'
        ? `${what}: it changes the order in which text is displayed, so what readers see differs from the source; delete it (--fix does)`
        : `${what}: an invisible character that breaks search and copy-paste; delete it (--fix does)`;
    const fix: TextEdit[] = [{ start: i, end, text: hit.char.replacement }];
    out.push({ ruleId: hit.ruleId, file: doc.entry.file, ...doc.locate(i), message, fix });
    i = end;
  }
  return out;
}

function classify(
  source: string,
  index: number,
  cp: number,
  rtl: boolean,
): { ruleId: 'invisible-character' | 'bidi-control'; char: SpecialChar } | undefined {
  const bidi = BIDI.get(cp);
  if (bidi) return rtl && BIDI_ALLOWED_IN_RTL.has(cp) ? undefined : { ruleId: 'bidi-control', char: bidi };
  if (cp === 0xfeff && index === 0)
    return { ruleId: 'invisible-character', char: { name: 'ZERO WIDTH NO-BREAK SPACE', replacement: '' } };
  const known = INVISIBLE.get(cp);
  if (known) {
    if ((cp === 0x200c || cp === 0x200d) && isLegitimateJoiner(source, index, cp)) return undefined;
    return { ruleId: 'invisible-character', char: known };
  }
  const isControl = (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);
  if (isControl) return { ruleId: 'invisible-character', char: { name: 'CONTROL CHARACTER', replacement: '' } };
  if (cp >= 0xfe00 && cp <= 0xfe0f && !followsSymbol(source, index)) {
    return { ruleId: 'invisible-character', char: { name: `VARIATION SELECTOR-${cp - 0xfe00 + 1}`, replacement: '' } };
  }
  if (cp >= 0xe0000 && cp <= 0xe007f && !isInFlagTagSequence(source, index)) {
    return { ruleId: 'invisible-character', char: { name: 'TAG CHARACTER', replacement: '' } };
  }
  return undefined;
}

/** ZWJ inside an emoji sequence (👩‍💻), and (non-)joiners in scripts that use them in spelling. */
function isLegitimateJoiner(source: string, index: number, cp: number): boolean {
  const before = previousCodePoint(source, index);
  const after = source.codePointAt(index + 1);
  const b = before === undefined ? '' : String.fromCodePoint(before);
  const a = after === undefined ? '' : String.fromCodePoint(after);
  if (cp === 0x200d && (PICTOGRAPH.test(b) || /\uFE0F|[\u{1F3FB}-\u{1F3FF}]/u.test(b)) && PICTOGRAPH.test(a))
    return true;
  return JOINING_SCRIPT.test(b) || JOINING_SCRIPT.test(a);
}

/** Variation selectors belong after emoji, symbols and keycap digits ("1️⃣", "❤️"). */
function followsSymbol(source: string, index: number): boolean {
  const before = previousCodePoint(source, index);
  if (before === undefined) return false;
  return /[\p{Extended_Pictographic}\p{S}\p{Emoji}#*0-9]/u.test(String.fromCodePoint(before));
}

/** Tag characters spell subdivision flags after U+1F3F4 WAVING BLACK FLAG ("🏴󠁧󠁢󠁳󠁣󠁴󠁿"). */
function isInFlagTagSequence(source: string, index: number): boolean {
  let i = index;
  while (i >= 2 && source.charCodeAt(i - 2) === 0xdb40) i -= 2;
  return source.codePointAt(i - 2) === 0x1f3f4;
}

function previousCodePoint(source: string, index: number): number | undefined {
  if (index === 0) return undefined;
  const low = source.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return source.codePointAt(index - 2);
  return low;
}

function findStraySymbols(doc: LintDocument): Finding[] {
  const out: Finding[] = [];
  const push = (offset: number, message: string) =>
    out.push({ ruleId: 'stray-symbol', file: doc.entry.file, ...doc.locate(offset), message });
  for (const segment of getProse(doc)) {
    if (!hasNonAscii(segment.text)) continue;
    // Mojibake first: its "€" and "™" are not separate stray symbols.
    const claimed = new Set<number>();
    if (/[ÃÂâ]/.test(segment.text)) {
      for (const m of segment.text.matchAll(MOJIBAKE)) {
        const guess = decodeMojibake(m[0]);
        push(
          segment.start + m.index,
          `"${m[0]}" looks like text decoded with the wrong encoding (mojibake)${guess ? `; it was probably "${guess}"` : ''}; retype it`,
        );
        for (let k = m.index; k < m.index + m[0].length; k++) claimed.add(k);
      }
    }
    for (const m of segment.text.matchAll(SYMBOL_IN_WORD)) {
      if (claimed.has(m.index)) continue;
      const word = getWordAround(segment.text, m.index, m.index + m[0].length);
      const chars = [...new Set([...m[0]].filter((c) => !/[\uFE0F\u200D]/.test(c)))].map(describeChar).join(', ');
      push(
        segment.start + m.index,
        `${chars} inside the word "${word}"; remove it, or put spaces around it if it belongs in the text`,
      );
      for (let k = m.index; k < m.index + m[0].length; k++) claimed.add(k);
    }
    for (const m of segment.text.matchAll(LONE_ODDITY)) {
      if (claimed.has(m.index)) continue;
      const hint =
        m[0] === '\uFFFD'
          ? 'the text was saved or pasted with the wrong encoding; retype the character it replaced'
          : 'it has no standard meaning and shows as a box or nothing; replace it';
      push(segment.start + m.index, `${describeChar(m[0])}: ${hint}`);
    }
  }
  return out;
}

function getWordAround(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  while (s > 0 && /[\p{L}\p{M}]/u.test(text[s - 1]!)) s--;
  while (e < text.length && /[\p{L}\p{M}]/u.test(text[e]!)) e++;
  return text.slice(s, e);
}

const CP1252: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** Undo one round of "UTF-8 bytes read as Windows-1252", when that gives a single clean character. */
function decodeMojibake(text: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const b = cp <= 0xff ? cp : CP1252[cp];
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  const decoded = Buffer.from(bytes).toString('utf8');
  return decoded.includes('\uFFFD') || [...decoded].length !== 1 ? undefined : decoded;
}
