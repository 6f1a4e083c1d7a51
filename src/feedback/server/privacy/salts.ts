/**
 * Daily salts for visitor hashes. The stored provider keeps a random salt per UTC day in the
 * store (so every instance agrees), keeps today's and yesterday's, and deletes older ones: after
 * two days nobody, including us, can recompute a hash. The derived provider computes
 * HMAC(secret, day) instead; it needs no store but is weaker, because anyone holding the secret
 * can recompute every past salt.
 */
import type { FeedbackStore } from '../stores/types.ts';
import { getPreviousDay } from './day.ts';
import { hmacHex, randomHex } from './crypto.ts';

export interface SaltProvider {
  /** The salt for a UTC day (YYYY-MM-DD). */
  getSalt(day: string): Promise<string>;
}

export interface StoredSaltOptions {
  store: Pick<FeedbackStore, 'getOrCreateSalt' | 'deleteSaltsBefore'>;
  /** A new random salt; injectable for tests. */
  createSalt?: () => string;
}

/** Salts kept in the store; the first request of a new day also deletes salts older than yesterday. */
export function createStoredSaltProvider(options: StoredSaltOptions): SaltProvider {
  const { store, createSalt = () => randomHex(32) } = options;
  const cache = new Map<string, Promise<string>>();
  return {
    getSalt(day) {
      let salt = cache.get(day);
      if (!salt) {
        salt = (async () => {
          const value = await store.getOrCreateSalt(day, createSalt());
          await store.deleteSaltsBefore(getPreviousDay(day));
          return value;
        })();
        salt.catch(() => cache.delete(day));
        cache.set(day, salt);
        // Keep today and yesterday in memory, like the store.
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
