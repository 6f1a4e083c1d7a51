/**
 * Cloudflare Workers entry (needs the nodejs_compat flag for `pg`). Settings are Worker vars;
 * the store is Postgres (FEEDBACK_STORE_URL, or a Hyperdrive binding named HYPERDRIVE); the
 * manifest comes from the static-assets binding (ASSETS) or the FEEDBACK_MANIFEST URL.
 * Workers may not reuse a connection across requests, so each request opens its own small
 * store; the rate limiter, counters, salts and manifest live for the isolate.
 */
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';
import { createFeedbackCounters } from '../counters.ts';
import { createErrorResponse } from '../http/responses.ts';
import { parseFeedbackManifest, type FeedbackManifest } from '../../manifest.ts';
import { createStoredSaltProvider, type SaltProvider } from '../privacy/salts.ts';
import { createRateLimiter } from '../rate-limit.ts';
import { createPostgresStore } from '../stores/postgres.ts';
import { parseFeedbackEnv } from './config.ts';
import { createRuntimeApp, fetchFeedbackManifest, isHttpUrl } from './create-runtime-app.ts';
import { consoleLogger } from './serverless.ts';

export interface CloudflareEnv {
  /** Static assets of the site (Workers Assets), serving /feedback-manifest.json. */
  ASSETS?: { fetch(input: Request | string): Promise<Response> };
  /** A Hyperdrive binding in front of Postgres. */
  HYPERDRIVE?: { connectionString: string };
  [name: string]: unknown;
}

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

const MANIFEST_TTL_MS = 60_000;
const logger = consoleLogger();
const counters = createFeedbackCounters();
const salts = new Map<string, string>();
let limiter: ReturnType<typeof createRateLimiter> | undefined;
let manifestCache: { at: number; manifest: Promise<FeedbackManifest> } | undefined;
let migrated = false;

function loadManifest(env: CloudflareEnv, manifestSetting: string, requestUrl: string): Promise<FeedbackManifest> {
  const now = Date.now();
  if (manifestCache && now - manifestCache.at < MANIFEST_TTL_MS) return manifestCache.manifest;
  const manifest = env.ASSETS
    ? env.ASSETS.fetch(new Request(new URL('/feedback-manifest.json', requestUrl))).then(async (res) => {
        if (!res.ok)
          throw new HelpCenterError(
            ErrorCodes.InvalidFeedbackManifest,
            `the ASSETS binding has no /feedback-manifest.json (${res.status}); deploy the built site with it`,
          );
        return parseFeedbackManifest(await res.text(), 'ASSETS /feedback-manifest.json');
      })
    : isHttpUrl(manifestSetting)
      ? fetchFeedbackManifest(manifestSetting)
      : Promise.reject(
          new HelpCenterError(
            ErrorCodes.InvalidFeedbackConfig,
            'on Workers, bind the site assets as ASSETS or set FEEDBACK_MANIFEST to an https:// URL',
          ),
        );
  manifestCache = { at: now, manifest };
  manifest.catch(() => (manifestCache = undefined));
  return manifest;
}

export default {
  async fetch(request: Request, env: CloudflareEnv, ctx: ExecutionContext): Promise<Response> {
    try {
      const strings = Object.fromEntries(
        Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const settings = parseFeedbackEnv(strings);
      const url = env.HYPERDRIVE?.connectionString ?? settings.FEEDBACK_STORE_URL;
      if (!url) {
        throw new HelpCenterError(
          ErrorCodes.InvalidFeedbackConfig,
          'on Workers the store is Postgres: set FEEDBACK_STORE_URL=postgres://... or bind Hyperdrive as HYPERDRIVE',
        );
      }
      const manifest = await loadManifest(env, settings.FEEDBACK_MANIFEST, request.url);
      const store = await createPostgresStore({
        url,
        schema: settings.FEEDBACK_PG_SCHEMA,
        poolMax: 1,
        skipMigrations: migrated,
      });
      migrated = true;
      limiter ??= createRateLimiter({
        perClient: settings.FEEDBACK_RATE_LIMIT,
        global: settings.FEEDBACK_RATE_LIMIT_GLOBAL,
      });
      const stored = createStoredSaltProvider({ store });
      const saltProvider: SaltProvider = {
        async getSalt(day) {
          const known = salts.get(day);
          if (known) return known;
          const salt = await stored.getSalt(day);
          salts.clear();
          salts.set(day, salt);
          return salt;
        },
      };
      const app = createRuntimeApp({
        env: settings,
        manifest,
        store,
        logger,
        counters,
        salts: saltProvider,
        rateLimiter: limiter,
        trustProxy: { header: 'cf-connecting-ip' },
      });
      try {
        return await app.fetch(request, { remoteAddress: request.headers.get('cf-connecting-ip') ?? undefined });
      } finally {
        ctx.waitUntil(store.close());
      }
    } catch (err) {
      logger.error('request_failed', {
        message: (err as Error).message,
        code: err instanceof HelpCenterError ? err.code : undefined,
      });
      return createErrorResponse(
        500,
        ErrorCodes.InternalError,
        'Something went wrong on our side; the vote was not saved. Please try again later.',
      );
    }
  },
};
