/** An app wired for tests: test store, memory logger, counters, a settable clock. */
import { createFeedbackApp, type FeedbackAppOptions } from '../../../src/feedback/server/app.ts';
import { createFeedbackCounters } from '../../../src/feedback/server/counters.ts';
import { createMemoryLogger } from '../../../src/feedback/server/logger.ts';
import type { FeedbackManifest } from '../../../src/feedback/manifest.ts';
import { createBrowserHeaders, createTestManifest, type VoteBody } from './fixtures.ts';
import { createTestStore } from './test-store.ts';

export const START_TIME = Date.parse('2026-03-01T12:00:00Z');

export interface PostOptions {
  headers?: Record<string, string>;
  /** The socket address the runtime would pass; default 203.0.113.10. */
  address?: string;
  /** Remove these headers entirely. */
  without?: string[];
}

export async function createTestApp(overrides: Partial<FeedbackAppOptions> & { manifest?: FeedbackManifest } = {}) {
  const { store, cleanup } = await createTestStore();
  const counters = createFeedbackCounters();
  const logger = createMemoryLogger();
  let now = START_TIME;
  const app = createFeedbackApp({
    store,
    manifest: createTestManifest(),
    counters,
    logger,
    clock: () => now,
    rateLimit: false,
    ...overrides,
  });

  /** Always a promise (Hono's `request` may answer synchronously), so tests can `Promise.all` them. */
  async function request(path: string, init: RequestInit, address = '203.0.113.10'): Promise<Response> {
    return app.request(path, init, { remoteAddress: address });
  }

  /** POST /feedback as a browser on the site would (text/plain JSON unless headers say otherwise). */
  function post(body: VoteBody | string | Uint8Array, options: PostOptions = {}) {
    const headers = createBrowserHeaders(options.headers);
    for (const name of options.without ?? []) delete headers[name];
    const payload: BodyInit =
      typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body);
    return request('/feedback', { method: 'POST', headers, body: payload }, options.address);
  }

  /** POST /feedback as the no-JS form would. */
  function postForm(fields: Record<string, string>, options: PostOptions = {}) {
    return post(new URLSearchParams(fields).toString(), {
      ...options,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    });
  }

  return {
    app,
    store,
    counters,
    logger,
    request,
    post,
    postForm,
    clock: {
      now: () => now,
      set: (time: number) => void (now = time),
      advance: (ms: number) => void (now += ms),
    },
    cleanup,
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
