/**
 * The content check of the `astro build` running in this process. For the content loaders: when
 * Astro's own loading fails on a malformed file, the loader waits for the check and throws its
 * message (file, line and fix) instead of Astro's. For the pages: the content's git dates, which
 * the check reads on its worker thread while Astro loads the content. Registered on globalThis by
 * the integration, like the search index (active-search-index.ts), so this module imports nothing
 * but types.
 */
import type { BuildArtefacts } from '../integrations/content-check.ts';

const ACTIVE = Symbol.for('helpdesk-kit.content-check');
type WithCheck = typeof globalThis & { [ACTIVE]?: Promise<BuildArtefacts> };

/** `checked` rejects with the content errors, if there are any. */
export function setActiveContentCheck(checked: Promise<BuildArtefacts> | undefined): void {
  (globalThis as WithCheck)[ACTIVE] = checked;
}

export function getActiveContentCheck(): Promise<BuildArtefacts> | undefined {
  return (globalThis as WithCheck)[ACTIVE];
}
