/**
 * The pseudonymous visitor key: HMAC(salt of the day [+ secret], address | user agent | site).
 * Neither the address nor the user agent is stored or logged anywhere; only this hash is.
 */
import { hmacHex } from './crypto.ts';

export interface VisitorHashInput {
  salt: string;
  /** Optional server-side secret (FEEDBACK_SECRET): a stolen database alone then cannot brute-force addresses. */
  secret?: string;
  address: string;
  userAgent: string;
  site: string;
}

/** 128 bits of the HMAC, hex: plenty against collisions between a site's voters. */
export async function getVisitorHash(input: VisitorHashInput): Promise<string> {
  const key = input.secret ? `${input.salt}:${input.secret}` : input.salt;
  const hex = await hmacHex(key, `${input.address}\n${input.userAgent}\n${input.site}`);
  return hex.slice(0, 32);
}
