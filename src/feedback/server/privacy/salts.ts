/**
 * Daily salts for visitor hashes. The stored provider keeps a random salt per UTC day in the
 * store (so every instance agrees). A day's salt is needed for that day's repeat votes and, for
 * one hour more, to let a change of mind just after midnight replace the vote it names; the daily
 * maintenance (maintenance.ts) deletes it at 01:00 UTC the next day. After that nobody, including
 * us, can recompute that day's hashes. The derived provider computes HMAC(secret, day) instead;
 * it needs no store but is weaker, because anyone holding the secret can recompute every past salt.
 */
import type { FeedbackStore } from '../stores/types.ts';
import { getPreviousDay, getUtcDay } from './day.ts';
import { hmacHex, randomHex } from './crypto.ts';

/** How long after midnight UTC yesterday's salt is still kept (and used for `replaces`). */
export const SALT_GRACE_MS = 3_600_000;

/** Salts of days before this one may be deleted at `now`: yesterday's until 01:00 UTC, then today's only. */
export function getOldestKeptSaltDay(now: number): string {
  return getUtcDay(now - SALT_GRACE_MS);
}

/** Yesterday, while its salt is still kept (the first hour of a UTC day); else undefined. */
export function getGraceDay(now: number): string | undefined {
  const day = getUtcDay(now);
  return getOldestKeptSaltDay(now) < day ? getPreviousDay(day) : undefined;
}

export interface SaltProvider {
  /** The salt for a UTC day (YYYY-MM-DD). */
  getSalt(day: string): Promise<string>;
}

export interface StoredSaltOptions {
  store: Pick<FeedbackStore, 'getOrCreateSalt'>;
  /** A new random salt; injectable for tests. */
  createSalt?: () => string;
}

/** Salts kept in the store, cached for today and yesterday; deleting old ones is the maintenance's job. */
export function createStoredSaltProvider(options: StoredSaltOptions): SaltProvider {
  const { store, createSalt = () => randomHex(32) } = options;
  const cache = new Map<string, Promise<string>>();
  return {
    getSalt(day) {
      let salt = cache.get(day);
      if (!salt) {
        salt = store.getOrCreateSalt(day, createSalt());
        salt.catch(() => cache.delete(day));
        cache.set(day, salt);
        for (const known of cache.keys()) if (known < getPreviousDay(day)) cache.delete(known);
      }
      return salt;
    },
  };
}

/** Salts derived from a secret: HMAC-SHA-256(secret, day). Weaker; see the module comment. */
export function createDerivedSaltProvider(secret: string): SaltProvider {
  const cache = new Map<string, Promise<string>>();
  return {
    getSalt(day) {
      let salt = cache.get(day);
      if (!salt) {
        salt = hmacHex(secret, `feedback-salt:${day}`);
        if (cache.size > 4) cache.clear();
        cache.set(day, salt);
      }
      return salt;
    },
  };
}
