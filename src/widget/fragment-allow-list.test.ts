import { describe, expect, it } from 'vitest';
import { FORBIDDEN_ELEMENTS } from '../../test/helpers/html-danger.ts';
import { FRAGMENT_TAGS, getAllowedAttribute, getSafeUrl } from './fragment-allow-list.ts';

const HELP = 'https://help.example.com/docs/';

describe("the widget's allow-list for an article's HTML", () => {
  it('rebuilds what the Markdown renderer writes and no element that can run, load or submit anything', () => {
    for (const tag of [
      'p',
      'h2',
      'a',
      'img',
      'ul',
      'li',
      'table',
      'td',
      'pre',
      'code',
      'aside',
      'div',
      'span',
      'details',
      'summary',
    ])
      expect(FRAGMENT_TAGS.has(tag), tag).toBe(true);
    // Everything the sanitiser's tests call dangerous, and what a fragment never carries besides.
    for (const tag of [...FORBIDDEN_ELEMENTS, 'video', 'audio', 'source', 'html', 'body'])
      expect(FRAGMENT_TAGS.has(tag), tag).toBe(false);
  });

  it('drops event handlers, styles and every attribute it does not know', () => {
    for (const name of [
      'onclick',
      'onerror',
      'onload',
      'style',
      'srcset',
      'formaction',
      'xlink:href',
      'data-x',
      'autofocus',
      'popover',
    ])
      expect(getAllowedAttribute('p', name, 'alert(1)', HELP), name).toBeUndefined();
    expect(getAllowedAttribute('h2', 'id', 'try-these-steps', HELP)).toBe('try-these-steps');
    expect(getAllowedAttribute('img', 'alt', 'The menu', HELP)).toBe('The menu');
  });

  it('resolves links against the help center and keeps only http(s), mail and phone links', () => {
    expect(getAllowedAttribute('a', 'href', '/billing/refunds/', HELP)).toBe(
      'https://help.example.com/docs/billing/refunds/',
    );
    expect(getAllowedAttribute('a', 'href', '#steps', HELP)).toBe('#steps');
    expect(getAllowedAttribute('a', 'href', 'https://status.example.org/', HELP)).toBe('https://status.example.org/');
    expect(getAllowedAttribute('a', 'href', 'mailto:help@example.com', HELP)).toBe('mailto:help@example.com');
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>x</script>',
      'vbscript:x',
      'blob:https://x/y',
    ])
      expect(getAllowedAttribute('a', 'href', href, HELP), href).toBeUndefined();
    expect(getAllowedAttribute('div', 'href', '/x/', HELP)).toBeUndefined();
  });

  it('loads images only from the help center', () => {
    expect(getAllowedAttribute('img', 'src', '/images/menu.png', HELP)).toBe(
      'https://help.example.com/docs/images/menu.png',
    );
    expect(getAllowedAttribute('img', 'src', 'https://tracker.example.net/pixel.gif', HELP)).toBeUndefined();
    expect(getAllowedAttribute('img', 'src', '//tracker.example.net/pixel.gif', HELP)).toBeUndefined();
    expect(getAllowedAttribute('img', 'src', 'data:image/svg+xml,<svg onload=alert(1)>', HELP)).toBeUndefined();
    expect(getAllowedAttribute('iframe', 'src', '/images/menu.png', HELP)).toBeUndefined();
  });

  it("keeps only the content's own classes and roles, and no id of the widget's", () => {
    expect(getAllowedAttribute('aside', 'class', 'callout callout-note', HELP)).toBe('callout callout-note');
    expect(getAllowedAttribute('div', 'class', 'table-scroll launcher panel', HELP)).toBe('table-scroll');
    expect(getAllowedAttribute('div', 'class', 'launcher', HELP)).toBeUndefined();
    // Content tabs without their script: every panel under its label, styled apart.
    expect(getAllowedAttribute('div', 'class', 'tabs panel', HELP)).toBe('tabs');
    expect(getAllowedAttribute('div', 'class', 'tab-panel', HELP)).toBe('tab-panel');
    expect(getAllowedAttribute('p', 'class', 'tab-label head', HELP)).toBe('tab-label');
    expect(getAllowedAttribute('div', 'data-tabs-group', 'os', HELP)).toBeUndefined();
    expect(getAllowedAttribute('details', 'class', 'callout callout-note callout-collapsible', HELP)).toBe(
      'callout callout-note callout-collapsible',
    );
    expect(getAllowedAttribute('details', 'open', '', HELP)).toBe('');
    for (const tag of ['dl', 'dt', 'dd']) expect(FRAGMENT_TAGS.has(tag), tag).toBe(true);
    expect(getAllowedAttribute('div', 'role', 'region', HELP)).toBe('region');
    expect(getAllowedAttribute('div', 'role', 'dialog', HELP)).toBeUndefined();
    expect(getAllowedAttribute('div', 'tabindex', '0', HELP)).toBe('0');
    expect(getAllowedAttribute('pre', 'tabindex', '-1', HELP)).toBe('-1');
    expect(getAllowedAttribute('div', 'tabindex', '1', HELP)).toBeUndefined();
    expect(getAllowedAttribute('h2', 'id', 'hc1-title', HELP)).toBeUndefined();
  });

  it('makes a link of a string only when it is http(s), mail or phone', () => {
    expect(getSafeUrl('/faq/', HELP)).toBe('https://help.example.com/docs/faq/');
    expect(getSafeUrl('tel:+4930123', HELP)).toBe('tel:+4930123');
    expect(getSafeUrl('javascript:alert(1)', HELP)).toBeUndefined();
    expect(getSafeUrl('http://[bad', HELP)).toBeUndefined();
  });
});
