/**
 * Checklist 3 against a real Node server and raw sockets: the 8 KiB cap holds for declared,
 * chunked and lying bodies, memory stays flat, and the 413 comes back fast.
 */
import net from 'node:net';
import { openReadOnly, selectValue } from '../../../../test/helpers/sqlite-file.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVoteBody, SITE_ORIGIN, BROWSER_UA } from '../../../../test/helpers/feedback/fixtures.ts';
import {
  createTempSite,
  MEMORY_PROBE_ARGS,
  readMemoryProbe,
  spawnFeedbackServer,
  type SpawnedServer,
} from '../../../../test/helpers/feedback/spawn-server.ts';

const MiB = 1024 * 1024;
let server: SpawnedServer;
const site = createTempSite();

beforeAll(async () => {
  server = await spawnFeedbackServer(
    {
      FEEDBACK_DB: site.dbFile,
      FEEDBACK_MANIFEST: site.manifestFile,
      FEEDBACK_RATE_LIMIT: 'off',
      FEEDBACK_RATE_LIMIT_GLOBAL: 'off',
    },
    MEMORY_PROBE_ARGS,
  );
  // Warm up: the first POST creates the day's salt (a committed write) and compiles the code paths.
  for (let i = 0; i < 5; i++) {
    await fetch(`${server.url}/feedback`, {
      method: 'POST',
      headers: { origin: SITE_ORIGIN, 'content-type': 'text/plain', 'user-agent': BROWSER_UA },
      body: '{}',
    });
  }
});
afterAll(async () => {
  server.proc.kill('SIGTERM');
  await server.exited;
  site.cleanup();
});

const PIECE_BYTES = 64 * 1024;
const PLAIN_PIECE = Buffer.alloc(PIECE_BYTES, 'a');
const CHUNK_FRAME = Buffer.concat([Buffer.from(`${PIECE_BYTES.toString(16)}\r\n`), PLAIN_PIECE, Buffer.from('\r\n')]);

interface RawResult {
  status: number;
  head: string;
  /** Milliseconds from the end of the request headers to the first response byte. */
  firstByteMs: number;
}

/** Send a raw request head, then stream `bodyBytes` of body (optionally chunk-framed). */
function sendRaw(head: string, bodyBytes: number, chunked: boolean): Promise<RawResult> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let response = '';
    let headSentAt = 0;
    let firstByteAt = 0;
    let sent = 0;
    // 64 KiB per event-loop turn, pre-built, so this process also reads responses while it floods.
    const piece = chunked ? CHUNK_FRAME : PLAIN_PIECE;
    const pump = () => {
      if (socket.destroyed) return;
      if (sent >= bodyBytes) {
        if (chunked) socket.write('0\r\n\r\n');
        return;
      }
      sent += PIECE_BYTES;
      if (socket.write(piece)) setImmediate(pump);
      else socket.once('drain', pump);
    };
    socket.on('connect', () => {
      socket.write(head);
      headSentAt = performance.now();
      pump();
    });
    socket.on('data', (d) => {
      if (!firstByteAt) firstByteAt = performance.now();
      response += d.toString('latin1');
      if (response.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('error', () => {}); // EPIPE/ECONNRESET once the server stops reading: expected.
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
      if (!status) return resolve({ status: 0, head: '', firstByteMs: -1 });
      resolve({ status, head: response.split('\r\n\r\n')[0]!, firstByteMs: firstByteAt - headSentAt });
    });
  });
}

/** Far below the server's request timeout (15 s), far above a loaded machine's scheduling delays. */
const ANSWERED_EARLY_MS = 1_500;

const baseHead = (extra: string) =>
  `POST /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${SITE_ORIGIN}\r\nUser-Agent: ${BROWSER_UA}\r\nContent-Type: text/plain\r\n${extra}\r\n`;

const countRows = () => {
  const db = openReadOnly(site.dbFile);
  try {
    return selectValue(db, 'SELECT count(*) FROM votes') as number;
  } finally {
    db.close();
  }
};

describe('the 8 KiB body cap on a real server (checklist 3)', () => {
  it('answers a 1 MiB body with Content-Length with 413 before reading it, and stores nothing', async () => {
    const result = await sendRaw(baseHead(`Content-Length: ${MiB}\r\n`), MiB, false);
    expect(result.status).toBe(413);
    expect(result.firstByteMs).toBeLessThan(ANSWERED_EARLY_MS);
    expect(countRows()).toBe(0);
  });

  it('answers a 1 MiB chunked body without Content-Length with 413, and stores nothing', async () => {
    const result = await sendRaw(baseHead('Transfer-Encoding: chunked\r\n'), MiB, true);
    expect(result.status).toBe(413);
    expect(result.firstByteMs).toBeLessThan(ANSWERED_EARLY_MS);
    expect(countRows()).toBe(0);
  });

  it('refuses Content-Length: 100 together with Transfer-Encoding: chunked and a 1 MiB body (400 from the HTTP parser)', async () => {
    const result = await sendRaw(baseHead('Content-Length: 100\r\nTransfer-Encoding: chunked\r\n'), MiB, true);
    expect([400, 413]).toContain(result.status);
    expect(countRows()).toBe(0);
  });

  it('reads only the declared bytes of a body that lies with a small Content-Length, and stores nothing', async () => {
    const result = await sendRaw(baseHead('Content-Length: 50\r\n'), MiB, false);
    expect(result.status).toBe(400);
    expect(countRows()).toBe(0);
  });

  it('keeps the server under 25 MB of extra heap and Buffer memory with 100 oversize bodies in parallel (100 MiB if buffered), each 413 arriving fast', async () => {
    const sendAll = () =>
      Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          i % 2
            ? sendRaw(baseHead('Transfer-Encoding: chunked\r\n'), MiB, true)
            : sendRaw(baseHead(`Content-Length: 100\r\nTransfer-Encoding: chunked\r\n`), MiB, true),
        ),
      );
    // A first round grows the heap to what 100 open connections need; the next, measured at their
    // peak (sampled every 5 ms inside the server), show that the bodies are not buffered. Each
    // connection may hold one socket read (up to 64 KiB) before its 413; garbage promoted while a
    // loaded machine keeps connections open adds more (figures and the bound in docs/feedback.md).
    await sendAll();
    // Three measured rounds, judged on the smallest growth: buffered bodies would add 100 MiB to
    // every round, while a collection that a loaded machine delays inflates one round, not all
    // (CI once saw 29.9 MB in a single round).
    const growths: number[] = [];
    let results: Awaited<ReturnType<typeof sendAll>> = [];
    for (let round = 0; round < 3; round++) {
      const { now: before } = await readMemoryProbe(server);
      results = await sendAll();
      const { peak } = await readMemoryProbe(server);
      expect(results.every((r) => r.status === 413 || r.status === 400)).toBe(true);
      growths.push(peak - before);
    }
    const least = Math.min(...growths);
    const shown = growths.map((g) => (g / MiB).toFixed(1)).join(', ');
    expect(least, `heap + Buffers grew by ${shown} MB`).toBeLessThan(25 * MiB);
    const firstBytes = results.map((r) => r.firstByteMs).sort((a, b) => a - b);
    // The memory bound is what shows the bodies are not buffered; the times only show that no
    // answer waited for a body or a timeout, so they stay loose enough for a loaded machine.
    expect(firstBytes[0]).toBeLessThan(ANSWERED_EARLY_MS);
    expect(firstBytes[50]).toBeLessThan(2 * ANSWERED_EARLY_MS);
    expect(countRows()).toBe(0);
  });

  it('still stores a normal vote on the same server afterwards', async () => {
    const res = await fetch(`${server.url}/feedback`, {
      method: 'POST',
      headers: { origin: SITE_ORIGIN, 'content-type': 'text/plain', 'user-agent': BROWSER_UA },
      body: JSON.stringify(createVoteBody()),
    });
    expect(res.status).toBe(202);
    expect(countRows()).toBe(1);
  });
});
