/**
 * The content check of the `astro build` running in this process, for the content loaders: when
 * Astro's own loading fails on a malformed file, the loader waits for the check and throws its
 * message (file, line and fix) instead of Astro's. Registered on globalThis by the integration,
 * like the search index (active-search-index.ts), so this module imports nothing.
 */
const ACTIVE = Symbol.for('helpdesk-kit.content-check');
type WithCheck = typeof globalThis & { [ACTIVE]?: Promise<unknown> };

/** `checked` rejects with the content errors, if there are any. */
export function setActiveContentCheck(checked: Promise<unknown> | undefined): void {
  (globalThis as WithCheck)[ACTIVE] = checked;
}

export function getActiveContentCheck(): Promise<unknown> | undefined {
  return (globalThis as WithCheck)[ACTIVE];
}
