/**
 * Who is asking. The address comes from the socket (the runtime passes it in) unless a trusted
 * proxy is configured; a client-sent X-Forwarded-For is never believed otherwise.
 */

export type TrustProxy =
  | false
  /** Take the address `hops` entries from the right of X-Forwarded-For (1 = the proxy in front of us). */
  | { header: 'x-forwarded-for'; hops: number }
  /** A header the platform sets and clients cannot (e.g. "cf-connecting-ip", "x-real-ip"). */
  | { header: string };

/** The client address, or "unknown" when neither the socket nor a trusted header has one. */
export function getClientAddress(headers: Headers, socketAddress: string | undefined, trustProxy: TrustProxy): string {
  if (trustProxy) {
    const value = headers.get(trustProxy.header);
    if (value) {
      if ('hops' in trustProxy) {
        const parts = value
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        const picked = parts[parts.length - trustProxy.hops];
        if (picked) return normalizeAddress(picked);
      } else return normalizeAddress(value.trim());
    }
  }
  return socketAddress ? normalizeAddress(socketAddress) : 'unknown';
}

/** "::ffff:1.2.3.4" -> "1.2.3.4"; lowercase IPv6; strip a zone id and brackets. */
export function normalizeAddress(address: string): string {
  let a = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\](?::\d+)?$/g, '')
    .replace(/%.*$/, '');
  if (a.startsWith('::ffff:') && a.includes('.')) a = a.slice(7);
  return a;
}

/** The rate-limit key part: an IPv4 address as is, an IPv6 address cut to its /64 network. */
export function getRateLimitPrefix(address: string): string {
  if (!address.includes(':')) return address;
  const expanded = expandIpv6(address);
  return expanded ? `${expanded.slice(0, 4).join(':')}::/64` : address;
}

function expandIpv6(address: string): string[] | undefined {
  const [head = '', tail, extra] = address.split('::');
  if (extra !== undefined) return undefined;
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail ? tail.split(':') : [];
  if (tail === undefined && left.length !== 8) return undefined;
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right];
  if (groups.length !== 8) return undefined;
  return groups.map((g) => (g || '0').replace(/^0+(?=.)/, ''));
}
