import { describe, expect, it } from 'vitest';
import { getRouteSuggestions, matchesRoute, type RouteMap } from './route-map.ts';

const entry = (pattern: string, id: string) => ({ pattern, id, title: id, path: `/${id}/` });

describe('the widget route map', () => {
  it('matches product paths against patterns with * wildcards, ignoring query and fragment', () => {
    expect(matchesRoute('/settings/billing*', '/settings/billing')).toBe(true);
    expect(matchesRoute('/settings/billing*', '/settings/billing/cards?tab=2#x')).toBe(true);
    expect(matchesRoute('/settings/billing*', '/settings/security')).toBe(false);
    expect(matchesRoute('/orders/*/return*', '/orders/123/return')).toBe(true);
    expect(matchesRoute('/orders/*/return*', '/orders/123')).toBe(false);
    expect(matchesRoute('/a.b', '/aXb')).toBe(false);
  });

  it('suggests the most specific pattern first, each article once', () => {
    const map: RouteMap = {
      version: 1,
      routes: [entry('/orders/*', 'track'), entry('/orders/*/return*', 'return'), entry('/orders*', 'track')],
    };
    expect(getRouteSuggestions(map, '/orders/9/return').map((r) => r.id)).toEqual(['return', 'track']);
    expect(getRouteSuggestions(map, '/settings')).toEqual([]);
  });
});
