/**
 * Who is asking: the arrival time, its UTC day and salt, and the client address (the socket,
 * or a trusted proxy header). The first request of a new UTC day starts the daily maintenance.
 */
import { createMiddleware } from 'hono/factory';
import type { FeedbackHonoEnv } from '../app-env.ts';
import { getClientAddress, type TrustProxy } from '../http/client-address.ts';
import { getUtcDay } from '../privacy/day.ts';
import type { SaltProvider } from '../privacy/salts.ts';

export interface ClientOptions {
  clock: () => number;
  salts: SaltProvider;
  trustProxy: TrustProxy;
  /** Called once per UTC day, on that day's first request; must not throw. */
  onNewDay: (now: number) => void;
}

export function identifyClient(options: ClientOptions) {
  const { clock, salts, trustProxy, onNewDay } = options;
  let currentDay = '';
  return createMiddleware<FeedbackHonoEnv>(async (c, next) => {
    const now = clock();
    const day = getUtcDay(now);
    if (day !== currentDay) {
      currentDay = day;
      onNewDay(now);
    }
    const salt = await salts.getSalt(day);
    const address = getClientAddress(c.req.raw.headers, c.env?.remoteAddress, trustProxy);
    c.set('client', { now, day, salt, address });
    await next();
  });
}
