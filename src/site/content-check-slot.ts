/**
 * Hands the pages what the content check of the `astro build` in this process worked out (the git
 * dates, read by src/site/data.ts). The pages run in Astro's own module graph, so the two meet in a
 * build slot on globalThis (lib/build-slot.ts); this module imports only that and types.
 */
import type { GitHistory } from '../content/git-history.ts';
import { createBuildSlot } from '../lib/build-slot.ts';

/** What the pages read of the build's content check (build/content-check.ts's BuildArtefacts has more). */
export interface CheckedContent {
  history: GitHistory;
}

/** Set by the integration before Astro's content sync; empty in `astro dev` and `astro sync`. */
export const contentCheckSlot = createBuildSlot<CheckedContent>('helpdesk-kit.content-check');
