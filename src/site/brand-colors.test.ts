import { describe, expect, it } from 'vitest';
import {
  getBrandContrast,
  getBrandStyle,
  getContrast,
  getLinkColor,
  MIN_CONTRAST,
  THEME_BACKGROUNDS,
} from './brand-colors.ts';

const BRANDS = { teal: '#0f766e', yellow: '#facc15', navy: '#1e3a8a', red: '#dc2626', indigo: '#4f46e5' };

describe('colours derived from the brand colour', () => {
  it('measures contrast as WCAG 2 does', () => {
    expect(getContrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(getContrast('#ffffff', '#ffffff')).toBe(1);
    expect(getContrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(Object.entries(BRANDS))('gives %s links that reach 4.5:1 on both themes’ backgrounds', (_, brand) => {
    for (const theme of ['light', 'dark'] as const) {
      const link = getLinkColor(brand, theme);
      for (const bg of THEME_BACKGROUNDS[theme])
        expect(getContrast(link, bg), `${brand} ${theme} on ${bg}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });

  it('keeps a brand colour that already reads, and moves one that does not only as far as needed', () => {
    expect(getLinkColor('#0f766e', 'light')).toBe('#0f766e');
    expect(getLinkColor('#1e3a8a', 'light')).toBe('#1e3a8a');
    // Dark on dark: lightened toward white, so the dark theme's links keep the brand's hue.
    expect(getLinkColor('#0f766e', 'dark')).toBe('#3f918b');
    expect(getLinkColor('#1e3a8a', 'dark')).toBe('#7889b9');
    // Yellow reads on dark as it is, and is darkened for white.
    expect(getLinkColor('#facc15', 'dark')).toBe('#facc15');
    expect(getLinkColor('#facc15', 'light')).toBe('#7d660b');
    expect(getLinkColor('#dc2626', 'dark')).toBe('#e35151');
  });

  it('puts near-black text on a light brand colour and white on a dark one', () => {
    expect(getBrandContrast('#facc15')).toBe('#1b1f24');
    expect(getBrandContrast('#0f766e')).toBe('#ffffff');
    expect(getBrandStyle('#0f766e')).toBe(
      '--brand: #0f766e; --brand-contrast: #ffffff; --brand-link-light: #0f766e; --brand-link-dark: #3f918b',
    );
  });
});
