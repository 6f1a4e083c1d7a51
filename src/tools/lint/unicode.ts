/**
 * The characters the text rules look for, with their Unicode names so a finding can say exactly
 * what it found ("U+200B ZERO WIDTH SPACE"), and the scripts words are written in.
 */

export interface SpecialChar {
  name: string;
  /** What `--fix` puts in its place: nothing, or a space where the character separated words. */
  replacement: '' | ' ';
}

const remove = (name: string): SpecialChar => ({ name, replacement: '' });
const space = (name: string): SpecialChar => ({ name, replacement: ' ' });

/** Invisible, zero-width and control characters (tab, line feed and carriage return excluded). */
export const INVISIBLE = new Map<number, SpecialChar>([
  [0x00, remove('NULL')],
  [0x07, remove('BELL')],
  [0x08, remove('BACKSPACE')],
  [0x0b, space('LINE TABULATION')],
  [0x0c, space('FORM FEED')],
  [0x1b, remove('ESCAPE')],
  [0x7f, remove('DELETE')],
  [0x85, space('NEXT LINE')],
  [0xad, remove('SOFT HYPHEN')],
  [0x034f, remove('COMBINING GRAPHEME JOINER')],
  [0x115f, space('HANGUL CHOSEONG FILLER')],
  [0x1160, space('HANGUL JUNGSEONG FILLER')],
  [0x17b4, remove('KHMER VOWEL INHERENT AQ')],
  [0x17b5, remove('KHMER VOWEL INHERENT AA')],
  [0x180e, remove('MONGOLIAN VOWEL SEPARATOR')],
  [0x200b, remove('ZERO WIDTH SPACE')],
  [0x200c, remove('ZERO WIDTH NON-JOINER')],
  [0x200d, remove('ZERO WIDTH JOINER')],
  [0x2028, space('LINE SEPARATOR')],
  [0x2029, space('PARAGRAPH SEPARATOR')],
  [0x2060, remove('WORD JOINER')],
  [0x2061, remove('FUNCTION APPLICATION')],
  [0x2062, remove('INVISIBLE TIMES')],
  [0x2063, remove('INVISIBLE SEPARATOR')],
  [0x2064, remove('INVISIBLE PLUS')],
  [0x206a, remove('INHIBIT SYMMETRIC SWAPPING')],
  [0x206b, remove('ACTIVATE SYMMETRIC SWAPPING')],
  [0x206c, remove('INHIBIT ARABIC FORM SHAPING')],
  [0x206d, remove('ACTIVATE ARABIC FORM SHAPING')],
  [0x206e, remove('NATIONAL DIGIT SHAPES')],
  [0x206f, remove('NOMINAL DIGIT SHAPES')],
  [0x2800, space('BRAILLE PATTERN BLANK')],
  [0x3164, space('HANGUL FILLER')],
  [0xfeff, remove('ZERO WIDTH NO-BREAK SPACE')],
  [0xffa0, space('HALFWIDTH HANGUL FILLER')],
  [0xfff9, remove('INTERLINEAR ANNOTATION ANCHOR')],
  [0xfffa, remove('INTERLINEAR ANNOTATION SEPARATOR')],
  [0xfffb, remove('INTERLINEAR ANNOTATION TERMINATOR')],
]);

/** Characters that change the display order of text (the "Trojan Source" characters). */
export const BIDI = new Map<number, SpecialChar>([
  [0x061c, remove('ARABIC LETTER MARK')],
  [0x200e, remove('LEFT-TO-RIGHT MARK')],
  [0x200f, remove('RIGHT-TO-LEFT MARK')],
  [0x202a, remove('LEFT-TO-RIGHT EMBEDDING')],
  [0x202b, remove('RIGHT-TO-LEFT EMBEDDING')],
  [0x202c, remove('POP DIRECTIONAL FORMATTING')],
  [0x202d, remove('LEFT-TO-RIGHT OVERRIDE')],
  [0x202e, remove('RIGHT-TO-LEFT OVERRIDE')],
  [0x2066, remove('LEFT-TO-RIGHT ISOLATE')],
  [0x2067, remove('RIGHT-TO-LEFT ISOLATE')],
  [0x2068, remove('FIRST STRONG ISOLATE')],
  [0x2069, remove('POP DIRECTIONAL ISOLATE')],
]);

/** Bidi characters that right-to-left text legitimately uses; only the overrides stay suspicious there. */
export const BIDI_ALLOWED_IN_RTL = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x2066, 0x2067, 0x2068, 0x2069,
]);

/**
 * A quick test for "this text has something the character rules care about": control characters,
 * the invisible and bidi characters above, variation selectors and tag characters.
 */
export const SPECIAL_CHAR_HINT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u2800\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]|\u034F|\u1160|\u17B4|\u17B5|[\uFE00-\uFE0F]|\uDB40[\uDC00-\uDC7F]/;

/** Letters of other scripts that look like Latin letters, with their names. */
export const CONFUSABLES = new Map<string, { name: string; latin: string }>(
  (
    [
      ['а', 'CYRILLIC SMALL LETTER A', 'a'],
      ['е', 'CYRILLIC SMALL LETTER IE', 'e'],
      ['о', 'CYRILLIC SMALL LETTER O', 'o'],
      ['р', 'CYRILLIC SMALL LETTER ER', 'p'],
      ['с', 'CYRILLIC SMALL LETTER ES', 'c'],
      ['у', 'CYRILLIC SMALL LETTER U', 'y'],
      ['х', 'CYRILLIC SMALL LETTER HA', 'x'],
      ['ѕ', 'CYRILLIC SMALL LETTER DZE', 's'],
      ['і', 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'i'],
      ['ј', 'CYRILLIC SMALL LETTER JE', 'j'],
      ['ԁ', 'CYRILLIC SMALL LETTER KOMI DE', 'd'],
      ['һ', 'CYRILLIC SMALL LETTER SHHA', 'h'],
      ['ԛ', 'CYRILLIC SMALL LETTER QA', 'q'],
      ['ԝ', 'CYRILLIC SMALL LETTER WE', 'w'],
      ['ӏ', 'CYRILLIC SMALL LETTER PALOCHKA', 'l'],
      ['А', 'CYRILLIC CAPITAL LETTER A', 'A'],
      ['В', 'CYRILLIC CAPITAL LETTER VE', 'B'],
      ['Е', 'CYRILLIC CAPITAL LETTER IE', 'E'],
      ['К', 'CYRILLIC CAPITAL LETTER KA', 'K'],
      ['М', 'CYRILLIC CAPITAL LETTER EM', 'M'],
      ['Н', 'CYRILLIC CAPITAL LETTER EN', 'H'],
      ['О', 'CYRILLIC CAPITAL LETTER O', 'O'],
      ['Р', 'CYRILLIC CAPITAL LETTER ER', 'P'],
      ['С', 'CYRILLIC CAPITAL LETTER ES', 'C'],
      ['Т', 'CYRILLIC CAPITAL LETTER TE', 'T'],
      ['У', 'CYRILLIC CAPITAL LETTER U', 'Y'],
      ['Х', 'CYRILLIC CAPITAL LETTER HA', 'X'],
      ['Ѕ', 'CYRILLIC CAPITAL LETTER DZE', 'S'],
      ['І', 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I', 'I'],
      ['Ј', 'CYRILLIC CAPITAL LETTER JE', 'J'],
      ['α', 'GREEK SMALL LETTER ALPHA', 'a'],
      ['ι', 'GREEK SMALL LETTER IOTA', 'i'],
      ['κ', 'GREEK SMALL LETTER KAPPA', 'k'],
      ['ν', 'GREEK SMALL LETTER NU', 'v'],
      ['ο', 'GREEK SMALL LETTER OMICRON', 'o'],
      ['ρ', 'GREEK SMALL LETTER RHO', 'p'],
      ['υ', 'GREEK SMALL LETTER UPSILON', 'u'],
      ['Α', 'GREEK CAPITAL LETTER ALPHA', 'A'],
      ['Β', 'GREEK CAPITAL LETTER BETA', 'B'],
      ['Ε', 'GREEK CAPITAL LETTER EPSILON', 'E'],
      ['Ζ', 'GREEK CAPITAL LETTER ZETA', 'Z'],
      ['Η', 'GREEK CAPITAL LETTER ETA', 'H'],
      ['Ι', 'GREEK CAPITAL LETTER IOTA', 'I'],
      ['Κ', 'GREEK CAPITAL LETTER KAPPA', 'K'],
      ['Μ', 'GREEK CAPITAL LETTER MU', 'M'],
      ['Ν', 'GREEK CAPITAL LETTER NU', 'N'],
      ['Ο', 'GREEK CAPITAL LETTER OMICRON', 'O'],
      ['Ρ', 'GREEK CAPITAL LETTER RHO', 'P'],
      ['Τ', 'GREEK CAPITAL LETTER TAU', 'T'],
      ['Υ', 'GREEK CAPITAL LETTER UPSILON', 'Y'],
      ['Χ', 'GREEK CAPITAL LETTER CHI', 'X'],
      ['ո', 'ARMENIAN SMALL LETTER VO', 'n'],
      ['ս', 'ARMENIAN SMALL LETTER SEH', 'u'],
      ['օ', 'ARMENIAN SMALL LETTER OH', 'o'],
    ] as const
  ).map(([ch, name, latin]) => [ch, { name, latin }]),
);

/** A code point as findings show it: "U+200B ZERO WIDTH SPACE", or "U+1F525 🔥" when we do not carry its name. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = INVISIBLE.get(cp)?.name ?? BIDI.get(cp)?.name ?? CONFUSABLES.get(ch)?.name ?? getGeneratedName(cp);
  if (name) return `${hex} ${name}`;
  return /[\p{L}\p{N}\p{S}\p{P}]/u.test(ch) ? `${hex} "${ch}"` : hex;
}

function getGeneratedName(cp: number): string | undefined {
  if (cp >= 0x41 && cp <= 0x5a) return `LATIN CAPITAL LETTER ${String.fromCharCode(cp)}`;
  if (cp >= 0x61 && cp <= 0x7a) return `LATIN SMALL LETTER ${String.fromCharCode(cp - 32)}`;
  if (cp >= 0xff21 && cp <= 0xff3a) return `FULLWIDTH LATIN CAPITAL LETTER ${String.fromCharCode(cp - 0xff21 + 65)}`;
  if (cp >= 0xff41 && cp <= 0xff5a) return `FULLWIDTH LATIN SMALL LETTER ${String.fromCharCode(cp - 0xff41 + 65)}`;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return `VARIATION SELECTOR-${cp - 0xfe00 + 1}`;
  if (cp >= 0xe0020 && cp <= 0xe007e) return `TAG ${describeTag(cp - 0xe0000)}`;
  if (cp === 0xe0001) return 'LANGUAGE TAG';
  if (cp === 0xe007f) return 'CANCEL TAG';
  if (cp === 0xfffd) return 'REPLACEMENT CHARACTER';
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return 'PRIVATE USE CHARACTER';
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'CONTROL CHARACTER';
  return undefined;
}

function describeTag(ascii: number): string {
  const ch = String.fromCharCode(ascii);
  if (/[a-z]/.test(ch)) return `LATIN SMALL LETTER ${ch.toUpperCase()}`;
  if (/[A-Z]/.test(ch)) return `LATIN CAPITAL LETTER ${ch}`;
  if (/[0-9]/.test(ch)) return `DIGIT ${ch}`;
  return `CHARACTER ${ch}`;
}

/** Scripts the text rules tell apart. "Common" covers digits, punctuation and symbols. */
const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Bopomofo', /\p{Script=Bopomofo}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Telugu', /\p{Script=Telugu}/u],
  ['Kannada', /\p{Script=Kannada}/u],
  ['Malayalam', /\p{Script=Malayalam}/u],
  ['Sinhala', /\p{Script=Sinhala}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Lao', /\p{Script=Lao}/u],
  ['Khmer', /\p{Script=Khmer}/u],
  ['Myanmar', /\p{Script=Myanmar}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
];

/** The script of one letter; "Common" for letters shared by all scripts, "Other" for scripts not listed. */
export function getScript(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return 'Latin';
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return /\p{Script=Common}|\p{Script=Inherited}/u.test(ch) ? 'Common' : 'Other';
}

/** Scripts a language is written in (by its BCP 47 tag); Latin is always accepted besides. */
export function getExpectedScripts(language: string): Set<string> {
  const [primary = 'en', ...rest] = language.split('-');
  const scriptTag = rest.find((p) => /^[A-Z][a-z]{3}$/.test(p));
  const byTag: Record<string, string[]> = {
    Latn: [],
    Cyrl: ['Cyrillic'],
    Grek: ['Greek'],
    Arab: ['Arabic'],
    Hans: ['Han'],
    Hant: ['Han', 'Bopomofo'],
  };
  const byLanguage: Record<string, string[]> = {
    ru: ['Cyrillic'],
    uk: ['Cyrillic'],
    be: ['Cyrillic'],
    bg: ['Cyrillic'],
    mk: ['Cyrillic'],
    sr: ['Cyrillic'],
    kk: ['Cyrillic'],
    ky: ['Cyrillic'],
    mn: ['Cyrillic'],
    tg: ['Cyrillic'],
    el: ['Greek'],
    hy: ['Armenian'],
    ka: ['Georgian'],
    ja: ['Han', 'Hiragana', 'Katakana'],
    zh: ['Han', 'Bopomofo'],
    ko: ['Hangul', 'Han'],
    ar: ['Arabic'],
    fa: ['Arabic'],
    ur: ['Arabic'],
    ps: ['Arabic'],
    ckb: ['Arabic'],
    he: ['Hebrew'],
    yi: ['Hebrew'],
    hi: ['Devanagari'],
    mr: ['Devanagari'],
    ne: ['Devanagari'],
    bn: ['Bengali'],
    pa: ['Gurmukhi'],
    gu: ['Gujarati'],
    ta: ['Tamil'],
    te: ['Telugu'],
    kn: ['Kannada'],
    ml: ['Malayalam'],
    si: ['Sinhala'],
    th: ['Thai'],
    lo: ['Lao'],
    km: ['Khmer'],
    my: ['Myanmar'],
    am: ['Ethiopic'],
  };
  const scripts = (scriptTag && byTag[scriptTag]) ?? byLanguage[primary.toLowerCase()] ?? [];
  return new Set(['Latin', 'Common', ...scripts]);
}

/** Languages written right to left, where direction marks are part of normal text. */
export function isRightToLeft(language: string): boolean {
  return ['ar', 'fa', 'ur', 'ps', 'ckb', 'he', 'yi', 'dv', 'sd', 'ug'].includes(language.split('-')[0]!.toLowerCase());
}

/** "English", "German", ... for messages; the tag itself when the runtime does not know it. */
export function getLanguageName(language: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}
