/**
 * Shared by the Netlify and Vercel entries: build the app once per instance, on the first
 * request, from env; if that fails, log why, answer a generic 500, and try again next time.
 * Without FEEDBACK_SECRET every request gets a 503 saying so (missing-secret.ts).
 */
import type { FeedbackApp } from '../app.ts';
import { createInternalErrorResponse, describeFailure } from '../http/responses.ts';
import { createJsonLogger, type FeedbackLogger } from '../logger.ts';
import { loadFeedbackManifest } from '../../manifest.ts';
import { createStore } from '../stores/create-store.ts';
import { loadAssistantDataFile } from './assistant-data-file.ts';
import { parseFeedbackEnv } from './config.ts';
import { createRuntimeApp, fetchFeedbackManifest, isHttpUrl } from './create-runtime-app.ts';
import { createMissingSecretResponse, createSecretCheck } from './missing-secret.ts';

export interface LazyHandlerOptions {
  /** Where settings come from (process.env on Netlify and Vercel). */
  loadEnv: () => Record<string, string | undefined>;
  logger?: FeedbackLogger;
  fetch?: typeof fetch;
}

export type FeedbackHandler = (request: Request, remoteAddress: string | undefined) => Promise<Response>;

export const consoleLogger = (): FeedbackLogger => createJsonLogger((line) => console.error(line.trimEnd()));

export function createLazyFeedbackHandler(options: LazyHandlerOptions): FeedbackHandler {
  const logger = options.logger ?? consoleLogger();
  const isSecretMissing = createSecretCheck(logger);
  let ready: Promise<FeedbackApp | undefined> | undefined;

  /** The app, or undefined while FEEDBACK_SECRET is missing. */
  async function init(): Promise<FeedbackApp | undefined> {
    const env = parseFeedbackEnv(options.loadEnv());
    if (isSecretMissing(env)) return undefined;
    const manifest = isHttpUrl(env.FEEDBACK_MANIFEST)
      ? await fetchFeedbackManifest(env.FEEDBACK_MANIFEST, options.fetch)
      : loadFeedbackManifest(env.FEEDBACK_MANIFEST);
    if (!env.FEEDBACK_STORE_URL) {
      logger.warn('sqlite_on_serverless', {
        message:
          'FEEDBACK_STORE_URL is not set, so votes go to a SQLite file on this instance only; set a postgres:// URL for a shared, durable store',
      });
    }
    const store = await createStore({
      location: env.FEEDBACK_STORE_URL ?? env.FEEDBACK_DB,
      synchronous: env.FEEDBACK_SQLITE_SYNCHRONOUS,
      schema: env.FEEDBACK_PG_SCHEMA,
      onPoolError: (err) => logger.warn('postgres_pool_error', { message: err.message }),
    });
    return createRuntimeApp({
      env,
      manifest,
      store,
      logger,
      fetch: options.fetch,
      assistantData: loadAssistantDataFile(env),
    });
  }

  return async (request, remoteAddress) => {
    ready ??= init();
    let app: FeedbackApp | undefined;
    try {
      app = await ready;
    } catch (err) {
      ready = undefined;
      logger.error('start_failed', describeFailure(err));
      return createInternalErrorResponse();
    }
    // Refused for want of a secret: the settings are read again on the next request.
    if (!app) {
      ready = undefined;
      return createMissingSecretResponse();
    }
    return app.fetch(request, { remoteAddress });
  };
}
