/** Shared fixtures for the feedback tests: a manifest, valid bodies, headers of a real browser. */
import { buildFeedbackManifest, type FeedbackManifest } from '../../../src/feedback/manifest.ts';

export const SITE_URL = 'https://help.example.com';
export const SITE_ORIGIN = 'https://help.example.com';
export const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
export const REVISION = '0123456789abcdef0123456789abcdef01234567';

export function createTestManifest(extraIds: string[] = []): FeedbackManifest {
  return buildFeedbackManifest({
    revision: REVISION,
    siteUrl: SITE_URL,
    items: [
      { id: 'article:reset-password', kind: 'article', title: 'Reset your password', path: '/account/reset-password/' },
      { id: 'article:track-a-parcel', kind: 'article', title: 'Track a parcel', path: '/shipping/track-a-parcel/' },
      { id: 'faq:why-charged-twice', kind: 'faq', title: 'Why was I charged twice?', path: '/faq/#why-charged-twice' },
      ...extraIds.map((id) => ({
        id,
        kind: id.startsWith('faq:') ? ('faq' as const) : ('article' as const),
        title: id,
        path: '/x/',
      })),
    ],
  });
}

export interface VoteBody {
  itemId?: unknown;
  pagePath?: unknown;
  vote?: unknown;
  reason?: unknown;
  comment?: unknown;
  language?: unknown;
  revision?: unknown;
  eventId?: unknown;
  replaces?: unknown;
  website?: unknown;
  turnstileToken?: unknown;
  [extra: string]: unknown;
}

/** A valid vote body with a fresh event id; override any field. */
export function createVoteBody(overrides: VoteBody = {}): VoteBody {
  return {
    itemId: 'article:reset-password',
    pagePath: '/account/reset-password/',
    vote: 'up',
    language: 'en',
    revision: REVISION,
    eventId: crypto.randomUUID(),
    ...overrides,
  };
}

/** Headers a browser on the help center sends with a text/plain fetch. */
export function createBrowserHeaders(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'text/plain;charset=UTF-8',
    origin: SITE_ORIGIN,
    'user-agent': BROWSER_UA,
    ...overrides,
  };
}
