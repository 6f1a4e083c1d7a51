/**
 * Which of the site's languages a caller means: the one it names, else the one its text is
 * written in (a script only one language of the site uses, such as Japanese or Arabic), else the
 * language whose vocabulary knows most of its words, else the default language. A URL's language
 * is its locale prefix. Pure, shared by the stdio and the HTTP server.
 */
import { getWords, isUnspacedLanguage } from '../search/vocabulary.ts';

export interface SiteLanguage {
  code: string;
  /** The URL prefix without slashes; empty for the default language. */
  prefix: string;
  /** Known words, for telling German from English. */
  words?: ReadonlySet<string>;
}

const SCRIPTS: Array<[RegExp, (code: string) => boolean]> = [
  [/[\u3040-\u30ff]/u, (c) => c.startsWith('ja')],
  [/[\uac00-\ud7af]/u, (c) => c.startsWith('ko')],
  [/[\u4e00-\u9fff]/u, (c) => c.startsWith('zh') || c.startsWith('ja')],
  [/[\u0600-\u06ff]/u, (c) => ['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug'].some((l) => c.startsWith(l))],
  [/[\u0590-\u05ff]/u, (c) => c.startsWith('he') || c.startsWith('yi')],
  [/[\u0400-\u04ff]/u, (c) => ['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk'].some((l) => c.startsWith(l))],
  [/[\u0e00-\u0e7f]/u, (c) => c.startsWith('th')],
];

/** The language a caller asked for by code ("de", "de-AT"); undefined when the site has none like it. */
export function findLanguage<L extends SiteLanguage>(languages: readonly L[], asked: string): L | undefined {
  const code = asked.trim().toLowerCase();
  return (
    languages.find((l) => l.code.toLowerCase() === code) ??
    languages.find((l) => l.code.toLowerCase().split('-')[0] === code.split('-')[0])
  );
}

/** The language a query is written in (see the module comment); `languages[0]` is the default. */
export function detectLanguage<L extends SiteLanguage>(languages: readonly L[], query: string): L {
  const fallback = languages[0]!;
  for (const [script, isLanguage] of SCRIPTS) {
    if (!script.test(query)) continue;
    const match = languages.find((l) => isLanguage(l.code.toLowerCase()));
    if (match) return match;
  }
  const words = getWords(query).filter((w) => w.length >= 3);
  let best = fallback;
  let bestKnown = words.filter((w) => fallback.words?.has(w)).length;
  for (const l of languages.slice(1)) {
    if (isUnspacedLanguage(l.code) || !l.words) continue;
    const known = words.filter((w) => l.words!.has(w)).length;
    if (known > bestKnown) {
      best = l;
      bestKnown = known;
    }
  }
  return best;
}

/** The language of a page URL's path below the site's base path, by its first segment. */
export function getUrlLanguage<L extends SiteLanguage>(languages: readonly L[], pathBelowBase: string): L {
  const first = pathBelowBase.split('/').find(Boolean) ?? '';
  return languages.find((l) => l.prefix && l.prefix === first) ?? languages[0]!;
}
