/**
 * Synonym expansion at build time: for one page, all the words of every synonym group the page
 * uses. Pagefind indexes them as the page's metadata (searchable, never shown), so "money back"
 * finds the page that says "refund" and the other way round. A group found in the page's title or
 * description goes to the `synonyms` field, one found in a heading to `heading_synonyms`, one found
 * only in the body to `body_synonyms`; the fields are weighted in that order, so a page about
 * refunds beats a page that mentions one. (Pagefind gives every page that matches a metadata field
 * the same boost, whatever else the field holds: the tier is what ranks them.)
 *
 * Cost: building the expander is linear in the synonym list; expanding a page is linear in the
 * page's own words (each word looks up the phrases that start with it). Neither depends on how
 * many pages the help center has.
 */
import type { SynonymGroup } from '../content/synonyms-schema.ts';
import { getWords } from './vocabulary.ts';

/** Where on a page a synonym group was found; a group counts once, at its most prominent place. */
export const SYNONYM_TIERS = ['title', 'description', 'headings', 'body'] as const;
export type SynonymTier = (typeof SYNONYM_TIERS)[number];

/** A page's texts by prominence: title and description (a FAQ's question), headings, the rest. */
export type PageTexts = Record<SynonymTier, readonly string[]>;
/** Every word of each synonym group the page uses, by the tier where the group was found. */
export type PageSynonyms = Record<SynonymTier, string[]>;

export interface SynonymExpander {
  /** The synonym groups a page uses, flattened to their words, in group order, without duplicates. */
  expand(page: Partial<PageTexts>): PageSynonyms;
}

/**
 * The metadata field each tier is indexed under (weighted in PAGEFIND_OPTIONS.ranking.metaWeights)
 * and the attribute that carries it.
 */
export const SYNONYM_FIELDS: Record<SynonymTier, { meta: string; attribute: string }> = {
  title: { meta: 'synonyms', attribute: 'data-synonyms' },
  description: { meta: 'description_synonyms', attribute: 'data-description-synonyms' },
  headings: { meta: 'heading_synonyms', attribute: 'data-heading-synonyms' },
  body: { meta: 'body_synonyms', attribute: 'data-body-synonyms' },
};

/**
 * A FAQ question's synonyms are weighted a little below an article title's: when both name the
 * topic, the article is the fuller answer and comes first.
 */
export const FAQ_SYNONYM_FIELDS: Record<SynonymTier, { meta: string; attribute: string }> = {
  ...SYNONYM_FIELDS,
  title: { meta: 'question_synonyms', attribute: 'data-question-synonyms' },
};

/**
 * A rough singular for English, so that "refunds" on a page triggers the group of "refund" and the
 * other way round. Other languages compare words as they are.
 */
export function getWordKey(word: string, language: string): string {
  if (!language.toLowerCase().startsWith('en') || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

interface Phrase {
  keys: string[];
  group: number;
  index: number;
}

export function createSynonymExpander(groups: readonly SynonymGroup[], language: string): SynonymExpander {
  const byFirstKey = new Map<string, Phrase[]>();
  groups.forEach((g, group) => {
    g.phrases.forEach((phrase, index) => {
      const keys = getWords(phrase).map((w) => getWordKey(w, language));
      if (keys.length === 0) return;
      const list = byFirstKey.get(keys[0]!) ?? [];
      list.push({ keys, group, index });
      byFirstKey.set(keys[0]!, list);
    });
  });

  const findGroups = (texts: readonly string[]): Set<number> => {
    const found = new Set<number>();
    for (const text of texts) {
      const keys = getWords(text).map((w) => getWordKey(w, language));
      keys.forEach((key, i) => {
        for (const phrase of byFirstKey.get(key) ?? []) {
          if (phrase.keys.every((k, j) => keys[i + j] === k)) found.add(phrase.group);
        }
      });
    }
    return found;
  };
  const flatten = (found: Iterable<number>, skip: Set<string>): string[] => {
    const out: string[] = [];
    for (const group of [...found].sort((a, b) => a - b)) {
      for (const phrase of groups[group]!.phrases) {
        const folded = phrase.toLowerCase();
        if (skip.has(folded)) continue;
        skip.add(folded);
        out.push(phrase);
      }
    }
    return out;
  };

  return {
    expand(page) {
      const out: PageSynonyms = { title: [], description: [], headings: [], body: [] };
      if (byFirstKey.size === 0) return out;
      const taken = new Set<number>();
      const seen = new Set<string>();
      for (const tier of SYNONYM_TIERS) {
        const found = [...findGroups(page[tier] ?? [])].filter((g) => !taken.has(g));
        found.forEach((g) => taken.add(g));
        out[tier] = flatten(found, seen);
      }
      return out;
    },
  };
}

/**
 * The attributes that index a page's synonyms as searchable Pagefind metadata, on the element that
 * carries its other metadata: `data-pagefind-meta="synonyms[data-synonyms], ..., <otherMeta>"`.
 * The words live only in attributes, so readers and screen readers never meet them.
 */
export function getSynonymAttributes(
  synonyms: PageSynonyms,
  otherMeta: string,
  fields: Record<SynonymTier, { meta: string; attribute: string }> = SYNONYM_FIELDS,
): Record<string, string> {
  const attributes: Record<string, string> = {};
  const meta: string[] = [];
  for (const tier of SYNONYM_TIERS) {
    if (synonyms[tier].length === 0) continue;
    const { meta: field, attribute } = fields[tier];
    meta.push(`${field}[${attribute}]`);
    attributes[attribute] = synonyms[tier].join(', ');
  }
  return { 'data-pagefind-meta': [...meta, otherMeta].join(', '), ...attributes };
}
