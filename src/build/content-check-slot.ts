/**
 * Hands the pages what the content check of the `astro build` in this process worked out (the git
 * dates, read by src/site/data.ts). The pages run in Astro's own module graph, so the two meet in a
 * build slot on globalThis (lib/build-slot.ts); this module imports only that and types.
 */
import type { BuildArtefacts } from './content-check.ts';
import { createBuildSlot } from '../lib/build-slot.ts';

/** Set by the integration before Astro's content sync; empty in `astro dev` and `astro sync`. */
export const contentCheckSlot = createBuildSlot<BuildArtefacts>('helpdesk-kit.content-check');
