/**
 * The search vocabulary: every word a reader can find (article and FAQ text, category names and
 * synonyms), written next to the Pagefind index at build time. The search client uses it to tell a
 * typo from a real word and to correct it, and it carries the language's stop words, so the
 * browser code stays the same for every language.
 */

/** What the build writes to <outDir>/pagefind/help-center-vocabulary.json. */
export interface SearchVocabulary {
  /** The content language, e.g. "en". */
  language: string;
  /** Words that only glue a question together ("how", "do", "my"); dropped from queries. */
  stopWords: string[];
  /** Every indexed word of at least MIN_WORD_LENGTH letters, most frequent first. */
  words: string[];
  /** The UI strings the browser's result list shows, in this language (absent: English). */
  ui?: Record<string, string>;
  /**
   * The words of the site's name ("parcelo"): on nearly every page, so a query word they start
   * with ("parcel") would match them everywhere; the query layer discounts those matches.
   */
  brandWords?: string[];
}

export const VOCABULARY_FILE = 'help-center-vocabulary.json';
/** Each language's vocabulary, beside the default language's VOCABULARY_FILE; the browser picks it by `<html lang>`. */
export const getVocabularyFile = (language: string) => `help-center-vocabulary.${language}.json`;
export const MIN_WORD_LENGTH = 3;

/**
 * Stop words by language (the part before "-" of the language tag). Only words that carry no
 * meaning in a help-center question: "not", "no" and "off" stay, because "not arriving" matters.
 * Built lazily: a bundle that imports this module for something else (the in-product widget)
 * leaves the lists out.
 */
const getStopWordLists = (): Record<string, readonly string[]> => ({
  en: (
    'a about am an and any are as at be been being but by can could did do does doing for from get got ' +
    "had has have having he her here him his how i i'm if in into is it its it's just many me might much my myself " +
    'need of on or our ours please she should so some than that the their them then there these they this ' +
    'those to too us very want was we were what when where which who whom why will with would you your yours'
  ).split(' '),
  de: (
    'am an auf aus bei bin bis bitte da das dass dem den der des die doch du ein eine einem einen einer es für ' +
    'hab habe haben hat ich ihr im in ins ist ja kann man mein meine meinem meinen meiner mich mir mit muss ' +
    'nach oder sich sie sind so um und uns von vom warum was wer wie wieso wir wo zu zum zur'
  ).split(' '),
  fr: (
    'au aux avec ce ces comment dans de des du elle en est et il je la le les leur ma mais me mes mon ne nous ' +
    'on ou où par pour pourquoi puis quand que quel quelle qui sa se ses son sur ta te tu un une vos votre vous'
  ).split(' '),
  es: (
    'a al como cómo con cuando cuándo de del el en es está esta este hay la las lo los me mi mis para pero por ' +
    'porque qué que se su sus un una uno y yo'
  ).split(' '),
  ar: 'في من إلى على عن هل كيف ما ماذا لماذا متى أين هذا هذه ذلك التي الذي أن و أو ثم'.split(' '),
});

/**
 * Languages written without spaces between words: their "words" here would be whole phrases, so
 * they get no typo vocabulary (a correction would turn a real query into a phrase); Pagefind
 * segments their text itself.
 */
const UNSPACED_LANGUAGES = new Set(['ja', 'zh', 'th', 'lo', 'km', 'my']);
export const isUnspacedLanguage = (language: string) =>
  UNSPACED_LANGUAGES.has(language.toLowerCase().split('-')[0] ?? '');

export function getStopWords(language: string): string[] {
  return [...(getStopWordLists()[language.toLowerCase().split('-')[0] ?? ''] ?? [])];
}

/** Lowercase words of a text, accents folded, apostrophes dropped ("can't" -> "cant"); hyphens split words. */
export function getWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Count the words of many texts into a vocabulary (cost: linear in the text). */
export function buildSearchVocabulary(texts: Iterable<string>, language: string): SearchVocabulary {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of getWords(text)) {
      if (word.length < MIN_WORD_LENGTH || /^\d+$/.test(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  if (isUnspacedLanguage(language)) return { language, stopWords: getStopWords(language), words: [] };
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  return { language, stopWords: getStopWords(language), words };
}
