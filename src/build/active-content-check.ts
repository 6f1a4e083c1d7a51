/**
 * The content check of the `astro build` running in this process. For the content loaders: when
 * Astro's own loading fails on a malformed file, the loader waits for the check and throws its
 * message (file, line and fix) instead of Astro's. For the pages: the content's git dates, which
 * the check reads on its worker thread while Astro loads the content. Registered on globalThis by
 * the integration (build-slot.ts), like the search index, so this module imports only that and
 * types.
 */
import type { BuildArtefacts } from './content-check.ts';
import { createBuildSlot } from '../lib/build-slot.ts';

/** Rejects with the content errors, if there are any. */
const active = createBuildSlot<Promise<BuildArtefacts>>('helpdesk-kit.content-check');
export const setActiveContentCheck = active.set;
export const getActiveContentCheck = active.get;
