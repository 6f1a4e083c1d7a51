/**
 * What the Node server answers when its HTTP parser rejects a request or a request times out:
 * one answer per connection, in the endpoint's JSON error shape with no-store, and then the
 * connection is closed. An answer already in flight on the connection (a pipelined request
 * before the bad bytes) is finished first, so the answers stay in order. Also the requests
 * Node parses but the endpoint cannot serve (no Host, a target that is not a path, HTTP/0.9,
 * an unknown Expect, CONNECT): Node would answer those with an empty body or not at all.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCodes, type ErrorCode } from '../../../lib/errors.ts';
import type { ErrorBody } from '../http/responses.ts';

/** How long unread bytes are still discarded after the answer, so the client can read it (a close with unread data resets). */
const DRAIN_MS = 1000;

const answered = new WeakSet<Duplex>();

export interface ClientErrorAnswer {
  status: string;
  code: ErrorCode;
  message: string;
}

function describeClientError(err: NodeJS.ErrnoException): ClientErrorAnswer {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      status: '408 Request Timeout',
      code: ErrorCodes.RequestTimeout,
      message: 'The request did not arrive completely in time; send it again.',
    };
  if (err.code === 'HPE_HEADER_OVERFLOW')
    return {
      status: '431 Request Header Fields Too Large',
      code: ErrorCodes.MalformedRequest,
      message: 'The request headers are too large; a vote needs only a few small headers.',
    };
  return {
    status: '400 Bad Request',
    code: ErrorCodes.MalformedRequest,
    message: 'The request is not valid HTTP/1.1 (request line, headers or body framing); nothing was stored.',
  };
}

/** Write the whole answer on the raw socket, then close it once the client had time to read it. */
export function writeAnswer(socket: Duplex, answer: ClientErrorAnswer): void {
  const body: ErrorBody = { error: { code: answer.code, message: answer.message, issues: [] } };
  const json = JSON.stringify(body);
  socket.write(
    `HTTP/1.1 ${answer.status}\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n` +
      `X-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
  );
  socket.on('data', () => {}).resume();
  const timer = setTimeout(() => socket.destroy(), DRAIN_MS);
  socket.once('close', () => clearTimeout(timer));
}

/** The server's 'clientError' listener. The parser reports every later chunk again: only the first counts. */
export function handleClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const answer = describeClientError(err);
  const pending = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!pending) return writeAnswer(socket, answer);
  if (pending.req.complete || pending.headersSent) {
    // A complete request ahead of the bad bytes: its answer goes first, then ours.
    const after = () => (socket.writable ? writeAnswer(socket, answer) : socket.destroy());
    if (pending.writableFinished) after();
    else pending.once('finish', after).once('close', () => pending.writableFinished || socket.destroy());
    return;
  }
  // The request itself never arrived completely (a timeout mid-body): our answer replaces its
  // own, which then goes nowhere; the handler's body read ends with the connection.
  pending.detachSocket(socket as Parameters<ServerResponse['detachSocket']>[0]);
  writeAnswer(socket, answer);
}

/**
 * A request the parser accepted but the endpoint cannot route, or undefined. HTTP/1.1 requires
 * Host (RFC 9112 section 3.2); HTTP/1.0 may omit it (load-balancer health checks do), and then
 * the server's own address stands in for it.
 */
export function getRequestProblem(req: IncomingMessage): ClientErrorAnswer | undefined {
  const malformed = (message: string): ClientErrorAnswer => ({
    status: '400 Bad Request',
    code: ErrorCodes.MalformedRequest,
    message,
  });
  if (req.httpVersionMajor !== 1) return malformed(`HTTP/${req.httpVersion} is not supported; send HTTP/1.1 requests.`);
  if (req.httpVersionMinor === 1 && req.headers.host === undefined)
    return malformed('The request has no Host header, which HTTP/1.1 requires; nothing was stored.');
  if ((req.headersDistinct.host?.length ?? 0) > 1) return malformed('The request has more than one Host header.');
  const target = req.url ?? '';
  if (!target.startsWith('/') && !/^https?:\/\//i.test(target))
    return malformed(`The request target must be a path such as /feedback, not "${target.slice(0, 40)}".`);
  return undefined;
}

/** The same answer through a ServerResponse, for a request Node has parsed (then the connection closes). */
export function writeResponseAnswer(res: ServerResponse, answer: ClientErrorAnswer): void {
  const body: ErrorBody = { error: { code: answer.code, message: answer.message, issues: [] } };
  const json = JSON.stringify(body);
  res.shouldKeepAlive = false;
  res.writeHead(Number(answer.status.slice(0, 3)), answer.status.slice(4), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

/** The server's 'checkExpectation' listener: only "100-continue" is understood (RFC 9110 section 10.1.1). */
export function handleCheckExpectation(req: IncomingMessage, res: ServerResponse): void {
  writeResponseAnswer(res, {
    status: '417 Expectation Failed',
    code: ErrorCodes.MalformedRequest,
    message: `The Expect header "${String(req.headers.expect).slice(0, 40)}" is not supported; leave it out or send "100-continue".`,
  });
}

/** The server's 'connect' listener: the endpoint is not a proxy. */
export function handleConnect(_req: IncomingMessage, socket: Duplex): void {
  answered.add(socket);
  socket.on('error', () => socket.destroy());
  writeAnswer(socket, {
    status: '405 Method Not Allowed',
    code: ErrorCodes.MethodNotAllowed,
    message: 'CONNECT is not supported; this is the feedback endpoint, not a proxy.',
  });
}
