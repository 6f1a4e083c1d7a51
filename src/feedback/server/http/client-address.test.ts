import { describe, expect, it } from 'vitest';
import { getClientAddress, getRateLimitPrefix, normalizeAddress } from './client-address.ts';

describe('getClientAddress', () => {
  const headers = new Headers({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 3.3.3.3', 'cf-connecting-ip': '4.4.4.4' });

  it('uses the socket address when no proxy is trusted', () => {
    expect(getClientAddress(headers, '::ffff:127.0.0.1', false)).toBe('127.0.0.1');
  });

  it('takes the entry `hops` from the right of X-Forwarded-For', () => {
    expect(getClientAddress(headers, '10.0.0.1', { header: 'x-forwarded-for', hops: 1 })).toBe('3.3.3.3');
    expect(getClientAddress(headers, '10.0.0.1', { header: 'x-forwarded-for', hops: 2 })).toBe('2.2.2.2');
  });

  it('falls back to the socket when the trusted header is missing or too short', () => {
    expect(getClientAddress(new Headers(), '10.0.0.1', { header: 'x-forwarded-for', hops: 1 })).toBe('10.0.0.1');
    expect(getClientAddress(headers, '10.0.0.1', { header: 'x-forwarded-for', hops: 9 })).toBe('10.0.0.1');
  });

  it('reads a single-value platform header such as CF-Connecting-IP', () => {
    expect(getClientAddress(headers, undefined, { header: 'cf-connecting-ip' })).toBe('4.4.4.4');
  });

  it('says "unknown" when nothing is known', () => {
    expect(getClientAddress(new Headers(), undefined, false)).toBe('unknown');
  });
});

describe('normalizeAddress and getRateLimitPrefix', () => {
  it('normalises mapped IPv4, brackets and zone ids', () => {
    expect(normalizeAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
  });

  it('cuts IPv6 to its /64 and leaves IPv4 whole', () => {
    expect(getRateLimitPrefix('192.0.2.1')).toBe('192.0.2.1');
    expect(getRateLimitPrefix('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(getRateLimitPrefix('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(getRateLimitPrefix('::1')).toBe('0:0:0:0::/64');
  });
});
