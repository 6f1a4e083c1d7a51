/**
 * What one `astro build` or `astro dev` shares with the code Astro loads in its own module graph
 * (the content loaders, the pages): made by the integration in `astro:config:setup`, held by it,
 * and handed over through one door, the virtual module `virtual:helpdesk-kit/build-session`
 * (integration/build-session-door.ts). Types only.
 */
import type { GitHistory } from '../content/git-history.ts';
import type { SearchIndexSink } from './search-index/sink.ts';

/** What the pages read of the build's content check (content-check.ts's BuildArtefacts has more). */
export interface CheckedContent {
  history: GitHistory;
}

export interface BuildSession {
  readonly command: 'build' | 'dev';
  /** The build's content check (the git dates, read by site/data.ts); dev reads them itself. */
  readonly checkedContent?: CheckedContent;
  /** The search index the loaders feed: the build's Pagefind session or the dev server's index. */
  readonly searchIndex?: SearchIndexSink;
  /** Releases what the session holds (Pagefind): the command is over, or failed. */
  close(): Promise<void>;
}
