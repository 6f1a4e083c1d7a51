/**
 * What the content check of the `astro build` running in this process worked out, for the pages
 * (the content's git dates, src/site/data.ts). Set by the integration before Astro's content sync;
 * the pages are bundled into Astro's own module graph, so the two meet on globalThis
 * (build-slot.ts), and this module imports only that and types.
 */
import type { BuildArtefacts } from './content-check.ts';
import { createBuildSlot } from '../lib/build-slot.ts';

const active = createBuildSlot<BuildArtefacts>('helpdesk-kit.content-check');
export const setActiveContentCheck = active.set;
export const getActiveContentCheck = active.get;
