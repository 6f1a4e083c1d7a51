/**
 * What the MCP endpoint (`/mcp`) knows of the site: every language's articles and FAQ answers
 * (their Markdown copies and plain text) and search vocabulary, written by the build as
 * `dist/assistant-data.json` beside the feedback manifest. The endpoint reads it where it reads the
 * manifest (a file on Node, Netlify and Vercel; the static-assets binding on Workers), never over
 * the network. Pure: no I/O.
 */
import type { SearchVocabulary } from '../search/vocabulary.ts';

export const ASSISTANT_DATA_FILE = 'assistant-data.json';
export const ASSISTANT_DATA_VERSION = 1;

export interface AssistantRecord {
  /** "article:<slug>" or "faq:<slug>": the same in every language. */
  id: string;
  kind: 'article' | 'faq';
  title: string;
  description: string;
  /** The page's absolute URL (a FAQ answer's: the FAQ page with its anchor). */
  url: string;
  /** The Markdown copy's absolute URL. */
  markdownUrl: string;
  /** The Markdown copy (absolute links), as `get` returns it. */
  markdown: string;
  /** The words a reader sees, for search. */
  text: string;
  /** The words of the synonym groups the page's title or description uses (content/synonyms.yaml). */
  synonyms?: string;
  /** The words of the synonym groups only its body uses: they count less. */
  bodySynonyms?: string;
}

export interface AssistantLanguage {
  code: string;
  /** The URL prefix without slashes ("de"); empty for the default language without one. */
  prefix: string;
  vocabulary?: SearchVocabulary;
  records: AssistantRecord[];
}

export interface AssistantData {
  version: typeof ASSISTANT_DATA_VERSION;
  name: string;
  /** site.yaml's url with the base, no trailing slash. */
  siteUrl: string;
  revision: string;
  /** The default language first. */
  languages: AssistantLanguage[];
}

/** Parses the file; throws a message naming `source` when it is not one the build wrote. */
export function parseAssistantData(text: string, source: string): AssistantData {
  let data: Partial<AssistantData>;
  try {
    data = JSON.parse(text) as Partial<AssistantData>;
  } catch {
    throw new Error(`${source} is not JSON; rebuild the site to write ${ASSISTANT_DATA_FILE} again.`);
  }
  if (
    data?.version !== ASSISTANT_DATA_VERSION ||
    typeof data.siteUrl !== 'string' ||
    !Array.isArray(data.languages) ||
    data.languages.length === 0 ||
    !data.languages.every((l) => typeof l?.code === 'string' && Array.isArray(l.records))
  )
    throw new Error(
      `${source} is not an assistant data file of version ${ASSISTANT_DATA_VERSION}; rebuild the site with this version of helpdesk-kit.`,
    );
  return data as AssistantData;
}
