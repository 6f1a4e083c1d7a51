/**
 * The README's design screenshots from a built site (default dist-site/): the home page and an
 * article, 1280 px light (the whole home page) and 360 px dark (the first screen), as small PNGs (palette-quantised with sharp, which Astro
 * already installs). `tsx scripts/readme-screenshots.ts <outDir> [siteDir]`; a before/after pair
 * is two runs, one on each build.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { launchBrowser } from '../test/e2e/helpers/chromium.ts';
import { startStaticHost } from '../test/e2e/helpers/static-host.ts';

const [outArg, siteArg = 'dist-site'] = process.argv.slice(2);
if (!outArg) {
  console.error('usage: tsx scripts/readme-screenshots.ts <outDir> [siteDir]');
  process.exit(2);
}
const outDir = path.resolve(outArg);
const siteDir = path.resolve(siteArg);
mkdirSync(outDir, { recursive: true });

const PAGES = { home: '/', article: '/returns-refunds/start-a-return/' };
const SHOTS = [
  { suffix: 'desktop-light', width: 1280, height: 900, scale: 1, theme: 'light', full: true },
  { suffix: 'phone-dark', width: 360, height: 780, scale: 1, theme: 'dark', full: false },
] as const;

const host = await startStaticHost(siteDir, 4390 + Math.floor(Math.random() * 500));
const browser = await launchBrowser();
try {
  for (const [name, pathname] of Object.entries(PAGES)) {
    for (const shot of SHOTS) {
      const context = await browser.newContext({
        viewport: { width: shot.width, height: shot.height },
        deviceScaleFactor: shot.scale,
        colorScheme: shot.theme,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.goto(host.url + pathname);
      await page.evaluate(() => document.fonts.ready);
      // The whole desktop home page (what is below the topic cards matters); the first screen otherwise.
      const png = await page.screenshot({
        animations: 'disabled',
        caret: 'hide',
        fullPage: shot.full && name === 'home',
      });
      const file = path.join(outDir, `${name}-${shot.suffix}.png`);
      await sharp(png).png({ palette: true, colours: 128, compressionLevel: 9, effort: 10 }).toFile(file);
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await host.stop();
}
