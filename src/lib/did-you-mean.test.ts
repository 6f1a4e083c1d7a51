import { describe, expect, it } from 'vitest';
import { findClosest } from './did-you-mean.ts';

describe('findClosest', () => {
  it('suggests the same name for the same typo, whatever asks', () => {
    expect(findClosest('refund-timeline', ['refund-timelines', 'refunds'])).toBe('refund-timelines');
    expect(findClosest('refnud', ['refund', 'invoice'])).toBe('refund');
    expect(findClosest('broken-links', ['broken-link', 'missing-alt'])).toBe('broken-link');
  });

  it('ignores case and separators before counting edits', () => {
    expect(findClosest('BrokenLink', ['broken-link', 'missing-alt'])).toBe('broken-link');
    expect(findClosest('broken_link', ['broken-link'])).toBe('broken-link');
  });

  it('falls back to a name that contains the word, the closest in length first', () => {
    expect(findClosest('warn', ['note', 'tip', 'warning'])).toBe('warning');
    expect(findClosest('ship', ['shipping', 'shipping-and-returns'])).toBe('shipping');
  });

  it('suggests nothing when nothing is close', () => {
    expect(findClosest('invoice', ['refund', 'password'])).toBeUndefined();
    expect(findClosest('', ['refund'])).toBeUndefined();
    expect(findClosest('xy', ['ab', 'cd-ef'])).toBeUndefined();
  });

  it('compares by key when candidates are more than names', () => {
    const slugOf = (url: string) => url.split('/').filter(Boolean).pop() ?? '';
    expect(findClosest('reset-pasword', ['/account/reset-password/', '/billing/refunds/'], slugOf)).toBe(
      '/account/reset-password/',
    );
  });
});
