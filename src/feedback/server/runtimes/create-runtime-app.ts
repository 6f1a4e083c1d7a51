/**
 * Everything a runtime needs besides its own few lines: load the manifest, open the store,
 * and build the app from validated settings. Runtime-neutral (no process.env, no node:http).
 */
import { createFeedbackApp, type FeedbackAppOptions } from '../app.ts';
import { createFeedbackCounters, type FeedbackCounters } from '../counters.ts';
import { getAllowedOrigins } from '../http/origin.ts';
import type { FeedbackLogger } from '../logger.ts';
import { getSiteOrigin, parseFeedbackManifest, type FeedbackManifest } from '../../manifest.ts';
import type { SaltProvider } from '../privacy/salts.ts';
import { createRateLimiter, type RateLimiter } from '../rate-limit.ts';
import type { FeedbackStore } from '../stores/types.ts';
import { createTurnstileVerifier } from '../turnstile.ts';
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';
import { getConfiguredOrigins, type FeedbackEnv } from './config.ts';
import { getContactChannel } from '../routes/contact-channel.ts';

/** Fetch a manifest published with the site (e.g. https://help.example.com/feedback-manifest.json). */
export async function fetchFeedbackManifest(url: string, fetchImpl: typeof fetch = fetch): Promise<FeedbackManifest> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(5000), headers: { accept: 'application/json' } });
  } catch (err) {
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackManifest,
      `cannot fetch the feedback manifest ${url}: ${(err as Error).message}; check FEEDBACK_MANIFEST`,
    );
  }
  if (!res.ok) {
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackManifest,
      `fetching the feedback manifest ${url} answered ${res.status}; deploy the site first or fix FEEDBACK_MANIFEST`,
    );
  }
  return parseFeedbackManifest(await res.text(), url);
}

export const isHttpUrl = (value: string) => /^https?:\/\//i.test(value);

export interface RuntimeParts {
  env: FeedbackEnv;
  manifest: FeedbackManifest;
  store: FeedbackStore;
  logger: FeedbackLogger;
  /** The bound host, for the loopback default origins (Node only). */
  host?: string;
  counters?: FeedbackCounters;
  salts?: SaltProvider;
  /** The visitor-hash secret when it does not come from FEEDBACK_SECRET (the Node server's secret file). */
  secret?: string;
  trustProxy?: FeedbackAppOptions['trustProxy'];
  /** Replaces the rate limiter built from env, so it outlives an app (Workers, a reload); false = off. */
  rateLimiter?: RateLimiter | false;
  fetch?: typeof fetch;
  /** The site's pages for /mcp (assistant-data-file.ts on Node; the ASSETS binding on Workers). */
  assistantData?: FeedbackAppOptions['assistantData'];
}

/** The app options the env asks for. */
export function createAppOptions(parts: RuntimeParts): FeedbackAppOptions {
  const { env, manifest, store, logger } = parts;
  const origins = getConfiguredOrigins(env, parts.host);
  const allowed = getAllowedOrigins([getSiteOrigin(manifest), ...origins]);
  const rateLimit = parts.rateLimiter ?? createEnvRateLimiter(env);
  return {
    store,
    manifest,
    logger,
    counters: parts.counters ?? createFeedbackCounters(),
    salts: parts.salts,
    allowedOrigins: origins,
    allowMissingOrigin: env.FEEDBACK_ALLOW_MISSING_ORIGIN,
    adminToken: env.FEEDBACK_ADMIN_TOKEN,
    secret: parts.secret ?? env.FEEDBACK_SECRET,
    retention: {
      commentDays: env.FEEDBACK_COMMENT_RETENTION_DAYS,
      searchEventDays: env.FEEDBACK_SEARCH_RETENTION_DAYS,
    },
    trustProxy: parts.trustProxy ?? env.FEEDBACK_TRUST_PROXY,
    dropBots: env.FEEDBACK_DROP_BOTS,
    rateLimit,
    basePath: env.FEEDBACK_BASE_PATH,
    assistantData: parts.assistantData,
    turnstile: env.FEEDBACK_TURNSTILE_SECRET
      ? createTurnstileVerifier({
          secret: env.FEEDBACK_TURNSTILE_SECRET,
          siteverifyUrl: env.FEEDBACK_TURNSTILE_SITEVERIFY_URL,
          fetch: parts.fetch,
          expectedHostnames: [...allowed].map((o) => new URL(o).hostname),
        })
      : undefined,
    contact: withFetch(getContactChannel(env), parts.fetch),
  };
}

/** The limiter FEEDBACK_RATE_LIMIT and FEEDBACK_RATE_LIMIT_GLOBAL ask for; false when both are off. */
export function createEnvRateLimiter(env: FeedbackEnv): RateLimiter | false {
  return env.FEEDBACK_RATE_LIMIT === false && env.FEEDBACK_RATE_LIMIT_GLOBAL === false
    ? false
    : createRateLimiter({ perClient: env.FEEDBACK_RATE_LIMIT, global: env.FEEDBACK_RATE_LIMIT_GLOBAL });
}

export function createRuntimeApp(parts: RuntimeParts) {
  return createFeedbackApp(createAppOptions(parts));
}

const withFetch = <T extends object>(channel: T | undefined, fetchImpl: typeof fetch | undefined) =>
  channel && (fetchImpl ? { ...channel, fetch: fetchImpl } : channel);
