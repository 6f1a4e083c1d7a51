/**
 * The colours each theme derives from the site's `brandColor`, computed at build so links and
 * buttons share the brand's hue in both themes and stay readable: a link reaches WCAG AA (4.5:1)
 * on its theme's background and surface, the brand colour lightened for the dark theme and darkened
 * for the light one until it does; text on a brand-coloured button is white or near-black,
 * whichever reads better.
 */

/** The backgrounds text sits on in each theme (global.css: --color-bg, --color-surface). */
export const THEME_BACKGROUNDS = {
  light: ['#ffffff', '#f6f7f9'],
  dark: ['#0f1217', '#181c23'],
} as const;

/** WCAG AA for body text. */
export const MIN_CONTRAST = 4.5;

type Rgb = [number, number, number];

const toRgb = (hex: string): Rgb => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2 relative luminance of a #rrggbb colour. */
function getLuminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21. */
export function getContrast(a: string, b: string): number {
  const [hi, lo] = [getLuminance(a), getLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `hex` mixed toward `to` by `share` (0 to 1). */
const mix = (hex: string, to: string, share: number) => {
  const a = toRgb(hex);
  const b = toRgb(to);
  return toHex(a.map((c, i) => c + (b[i]! - c) * share) as Rgb);
};

/** The brand colour, mixed toward white (dark theme) or black (light theme) in small steps until it reads on every background. */
export function getLinkColor(brand: string, theme: keyof typeof THEME_BACKGROUNDS): string {
  const toward = theme === 'dark' ? '#ffffff' : '#000000';
  const reads = (c: string) => THEME_BACKGROUNDS[theme].every((bg) => getContrast(c, bg) >= MIN_CONTRAST);
  for (let step = 0; step <= 20; step++) {
    const colour = mix(brand, toward, step / 20);
    if (reads(colour)) return colour;
  }
  return toward;
}

/** Text on a brand-coloured button: white unless near-black reads better (a light brand such as yellow). */
export const getBrandContrast = (brand: string): string =>
  getContrast(brand, '#ffffff') >= getContrast(brand, '#1b1f24') ? '#ffffff' : '#1b1f24';

/** The custom properties global.css reads, as an inline style for <html>. */
export function getBrandStyle(brand: string): string {
  return [
    `--brand: ${brand}`,
    `--brand-contrast: ${getBrandContrast(brand)}`,
    `--brand-link-light: ${getLinkColor(brand, 'light')}`,
    `--brand-link-dark: ${getLinkColor(brand, 'dark')}`,
  ].join('; ');
}
