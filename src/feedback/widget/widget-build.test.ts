/**
 * Builds a one-page Astro site with the widget (full and compact) and checks the HTML the
 * no-JS flow relies on, the compact size budget, and that the client script is bundled once.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReasonsId, getThanksId } from '../anchors.ts';
import { FEEDBACK_REASONS } from '../reasons.ts';
import { REPO_ROOT } from '../../../test/helpers/feedback/spawn-server.ts';

const site = mkdtempSync(path.join(tmpdir(), 'feedback-widget-site-'));
const ENDPOINT = 'https://feedback.help.example.com/feedback';
const REVISION = '0123456789abcdef0123456789abcdef01234567';
let html = '';
let scripts: string[] = [];

beforeAll(() => {
  const feedback = path.join(REPO_ROOT, 'src/feedback');
  mkdirSync(path.join(site, 'src/pages'), { recursive: true });
  for (const part of ['widget', 'anchors.ts', 'reasons.ts']) {
    cpSync(path.join(feedback, part), path.join(site, 'src/feedback', part), {
      recursive: true,
      filter: (src) => !src.endsWith('.test.ts'),
    });
  }
  // The widget's English strings come from the UI dictionaries' one English source.
  for (const english of ['en-feedback.ts', 'en-feedback-client.ts']) {
    const file = `i18n/dictionaries/${english}`;
    cpSync(path.join(REPO_ROOT, 'src', file), path.join(site, 'src', file));
  }
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(site, 'node_modules'));
  writeFileSync(path.join(site, 'package.json'), '{"name":"widget-fixture","type":"module","private":true}');
  writeFileSync(
    path.join(site, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ devToolbar: { enabled: false } });\n",
  );
  const props = `pagePath="/faq/" endpoint="${ENDPOINT}" revision="${REVISION}" language="en"`;
  writeFileSync(
    path.join(site, 'src/pages/index.astro'),
    `---\nimport FeedbackWidget from '../feedback/widget/FeedbackWidget.astro';\n---\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main>
<FeedbackWidget itemId="article:reset-password" title="Reset your password" pagePath="/account/reset-password/" endpoint="${ENDPOINT}" revision="${REVISION}" language="en" />
<FeedbackWidget itemId="faq:why-charged-twice" title="Why was I charged twice for one order?" ${props} compact />
<FeedbackWidget itemId="faq:can-i-cancel-an-order" title="Can I cancel an order I just placed?" ${props} compact />
</main></body></html>\n`,
  );
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: site,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
  html = readFileSync(path.join(site, 'dist/index.html'), 'utf8');
  // Vite inlines a module script under its 4 KB asset limit; otherwise it is one file in _astro/.
  const assets = path.join(site, 'dist/_astro');
  const files = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  scripts = [...files.map((f) => readFileSync(path.join(assets, f), 'utf8')), ...inline];
}, 120_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

const widgetHtml = (itemId: string) => {
  const start = html.indexOf(`data-fb="${itemId}"`);
  return html.slice(
    html.lastIndexOf('<div', start),
    html.indexOf('data-fb-live></p>', start) + 'data-fb-live></p>'.length,
  );
};

describe('the widget as built by Astro', () => {
  it('posts a plain HTML form to the endpoint with every field the vote needs', () => {
    const full = widgetHtml('article:reset-password');
    expect(full).toContain(`<form method="post" action="${ENDPOINT}">`);
    for (const [name, value] of [
      ['itemId', 'article:reset-password'],
      ['pagePath', '/account/reset-password/'],
      ['language', 'en'],
      ['revision', REVISION.slice(0, 12)],
    ]) {
      expect(full).toContain(`<input type="hidden" name="${name}" value="${value}">`);
    }
    expect(full).toContain('<button name="vote" value="up">Yes</button><button name="vote" value="down">No</button>');
    expect(full).toContain('<input class="fb-hp" name="website" tabindex="-1" autocomplete="off" aria-hidden="true">');
    expect(full).toMatch(
      /<fieldset>\s*<legend>Was this article helpful\?<span class="fb-sr"> Reset your password<\/span><\/legend>/,
    );
  });

  it('has the reasons step and thank-you at the ids the endpoint redirects to', () => {
    const full = widgetHtml('article:reset-password');
    expect(full).toContain(
      `<form class="fb-step fb-reasons" id="${getReasonsId('article:reset-password')}" method="post" action="${ENDPOINT}" tabindex="-1">`,
    );
    expect(full).toContain('<input type="hidden" name="vote" value="down">');
    for (const reason of FEEDBACK_REASONS)
      expect(full).toContain(`<input type="radio" name="reason" value="${reason}">`);
    expect(full).toMatch(
      /<textarea id="[^"]+" name="comment" maxlength="1000" rows="3" aria-describedby="[^"]+"><\/textarea>/,
    );
    expect(full).toContain('Up to 1000 characters.');
    expect(full).toContain(`id="${getThanksId('article:reset-password')}"`);
    expect(full).toContain('aria-live="polite"');
  });

  it('shows the steps with CSS :target, also for the compact variant\'s "No"', () => {
    expect(html).toContain('.fb-step:target,.fb-step.is-open,.fb-a:target~.fb-thanks{display:block}');
    const compact = widgetHtml('faq:why-charged-twice');
    expect(compact).toContain(`<i class="fb-a" id="${getReasonsId('faq:why-charged-twice')}"></i>`);
    expect(compact).toContain(`id="${getThanksId('faq:why-charged-twice')}"`);
  });

  it('keeps the compact variant under 700 bytes before its reasons step', () => {
    const compact = widgetHtml('faq:why-charged-twice');
    const beforeReasons = compact.slice(0, compact.indexOf('<i class="fb-a"'));
    expect(Buffer.byteLength(beforeReasons)).toBeLessThan(700);
    expect(compact).not.toContain('type="radio"');
  });

  it('bundles the client script once for all widgets, under 3 KB gzipped', () => {
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    expect(gzipSync(scripts[0]!).length).toBeLessThan(3 * 1024);
    expect(scripts[0]).toContain('keepalive');
  });
});
