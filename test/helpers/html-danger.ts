/**
 * Checks for HTML that could run, frame, submit or load something: what the sanitiser's tests
 * and the import tests assert is absent after sanitising (lib/sanitize-html.ts).
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { getUrlScheme } from '../../src/lib/sanitize-html.ts';

const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  'template',
  'noscript',
  'xmp',
  'title',
]);

const URL_PROPERTIES = ['href', 'src', 'xLinkHref', 'data', 'action', 'poster', 'cite'];

/** What in an HTML fragment is dangerous, as `<tag>` or `tag.attribute=value`; empty when nothing is. */
export function findDanger(html: string, { allowFormControls = false } = {}): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (el: Element) => {
    // A GFM task list's disabled checkbox is the one input the site's own Markdown renders.
    const taskBox = el.tagName === 'input' && el.properties.type === 'checkbox' && el.properties.disabled === true;
    if (FORBIDDEN_ELEMENTS.has(el.tagName) && !(allowFormControls && taskBox)) found.push(`<${el.tagName}>`);
    for (const [name, value] of Object.entries(el.properties)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(name) || name === 'srcDoc' || name === 'formAction' || name === 'ping')
        found.push(`${el.tagName}.${name}=${text}`);
      if (URL_PROPERTIES.includes(name)) {
        const scheme = getUrlScheme(text);
        if (scheme !== undefined && !['http', 'https', 'mailto', 'tel'].includes(scheme))
          found.push(`${el.tagName}.${name}=${text}`);
      }
      if (name === 'style' && /url\s*\(|expression\s*\(|\\/i.test(text)) found.push(`${el.tagName}.style=${text}`);
      if (name === 'tabIndex' && Number(value) > 0) found.push(`${el.tagName}.tabindex=${text}`);
    }
  });
  return found;
}
