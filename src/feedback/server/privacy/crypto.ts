/**
 * Hashing helpers on node:crypto: synchronous, and much faster per vote than Web Crypto's async
 * HMAC (docs/performance.md, "Figures behind choices in the code"). Every runtime here has it (Node, Netlify, Vercel; Workers with the
 * nodejs_compat flag, which the Postgres driver needs anyway).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

/** HMAC-SHA-256 of `message` under `secret`, as lowercase hex. */
export async function hmacHex(secret: string, message: string): Promise<string> {
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** SHA-256 of `text`, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  return createHash('sha256').update(text).digest('hex');
}

/** `bytes` random bytes as hex. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
