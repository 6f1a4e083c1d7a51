/**
 * Optional Cloudflare Turnstile check for votes that carry a comment (a one-click vote needs no
 * challenge). Enabled only when a secret is configured. Fails closed: a timeout, a network error,
 * a non-JSON answer, a wrong hostname or action, or a token seen before all reject the comment.
 */
import { sha256Hex } from './privacy/crypto.ts';

export const TURNSTILE_SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

export interface TurnstileOptions {
  /** The Turnstile secret key. */
  secret: string;
  /** Injectable for tests and self-hosted proxies; defaults to Cloudflare's siteverify. */
  siteverifyUrl?: string;
  /** Injectable fetch; tests pass a fake so nothing touches the network. */
  fetch?: typeof fetch;
  /** Give up (and reject) after this long. */
  timeoutMs?: number;
  /** Hostnames the token must have been issued on; empty means any. */
  expectedHostnames?: string[];
  /** The widget's action name, when the site sets one. */
  expectedAction?: string;
  clock?: () => number;
}

export interface TurnstileVerifier {
  verify(token: string | undefined): Promise<boolean>;
}

interface SiteverifyAnswer {
  success?: unknown;
  hostname?: unknown;
  action?: unknown;
}

export function createTurnstileVerifier(options: TurnstileOptions): TurnstileVerifier {
  const {
    secret,
    siteverifyUrl = TURNSTILE_SITEVERIFY_URL,
    fetch: fetchImpl = globalThis.fetch,
    timeoutMs = 3000,
    expectedHostnames = [],
    expectedAction,
    clock = Date.now,
  } = options;
  // Tokens are single use and valid 300 s: remember spent ones that long, even if siteverify forgets.
  const spent = new Map<string, number>();
  return {
    async verify(token) {
      if (!token || token.length > 2048) return false;
      const now = clock();
      for (const [key, at] of spent) if (now - at > 300_000) spent.delete(key);
      const key = await sha256Hex(token);
      if (spent.has(key)) return false;
      spent.set(key, now);
      try {
        const res = await fetchImpl(siteverifyUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ secret, response: token }).toString(),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!res.ok) return false;
        const answer = (await res.json()) as SiteverifyAnswer;
        if (answer.success !== true) return false;
        if (expectedHostnames.length > 0 && !expectedHostnames.includes(String(answer.hostname))) return false;
        if (expectedAction !== undefined && answer.action !== expectedAction) return false;
        return true;
      } catch {
        return false;
      }
    },
  };
}
