/**
 * Send votes to a running server from `concurrency` loops, each vote from its own simulated
 * client (X-Forwarded-For, for a server started with FEEDBACK_TRUST_PROXY=true) and with its own
 * event id, so every acknowledged vote must show up as its own row.
 */
import { BROWSER_UA, SITE_ORIGIN, createVoteBody } from './fixtures.ts';

export interface StreamResult {
  /** Event ids answered with 2xx. */
  acked: string[];
  /** Requests that failed at the network level (server gone). */
  networkErrors: number;
  /** Non-2xx HTTP answers, by status. */
  statuses: Record<number, number>;
}

export async function streamVotes(options: {
  url: string;
  total: number;
  concurrency: number;
  /** Called after each ack with the running count; return true to stop sending. */
  onAck?: (count: number) => void;
  /** Stop every loop after its first network error (the server was killed). */
  stopOnNetworkError?: boolean;
}): Promise<StreamResult> {
  const result: StreamResult = { acked: [], networkErrors: 0, statuses: {} };
  let next = 0;
  let stopped = false;
  const loop = async () => {
    while (!stopped && next < options.total) {
      const i = next++;
      const body = createVoteBody({ vote: i % 3 ? 'up' : 'down' });
      try {
        const res = await fetch(`${options.url}/feedback`, {
          method: 'POST',
          headers: {
            origin: SITE_ORIGIN,
            'content-type': 'text/plain;charset=UTF-8',
            'user-agent': BROWSER_UA,
            'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          },
          body: JSON.stringify(body),
        });
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 300) {
          result.acked.push(body.eventId as string);
          options.onAck?.(result.acked.length);
        } else result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
      } catch {
        result.networkErrors++;
        if (options.stopOnNetworkError) return;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  stopped = true;
  return result;
}
