/**
 * The Node server (`npm run feedback:serve`): reads env, opens the store, serves the app on
 * 127.0.0.1:8787 by default. SIGTERM/SIGINT: stop accepting, let in-flight requests finish
 * (every acknowledged vote is already committed), close the store, exit 0. SIGHUP reloads the
 * manifest after a deploy (the rate-limit windows are kept). Without FEEDBACK_SECRET it keeps a
 * generated secret in a file under the user's config folder, never beside the database
 * (secret-file.ts). Every rejection, the HTTP parser's included, is a JSON error (client-error.ts).
 * Maintenance (salts, retention) also runs at start and at 01:00 UTC every day, so a quiet server
 * deletes old salts too.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { ErrorCodes } from '../../../lib/errors.ts';
import { createErrorResponse, createInternalErrorResponse, describeFailure } from '../http/responses.ts';
import type { FeedbackApp } from '../app.ts';
import { createFeedbackCounters, diffCounterSnapshots } from '../counters.ts';
import { createJsonLogger, type FeedbackLogger } from '../logger.ts';
import { loadFeedbackManifest, type FeedbackManifest } from '../../manifest.ts';
import { loadAssistantDataFile } from './assistant-data-file.ts';
import { createStore } from '../stores/create-store.ts';
import type { FeedbackStore } from '../stores/types.ts';
import { parseFeedbackEnv, type FeedbackEnv } from './config.ts';
import { createEnvRateLimiter, createRuntimeApp, fetchFeedbackManifest, isHttpUrl } from './create-runtime-app.ts';
import {
  getRequestProblem,
  handleCheckExpectation,
  handleClientError,
  handleConnect,
  writeResponseAnswer,
} from './client-error.ts';
import { readIncomingWithLimit } from './read-incoming.ts';
import { getConfigDir, getLegacySecretFilePath, getSecretFilePath, loadOrCreateSecret } from './secret-file.ts';
import { DEFAULT_RETENTION, runMaintenance, type RetentionSettings } from '../maintenance.ts';
import { randomHex } from '../privacy/crypto.ts';

export interface FeedbackServer {
  server: Server;
  store: FeedbackStore;
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  /** Stop accepting, drain in-flight requests (at most drainTimeoutMs), close the store. */
  close(): Promise<void>;
  /** Load the manifest again and swap the app (same store and counters). */
  reload(): Promise<void>;
}

export interface StartOptions {
  logger?: FeedbackLogger;
  /** Longest wait for in-flight requests on shutdown before connections are cut. */
  drainTimeoutMs?: number;
  /** Longest time for a whole request to arrive (408 after it); default 15 s. */
  requestTimeoutMs?: number;
  /** Longest time for the request headers to arrive (408 after it); default 10 s. */
  headersTimeoutMs?: number;
  /** How often Node checks those timeouts; default 1 s (Node's own 30 s would let them fire up to 30 s late). */
  connectionsCheckingIntervalMs?: number;
  /** Where the generated secret file goes when FEEDBACK_SECRET and FEEDBACK_SECRET_FILE are unset; default getConfigDir(). */
  configDir?: string;
  /** How often the `activity` line logs what the counters added (drops included); default 15 minutes. */
  activityIntervalMs?: number;
}

/** The documented limits (docs/feedback.md, "Timeouts"); the 1 s check makes them hold to within a second. */
export const REQUEST_TIMEOUT_MS = 15_000;
export const HEADERS_TIMEOUT_MS = 10_000;
export const CONNECTIONS_CHECKING_INTERVAL_MS = 1_000;
/** The periodic `activity` log line: what was accepted, dropped and rejected in the last 15 minutes. */
export const ACTIVITY_INTERVAL_MS = 15 * 60_000;

async function loadManifest(env: FeedbackEnv): Promise<FeedbackManifest> {
  return isHttpUrl(env.FEEDBACK_MANIFEST)
    ? fetchFeedbackManifest(env.FEEDBACK_MANIFEST)
    : loadFeedbackManifest(env.FEEDBACK_MANIFEST);
}

/** Start the server from parsed settings. Resolves once it listens. */
export async function startFeedbackServer(env: FeedbackEnv, options: StartOptions = {}): Promise<FeedbackServer> {
  const logger = options.logger ?? createJsonLogger((line) => process.stderr.write(line));
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
  let manifest = await loadManifest(env);
  const store = await createStore({
    location: env.FEEDBACK_STORE_URL ?? env.FEEDBACK_DB,
    synchronous: env.FEEDBACK_SQLITE_SYNCHRONOUS,
    schema: env.FEEDBACK_PG_SCHEMA,
    onPoolError: (err) => logger.warn('postgres_pool_error', { message: err.message }),
  });
  const secret = env.FEEDBACK_SECRET ?? loadNodeSecret(env, logger, options.configDir ?? getConfigDir(process.env));
  const counters = createFeedbackCounters();
  // One limiter for the server's life: a reload (SIGHUP) swaps the app but keeps the windows.
  const rateLimiter = createEnvRateLimiter(env);
  const build = (): FeedbackApp =>
    createRuntimeApp({
      env,
      manifest,
      store,
      logger,
      counters,
      rateLimiter,
      secret,
      host: env.FEEDBACK_HOST,
      assistantData: loadAssistantDataFile(env),
    });
  let app = build();
  let closing = false;

  /** Requests sent with "Expect: 100-continue" whose 100 is still owed: it goes out only when the body is read. */
  const awaitingContinue = new WeakSet<IncomingMessage>();
  const listener = getRequestListener(
    (request, nodeEnv) => {
      const incoming = nodeEnv.incoming as IncomingMessage;
      const outgoing = nodeEnv.outgoing as ServerResponse;
      return app.fetch(request, {
        remoteAddress: incoming.socket.remoteAddress,
        // Over the cap: once the 413 is written, @hono/node-server starts a bounded drain (500 ms);
        // pausing again means the rest of the body is never read, only the connection closed.
        readBody: (limit) =>
          readIncomingWithLimit(
            incoming,
            limit,
            () => outgoing.once('finish', () => incoming.pause()),
            () => awaitingContinue.delete(incoming) && outgoing.writeContinue(),
          ),
      });
    },
    {
      // An HTTP/1.0 request without Host (a health check) is served as if it named the bound host.
      hostname: env.FEEDBACK_HOST.includes(':') ? `[${env.FEEDBACK_HOST}]` : env.FEEDBACK_HOST,
      // What @hono/node-server cannot turn into a Request (a Host or target URL parsing refuses)
      // gets the JSON shape instead of its empty 400; anything else is the generic 500.
      errorHandler: (err) => {
        if (err instanceof Error && err.name === 'RequestError')
          return createErrorResponse(
            400,
            ErrorCodes.MalformedRequest,
            'The Host header or the request target is not valid; send a path such as /feedback and a plain Host.',
            { headers: { connection: 'close' } },
          );
        logger.error('unhandled_error', describeFailure(err));
        return createInternalErrorResponse();
      },
    },
  );
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const problem = getRequestProblem(req);
    if (problem) return writeResponseAnswer(res, problem);
    if (closing) res.setHeader('connection', 'close');
    void listener(req, res);
  };
  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: options.connectionsCheckingIntervalMs ?? CONNECTIONS_CHECKING_INTERVAL_MS,
      // Node's own answer to a missing Host is an empty 400; getRequestProblem gives the JSON one.
      requireHostHeader: false,
    },
    handle,
  );

  server.on('clientError', handleClientError);
  server.on('connect', handleConnect);
  server.on('checkExpectation', handleCheckExpectation);
  // Without this listener Node sends "100 Continue" at once; here it waits until the body is
  // really read, so a request refused on its headers (origin, size, type) gets only its JSON answer.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    awaitingContinue.add(req);
    handle(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.FEEDBACK_PORT, env.FEEDBACK_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = env.FEEDBACK_HOST.includes(':') ? `[${env.FEEDBACK_HOST}]` : env.FEEDBACK_HOST;

  // Housekeeping also on a quiet server: salts past their grace hour go at 01:00 UTC even with no request.
  const retention: RetentionSettings = {
    ...DEFAULT_RETENTION,
    commentDays: env.FEEDBACK_COMMENT_RETENTION_DAYS,
    searchEventDays: env.FEEDBACK_SEARCH_RETENTION_DAYS,
  };
  let maintenanceTimer: NodeJS.Timeout | undefined;
  const scheduleMaintenance = () => {
    const now = Date.now();
    const next = Date.parse(`${new Date(now).toISOString().slice(0, 10)}T01:00:01Z`);
    const delay = (next > now ? next : next + 86_400_000) - now;
    maintenanceTimer = setTimeout(() => {
      void runMaintenance(store, retention, Date.now(), logger).finally(scheduleMaintenance);
    }, delay);
    maintenanceTimer.unref();
  };
  await runMaintenance(store, retention, Date.now(), logger);
  scheduleMaintenance();

  // Silent drops (bots, honeypot, unknown ids) answer 202 and store nothing: this line is where
  // an operator sees them. Counts only; a quiet interval logs nothing.
  const activityIntervalMs = options.activityIntervalMs ?? ACTIVITY_INTERVAL_MS;
  let lastCounts = counters.snapshot();
  const activityTimer = setInterval(() => {
    const counts = counters.snapshot();
    const added = diffCounterSnapshots(lastCounts, counts);
    lastCounts = counts;
    if (Object.keys(added).length > 0)
      logger.info('activity', { seconds: Math.round(activityIntervalMs / 1000), ...added });
  }, activityIntervalMs);
  activityTimer.unref();

  let closed: Promise<void> | undefined;
  return {
    server,
    store,
    port,
    url: `http://${host}:${port}`,
    close() {
      closed ??= (async () => {
        closing = true;
        clearTimeout(maintenanceTimer);
        clearInterval(activityTimer);
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections become idle as their last response finishes: close them as they do.
        server.closeIdleConnections();
        const sweeper = setInterval(() => server.closeIdleConnections(), 25);
        const timer = setTimeout(() => {
          logger.warn('drain_timeout', { waitedMs: drainTimeoutMs });
          server.closeAllConnections();
        }, drainTimeoutMs);
        await drained;
        clearInterval(sweeper);
        clearTimeout(timer);
        await store.close();
      })();
      return closed;
    },
    async reload() {
      manifest = await loadManifest(env);
      app = build();
      logger.info('manifest_reloaded', { items: manifest.items.length, revision: manifest.revision });
    },
  };
}

/** The secret from its file (created on first start, outside the data folder); none for an in-memory store. */
function loadNodeSecret(env: FeedbackEnv, logger: FeedbackLogger, configDir: string): string {
  const file = getSecretFilePath(env, configDir);
  if (!file) return randomHex(32);
  const { secret, created } = loadOrCreateSecret(file);
  if (created)
    logger.info('secret_created', {
      file,
      message:
        'kept outside the data folder so a backup of it cannot re-identify voters; set FEEDBACK_SECRET to choose',
    });
  const legacy = getLegacySecretFilePath(env);
  if (legacy && !env.FEEDBACK_SECRET_FILE && existsSync(legacy))
    logger.warn('secret_file_beside_database', {
      file: legacy,
      message: `no longer used (a copy of the data folder held both); the secret is now ${file}: delete the old file`,
    });
  if (env.FEEDBACK_STORE_URL)
    logger.warn('secret_from_file', {
      file,
      message: 'with PostgreSQL, set the same FEEDBACK_SECRET on every instance so their visitor hashes agree',
    });
  return secret;
}

/** Where startFeedbackServer takes the secret from, in words for the start-up line. */
function describeSecretSource(env: FeedbackEnv, configDir: string): string {
  if (env.FEEDBACK_SECRET) return 'FEEDBACK_SECRET from the environment';
  const file = getSecretFilePath(env, configDir);
  return file ? `generated, kept in ${file}` : 'random, for this run only (in-memory store)';
}

/** The CLI entry: settings from `env`, logs as JSON lines, signals handled, exit codes set. */
export async function runFeedbackServer(
  env: Record<string, string | undefined> = process.env,
  options: {
    /** Where FEEDBACK_SECRET came from when not from the environment (the CLI's .env), for the start-up line. */
    secretFrom?: string;
  } = {},
): Promise<void> {
  const logger = createJsonLogger((line) => process.stderr.write(line));
  let server: FeedbackServer;
  try {
    const settings = parseFeedbackEnv(env);
    server = await startFeedbackServer(settings, { logger, configDir: getConfigDir(env) });
    const { store } = server;
    // One line on stdout that tools (tests, the benchmark) can wait for.
    process.stdout.write(
      `${JSON.stringify({ event: 'listening', url: server.url, port: server.port, store: store.kind })}\n`,
    );
    logger.info('listening', {
      url: server.url,
      store: store.kind,
      manifest: settings.FEEDBACK_MANIFEST,
      // Where the secret is, never the secret: a second instance or a deploy must use the same one.
      secret: options.secretFrom ?? describeSecretSource(settings, getConfigDir(env)),
      // A first test vote from a headless browser must not look lost.
      note: 'votes from crawlers and headless browsers (by User-Agent) are dropped without an error; vote from an ordinary browser to try it',
    });
  } catch (err) {
    logger.error('start_failed', describeFailure(err));
    process.exitCode = 1;
    return;
  }
  const stop = (signal: string) => {
    logger.info('stopping', { signal });
    server.close().then(
      () => {
        logger.info('stopped', { signal });
        process.exit(0);
      },
      (err: Error) => {
        logger.error('stop_failed', { message: err.message });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => {
    server.reload().catch((err: Error) => logger.error('manifest_reload_failed', { message: err.message }));
  });
}
