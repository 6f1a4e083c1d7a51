import { describe, expect, it } from 'vitest';
import { isIsoDay, parseIsoDay } from './iso-day.ts';

describe('parseIsoDay', () => {
  it('returns the UTC midnight of a real day', () => {
    expect(parseIsoDay('2026-01-31')).toBe(Date.UTC(2026, 0, 31));
    expect(parseIsoDay('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
  });

  it('rejects days that Date.parse would roll over, and other spellings', () => {
    for (const text of [
      '2026-02-30',
      '2026-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-31',
      '26-01-31',
      '2026-01-31T00:00:00Z',
      ' 2026-01-31',
      '',
    ])
      expect(isIsoDay(text), text).toBe(false);
  });
});
