/**
 * Read a request body with a hard byte limit, counting while streaming: a declared
 * Content-Length over the limit is refused before reading, and a chunked or lying body is cut
 * off at limit + 1 bytes. The handler never sees more than `limit` bytes.
 */

export type BodyResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large' }
  | { ok: false; reason: 'invalid-utf8' }
  | { ok: false; reason: 'unreadable' };

export async function readBodyWithLimit(request: Request, limit: number): Promise<BodyResult> {
  if (isDeclaredTooLarge(request.headers.get('content-length'), limit)) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    reader.releaseLock();
  }
  return decodeBody(chunks, size);
}

/** A declared Content-Length over the limit: refuse before reading a byte. */
export function isDeclaredTooLarge(contentLength: string | null | undefined, limit: number): boolean {
  return contentLength != null && /^\d+$/.test(contentLength.trim()) && Number(contentLength) > limit;
}

/** Join the chunks and decode them as strict UTF-8. */
export function decodeBody(chunks: readonly Uint8Array[], size: number): BodyResult {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'invalid-utf8' };
  }
}
