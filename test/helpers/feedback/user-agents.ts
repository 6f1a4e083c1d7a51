/** 50 bot and 50 real-browser User-Agent strings for the bot filter tests. */

const BOT_BASE = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.126 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
  'DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)',
  'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Twitterbot/1.0',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
  'Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.28 Safari/537.36',
  'python-requests/2.31.0',
  'curl/8.5.0',
  'Wget/1.21.4',
  'Go-http-client/1.1',
  'okhttp/4.12.0',
  'axios/1.6.7',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Java/17.0.2',
  'Apache-HttpClient/4.5.14 (Java/17.0.9)',
  'PostmanRuntime/7.36.1',
  'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1',
];

/** 50 bot UAs: crawlers, HTTP libraries and headless browsers (25 base strings, two variants each). */
export const BOT_USER_AGENTS: string[] = [...BOT_BASE, ...BOT_BASE.map((ua) => `${ua} extra/1`)];

const PLATFORMS = [
  'Windows NT 10.0; Win64; x64',
  'Macintosh; Intel Mac OS X 10_15_7',
  'X11; Linux x86_64',
  'X11; Ubuntu; Linux x86_64',
  'Windows NT 11.0; Win64; x64',
];

/** 50 distinct real-browser UAs: Chrome, Firefox, Edge, Safari and mobile Safari. */
export const BROWSER_USER_AGENTS: string[] = [
  ...PLATFORMS.flatMap((p) =>
    [120, 124].map((v) => `Mozilla/5.0 (${p}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`),
  ),
  ...PLATFORMS.flatMap((p) => [121, 125].map((v) => `Mozilla/5.0 (${p}; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`)),
  ...PLATFORMS.flatMap((p) =>
    [122, 126].map(
      (v) => `Mozilla/5.0 (${p}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36 Edg/${v}.0.0.0`,
    ),
  ),
  ...[15, 16, 17, 18, 16.5, 17.4, 17.5, 18.1, 18.2, 15.6].map(
    (v) =>
      `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${v} Safari/605.1.15`,
  ),
  ...[15, 16, 17, 18, 16.5, 17.4, 17.5, 18.1, 18.2, 15.6].map(
    (v) =>
      `Mozilla/5.0 (iPhone; CPU iPhone OS ${String(v).replace('.', '_')} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${v} Mobile/15E148 Safari/604.1`,
  ),
];
