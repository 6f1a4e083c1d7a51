/**
 * The Node runtime's body reader: straight from the IncomingMessage, counting bytes as they
 * arrive (chunked or not) and stopping at limit + 1. Skips building a web ReadableStream per
 * request; the web-stream reader in http/read-body.ts does the same job on other runtimes.
 */
import type { IncomingMessage } from 'node:http';
import { decodeBody, isDeclaredTooLarge, type BodyResult } from '../http/read-body.ts';

/**
 * `afterTooLarge` runs when the cap is hit; the Node server uses it to keep the socket paused
 * after the 413 is sent, so an oversize body is neither read nor buffered while the client
 * reads the answer (the connection is closed shortly after). `beforeRead` runs once the body
 * is really going to be read (the Node server sends "100 Continue" there).
 */
export function readIncomingWithLimit(
  incoming: IncomingMessage,
  limit: number,
  afterTooLarge?: () => void,
  beforeRead?: () => void,
): Promise<BodyResult> {
  if (isDeclaredTooLarge(incoming.headers['content-length'], limit))
    return Promise.resolve({ ok: false, reason: 'too-large' });
  beforeRead?.();
  if (incoming.readableEnded) return Promise.resolve({ ok: true, text: '' });
  return new Promise<BodyResult>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onFail).off('aborted', onFail);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        incoming.pause();
        afterTooLarge?.();
        finish({ ok: false, reason: 'too-large' });
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(decodeBody(chunks, size));
    const onFail = () => finish({ ok: false, reason: 'unreadable' });
    incoming.on('data', onData).once('end', onEnd).once('error', onFail).once('aborted', onFail);
  });
}
