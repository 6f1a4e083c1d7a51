/**
 * What both Workers entries share (cloudflare.ts with D1, cloudflare-postgres.ts): settings from
 * Worker vars and secrets, the manifest from the static-assets binding (ASSETS) or a URL, and the
 * rate limiter, counters, salts and manifest kept for the isolate. Only the store differs.
 * Requests outside the endpoint's routes go to ASSETS, so one Worker serves the site and the
 * endpoint on one origin (the site's own 404 page included). Without FEEDBACK_SECRET the endpoint
 * answers 503 (missing-secret.ts); the site is still served.
 */
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';
import { ASSISTANT_DATA_FILE, parseAssistantData, type AssistantData } from '../../../assistant/assistant-data.ts';
import { createFeedbackCounters } from '../counters.ts';
import { MCP_PATH } from '../routes/mcp.ts';
import { createInternalErrorResponse, describeFailure } from '../http/responses.ts';
import { createJsonLogger } from '../logger.ts';
import { parseFeedbackManifest, type FeedbackManifest } from '../../manifest.ts';
import { createStoredSaltProvider, type SaltProvider } from '../privacy/salts.ts';
import { createRateLimiter } from '../rate-limit.ts';
import type { FeedbackStore } from '../stores/types.ts';
import { parseFeedbackEnv, type FeedbackEnv } from './config.ts';
import { createRuntimeApp, fetchFeedbackManifest, isHttpUrl } from './create-runtime-app.ts';
import { createMissingSecretResponse, createSecretCheck } from './missing-secret.ts';

export interface CloudflareEnv {
  /** Static assets of the site (Workers Assets), serving /feedback-manifest.json. */
  ASSETS?: { fetch(input: Request | string): Promise<Response> };
  [name: string]: unknown;
}

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** A store for one request, and what to do with it once the response is made. */
export interface RequestStore {
  store: FeedbackStore;
  release?: () => Promise<void>;
}

export type OpenStore<Env extends CloudflareEnv> = (env: Env, settings: FeedbackEnv) => Promise<RequestStore>;

const MANIFEST_TTL_MS = 60_000;

export function createCloudflareWorker<Env extends CloudflareEnv>(openStore: OpenStore<Env>) {
  const logger = createJsonLogger((line) => console.error(line.trimEnd()));
  const counters = createFeedbackCounters();
  const isSecretMissing = createSecretCheck(logger);
  const salts = new Map<string, string>();
  let limiter: ReturnType<typeof createRateLimiter> | undefined;
  let manifestCache: { at: number; manifest: Promise<FeedbackManifest> } | undefined;

  function loadManifest(env: Env, manifestSetting: string, requestUrl: string): Promise<FeedbackManifest> {
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

  /** The endpoint's own routes; everything else is the site. */
  function isEndpointPath(pathname: string, basePath = ''): boolean {
    const base = basePath.replace(/\/+$/, '');
    return (
      pathname === `${base}/health` ||
      pathname === `${base}${MCP_PATH}` ||
      pathname === `${base}/feedback` ||
      pathname.startsWith(`${base}/feedback/`)
    );
  }

  /** /assistant-data.json from the site's assets, read once per isolate (never over the network). */
  let assistantData: Promise<AssistantData> | undefined;
  function loadAssistantData(env: Env, requestUrl: string): Promise<AssistantData> {
    const assets = env.ASSETS!;
    assistantData ??= assets.fetch(new Request(new URL(`/${ASSISTANT_DATA_FILE}`, requestUrl))).then(async (res) => {
      if (!res.ok)
        throw new HelpCenterError(
          ErrorCodes.InvalidFeedbackManifest,
          `the ASSETS binding has no /${ASSISTANT_DATA_FILE} (${res.status}); deploy the site built with this version`,
        );
      return parseAssistantData(await res.text(), `ASSETS /${ASSISTANT_DATA_FILE}`);
    });
    assistantData.catch(() => (assistantData = undefined));
    return assistantData;
  }

  return {
    async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
      try {
        const strings = Object.fromEntries(
          Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
        const settings = parseFeedbackEnv(strings);
        if (env.ASSETS && !isEndpointPath(new URL(request.url).pathname, settings.FEEDBACK_BASE_PATH))
          return await env.ASSETS.fetch(request);
        if (isSecretMissing(settings)) return createMissingSecretResponse();
        const manifest = await loadManifest(env, settings.FEEDBACK_MANIFEST, request.url);
        const { store, release } = await openStore(env, settings);
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
          // With the site's assets bound, /mcp serves its pages; FEEDBACK_ASSISTANT_DATA=off turns it off.
          assistantData:
            env.ASSETS && settings.FEEDBACK_ASSISTANT_DATA !== 'off'
              ? () => loadAssistantData(env, request.url)
              : undefined,
        });
        try {
          return await app.fetch(request, { remoteAddress: request.headers.get('cf-connecting-ip') ?? undefined });
        } finally {
          if (release) ctx.waitUntil(release());
        }
      } catch (err) {
        logger.error('request_failed', describeFailure(err));
        return createInternalErrorResponse();
      }
    },
  };
}
