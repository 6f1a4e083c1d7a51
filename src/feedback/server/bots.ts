/**
 * Known bots and headless browsers, by User-Agent: isbot's list, headless hints isbot may miss,
 * and anything that does not claim to be a browser at all. Every browser that can run the widget
 * sends a UA starting with "Mozilla/5.0"; HTTP libraries (curl, axios, python-requests) do not.
 */
import { isbot } from 'isbot';

const HEADLESS = /headless|phantomjs|slimerjs|puppeteer|playwright|selenium|webdriver|electron/i;
const BROWSER_PREFIX = /^Mozilla\/\d/;

/** True for crawlers, scripts, headless browsers and requests without a browser User-Agent. */
export function isBotRequest(headers: Headers): boolean {
  const ua = headers.get('user-agent') ?? '';
  if (!BROWSER_PREFIX.test(ua)) return true;
  if (isbot(ua) || HEADLESS.test(ua)) return true;
  return HEADLESS.test(headers.get('sec-ch-ua') ?? '');
}
