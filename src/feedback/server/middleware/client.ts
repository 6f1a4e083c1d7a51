/**
 * Who is asking: the arrival time, its UTC day and salt, and the client address (the socket,
 * or a trusted proxy header). The first request after each 01:00 UTC (and the first one an app
 * sees) starts the daily maintenance, which deletes yesterday's salt once its grace hour is over.
 */
import { createMiddleware } from 'hono/factory';
import type { FeedbackHonoEnv } from '../app-env.ts';
import { getClientAddress, type TrustProxy } from '../http/client-address.ts';
import { getUtcDay } from '../privacy/day.ts';
import { getOldestKeptSaltDay, type SaltProvider } from '../privacy/salts.ts';

export interface ClientOptions {
  clock: () => number;
  salts: SaltProvider;
  trustProxy: TrustProxy;
  /** Called on the first request after each 01:00 UTC and on the app's first request; must not throw. */
  onMaintenanceDue: (now: number) => void;
}

export function identifyClient(options: ClientOptions) {
  const { clock, salts, trustProxy, onMaintenanceDue } = options;
  let maintainedFor = '';
  return createMiddleware<FeedbackHonoEnv>(async (c, next) => {
    const now = clock();
    const day = getUtcDay(now);
    const due = getOldestKeptSaltDay(now);
    if (due !== maintainedFor) {
      maintainedFor = due;
      onMaintenanceDue(now);
    }
    const salt = await salts.getSalt(day);
    const address = getClientAddress(c.req.raw.headers, c.env?.remoteAddress, trustProxy);
    c.set('client', { now, day, salt, address });
    await next();
  });
}
