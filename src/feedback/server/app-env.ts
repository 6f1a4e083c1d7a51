/**
 * The types the endpoint's middleware and route modules share: what a runtime passes per
 * request (bindings), what middleware hands on (variables), and the app's resolved settings.
 */
import type { FeedbackCounters } from './counters.ts';
import type { BodyResult } from './http/read-body.ts';
import type { FeedbackLogger } from './logger.ts';
import type { FeedbackManifest, FeedbackManifestItem } from '../manifest.ts';
import type { FeedbackStore } from './stores/types.ts';

/** Per-request values the runtime passes as Hono bindings. */
export interface FeedbackBindings {
  /** The peer address of the socket (or what the platform reports as the client). */
  remoteAddress?: string;
  /**
   * A runtime's own capped body reader (Node reads the socket directly, skipping the web-stream
   * conversion); without it the Request body stream is read with the same cap.
   */
  readBody?: (limit: number) => Promise<BodyResult>;
}

/** Who is asking and when, set by the client middleware. */
export interface FeedbackClient {
  /** The endpoint's clock at arrival (ms). */
  now: number;
  /** UTC day of `now`, YYYY-MM-DD. */
  day: string;
  /** The day's salt for visitor hashes and rate-limit keys. */
  salt: string;
  /** The normalised client address (socket, or a trusted proxy header). */
  address: string;
}

/** What the middleware chain hands an event route. */
export interface FeedbackVariables {
  /** The request's origin (from Origin, or Referer's origin), set by the origin check. */
  origin: string | undefined;
  client: FeedbackClient;
  /** The capped, decoded body and its media type, set by admission. */
  body: { mediaType: string; text: string };
}

export interface FeedbackHonoEnv {
  Bindings: FeedbackBindings;
  Variables: FeedbackVariables;
}

/** The app's options after defaults, shared by the route modules. */
export interface FeedbackAppContext {
  store: FeedbackStore;
  manifest: FeedbackManifest;
  items: ReadonlyMap<string, FeedbackManifestItem>;
  siteOrigin: string;
  clock: () => number;
  logger: FeedbackLogger;
  counters: FeedbackCounters;
}
