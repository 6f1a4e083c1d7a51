/** Checks that read the live page: focus indicators and horizontal overflow. */
import type { Page } from 'playwright-core';

export interface FocusInfo {
  /** A short description of the focused element, e.g. `a.result "Reset your password"`. */
  element: string;
  outline: string;
  boxShadow: string;
  /** True when a non-transparent outline of at least 1px or a box-shadow is drawn. */
  visible: boolean;
  /** True when the element has a size and lies at least partly inside the viewport. */
  onScreen: boolean;
}

/** What the browser draws around the focused element (computed styles). */
export function getFocusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
    const outlineDrawn =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && !transparent(style.outlineColor);
    const shadowDrawn = style.boxShadow !== 'none' && style.boxShadow !== '';
    const rect = el.getBoundingClientRect();
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const classes =
      typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return {
      element: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes} "${text}"`,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      visible: outlineDrawn || shadowDrawn,
      onScreen:
        rect.width > 0 &&
        rect.height > 0 &&
        rect.bottom > 0 &&
        rect.right > 0 &&
        rect.top < innerHeight &&
        rect.left < innerWidth,
    };
  });
}

/** Elements wider than the viewport make the page scroll sideways; lists the widest culprits. */
export function getHorizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const rect = el.getBoundingClientRect();
      if (rect.right > width + 0.5 && rect.width > 0) {
        // Inside a scroll container (tables, code blocks) overflow is intended.
        let clipped = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const overflowX = getComputedStyle(p).overflowX;
          if (overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 0.5) clipped = true;
        }
        if (!clipped)
          culprits.push(
            `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} right=${Math.round(rect.right)}`,
          );
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 10) };
  });
}
