/**
 * The Node server at the socket level (node:net): what the HTTP parser rejects, pipelining,
 * timeouts, and what a manifest reload keeps. Each case answers once, with the endpoint's JSON
 * error shape and Cache-Control: no-store, and then closes the connection.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import { BROWSER_UA, createVoteBody } from '../../../../test/helpers/feedback/fixtures.ts';
import { createTempSite } from '../../../../test/helpers/feedback/spawn-server.ts';
import { parseFeedbackEnv } from './config.ts';
import { startFeedbackServer, type FeedbackServer } from './node.ts';

const ORIGIN = 'http://localhost:4321';

/** Send `chunks` on one connection (each after the previous is written) and collect everything until the server closes. */
function exchange(port: number, chunks: Array<string | Buffer>, maxWaitMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open for ${maxWaitMs} ms; got:\n${received}`));
    }, maxWaitMs);
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('error', () => {}); // a reset after the answer is fine; the bytes received count
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('connect', () => {
      const write = (i: number): void => {
        if (i >= chunks.length || socket.destroyed) return;
        socket.write(chunks[i]!, () => write(i + 1));
      };
      write(0);
    });
  });
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Split a byte stream of HTTP/1.1 responses (Content-Length framed). */
function parseResponses(raw: string): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length'] ?? 0);
    out.push({ status: Number(statusLine.split(' ')[1]), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  if (rest.length > 0) throw new Error(`unparsed bytes after ${out.length} responses: ${rest.slice(0, 200)}`);
  return out;
}

function voteRequest(body: string): string {
  return (
    `POST /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${ORIGIN}\r\nUser-Agent: ${BROWSER_UA}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

function expectJsonError(res: RawResponse | undefined, status: number): void {
  expect(res?.status).toBe(status);
  expect(res?.headers['cache-control']).toBe('no-store');
  expect(res?.headers['content-type']).toMatch(/^application\/json/);
  expect(res?.headers.connection).toBe('close');
  const body = JSON.parse(res!.body) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(10);
}

describe('the Node server at the socket level', () => {
  const site = createTempSite();
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  let server: FeedbackServer;

  beforeAll(async () => {
    process.on('warning', onWarning);
    server = await startFeedbackServer(
      parseFeedbackEnv({ FEEDBACK_PORT: '0', FEEDBACK_DB: site.dbFile, FEEDBACK_MANIFEST: site.manifestFile }),
      {
        logger: createMemoryLogger(),
        requestTimeoutMs: 400,
        headersTimeoutMs: 400,
        connectionsCheckingIntervalMs: 50,
        configDir: site.configDir,
      },
    );
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await server.close();
    site.cleanup();
  });

  it('answers a valid vote followed by bytes the parser rejects with 202 first, then one 400, then closes', async () => {
    const before = await server.store.countVotes();
    const raw = await exchange(server.port, [`${voteRequest(JSON.stringify(createVoteBody()))}BROKEN\r\n\r\n`]);
    const responses = parseResponses(raw);
    expect(responses.map((r) => r.status)).toEqual([202, 400]);
    expectJsonError(responses[1], 400);
    expect(await server.store.countVotes()).toBe(before + 1);
  });

  it('answers one bad request line followed by 1 MiB of junk exactly once, without piling up listeners', async () => {
    const junk = Buffer.alloc(64 * 1024, 'x');
    const raw = await exchange(server.port, ['BROKEN\r\n\r\n', ...Array.from({ length: 16 }, () => junk)]);
    const responses = parseResponses(raw);
    expect(responses).toHaveLength(1);
    expectJsonError(responses[0], 400);
    expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([]);
  });

  it.each([
    ['a non-numeric Content-Length', 'POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
    [
      'Content-Length together with Transfer-Encoding',
      'POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
    ],
    [
      'a bad chunk size',
      'POST /feedback HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n',
      400,
    ],
    ['an unknown method', 'BREW /feedback HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['an unknown HTTP version', 'POST /feedback HTTP/7.3\r\nHost: x\r\n\r\n', 400],
    ['headers over the limit', `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ])('answers %s with a JSON error and no-store', async (_name, request, status) => {
    const responses = parseResponses(await exchange(server.port, [request]));
    expect(responses).toHaveLength(1);
    expectJsonError(responses[0], status);
  });

  it.each([
    [
      'HTTP/1.1 without Host',
      'GET /health HTTP/1.1\r\n\r\n',
      400,
      'MalformedRequest',
      'The request has no Host header, which HTTP/1.1 requires; nothing was stored.',
    ],
    [
      'two Host headers',
      'GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
      400,
      'MalformedRequest',
      'The request has more than one Host header.',
    ],
    [
      'a Host that is not a host name',
      'GET /health HTTP/1.1\r\nHost: a b/c\r\n\r\n',
      400,
      'MalformedRequest',
      'The Host header or the request target is not valid; send a path such as /feedback and a plain Host.',
    ],
    [
      'a Host with a broken IPv6 literal',
      'GET /health HTTP/1.1\r\nHost: [::\r\n\r\n',
      400,
      'MalformedRequest',
      'The Host header or the request target is not valid; send a path such as /feedback and a plain Host.',
    ],
    [
      'the request target *',
      'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n',
      400,
      'MalformedRequest',
      'The request target must be a path such as /feedback, not "*".',
    ],
    [
      'an HTTP/0.9 request line',
      'GET /health\r\n\r\n',
      400,
      'MalformedRequest',
      'HTTP/0.9 is not supported; send HTTP/1.1 requests.',
    ],
    [
      'an unknown Expect',
      'POST /feedback HTTP/1.1\r\nHost: x\r\nExpect: fancy\r\nContent-Length: 2\r\n\r\n{}',
      417,
      'MalformedRequest',
      'The Expect header "fancy" is not supported; leave it out or send "100-continue".',
    ],
    [
      'CONNECT',
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      405,
      'MethodNotAllowed',
      'CONNECT is not supported; this is the feedback endpoint, not a proxy.',
    ],
  ])('answers %s with one JSON error, then closes', async (_name, request, status, code, message) => {
    const responses = parseResponses(await exchange(server.port, [request]));
    expect(responses).toHaveLength(1);
    expectJsonError(responses[0], status);
    expect(JSON.parse(responses[0]!.body)).toEqual({ error: { code, message, issues: [] } });
  });

  it('serves an HTTP/1.0 request without Host (a load-balancer health check)', async () => {
    const responses = parseResponses(await exchange(server.port, ['GET /health HTTP/1.0\r\n\r\n']));
    expect(responses.map((r) => [r.status, r.body])).toEqual([
      [200, '{"status":"ok","dropped":{"bot":0,"honeypot":0,"unknownItem":0}}'],
    ]);
  });

  it('refuses "Expect: 100-continue" from another origin with only its JSON 403, no 100 Continue first', async () => {
    const head =
      'POST /feedback HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\nContent-Type: application/json\r\n' +
      'Content-Length: 2\r\nExpect: 100-continue\r\n\r\n';
    const responses = parseResponses(await exchange(server.port, [head]));
    expect(responses.map((r) => r.status)).toEqual([403]);
    expect(JSON.parse(responses[0]!.body).error.code).toBe('OriginNotAllowed');
  });

  it('sends 100 Continue to an allowed "Expect: 100-continue" vote once its body is wanted, then stores it', async () => {
    const vote = createVoteBody();
    const body = JSON.stringify(vote);
    const head = voteRequest(body)
      .replace(body, '')
      .replace('\r\n\r\n', '\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n');
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let received = '';
      const timer = setTimeout(() => reject(new Error(`no answer; got:\n${received}`)), 5000);
      socket.on('data', (d: Buffer) => {
        received += d.toString('latin1');
        if (received === 'HTTP/1.1 100 Continue\r\n\r\n') socket.write(body);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(received);
      });
      socket.write(head);
    });
    expect(raw.startsWith('HTTP/1.1 100 Continue\r\n\r\n')).toBe(true);
    expect(parseResponses(raw.slice('HTTP/1.1 100 Continue\r\n\r\n'.length)).map((r) => r.status)).toEqual([202]);
    expect((await server.store.listVotes()).map((v) => v.eventId)).toContain(vote.eventId);
  });

  it('answers a request whose headers never finish with 408, which the widget retries', async () => {
    const responses = parseResponses(await exchange(server.port, ['POST /feedback HTTP/1.1\r\nHost: x\r\n']));
    expect(responses).toHaveLength(1);
    expectJsonError(responses[0], 408);
  });

  it('answers a request whose body never finishes with 408 and stores nothing', async () => {
    const before = await server.store.countVotes();
    const body = JSON.stringify(createVoteBody());
    const partial = voteRequest(body).slice(0, -10);
    const responses = parseResponses(await exchange(server.port, [partial]));
    expect(responses).toHaveLength(1);
    expectJsonError(responses[0], 408);
    expect(await server.store.countVotes()).toBe(before);
  });
});

describe('a manifest reload (SIGHUP)', () => {
  it('keeps the rate-limit windows', async () => {
    const site = createTempSite();
    const server = await startFeedbackServer(
      parseFeedbackEnv({
        FEEDBACK_PORT: '0',
        FEEDBACK_DB: site.dbFile,
        FEEDBACK_MANIFEST: site.manifestFile,
        FEEDBACK_RATE_LIMIT: '2/60s',
      }),
      { logger: createMemoryLogger(), configDir: site.configDir },
    );
    try {
      const post = () =>
        fetch(`${server.url}/feedback`, {
          method: 'POST',
          headers: { origin: ORIGIN, 'user-agent': BROWSER_UA, 'content-type': 'text/plain' },
          body: JSON.stringify(createVoteBody()),
        });
      expect((await post()).status).toBe(202);
      expect((await post()).status).toBe(202);
      await server.reload();
      expect((await post()).status).toBe(429);
    } finally {
      await server.close();
      site.cleanup();
    }
  });
});
