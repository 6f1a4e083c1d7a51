/**
 * The floor: Hugo (Debian's package, when installed) + Pagefind's CLI over the same Markdown, with
 * a layout as small as the plain Astro baseline's: one page per article, an FAQ page with every
 * answer, no taxonomies, RSS or sitemap. Hugo does not know our callouts or schema; it renders
 * the text and links, which is the work a static generator cannot avoid.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTreeSize, runTimed, type BuildMeasurement } from './run-build.ts';

const HUGO = '/usr/bin/hugo';

/** Hugo's version line, or undefined when Hugo is not installed (`apt-get install -y hugo`). */
export function getHugoVersion(): string | undefined {
  const result = spawnSync(HUGO, ['version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().split(' ').slice(0, 2).join(' ') : undefined;
}

const BASEOF = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{{ .Title }} · Help Center</title>
    {{ with .Description }}<meta name="description" content="{{ . }}" />{{ end }}
    <style>
      body { font-family: system-ui, sans-serif; margin: 0; line-height: 1.6; }
      header, footer { padding: 1rem; background: #f4f4f5; }
      main { max-width: 45rem; margin: 0 auto; padding: 1rem; }
    </style>
  </head>
  <body>
    <header><a href="/">Help Center</a> <nav aria-label="Main"><a href="/faq/">FAQ</a> <a href="/search/">Search</a></nav></header>
    <main data-pagefind-body><h1>{{ .Title }}</h1>{{ block "main" . }}{{ end }}</main>
    <footer><p>Still need help? <a href="mailto:help@example.com">Contact us</a></p></footer>
  </body>
</html>
`;

/** Copies the content into a Hugo project (not timed) and returns the project folder. */
export function createHugoProject(dir: string, articlesDir: string, faqsDir: string): string {
  rmSync(dir, { recursive: true, force: true });
  const layouts = path.join(dir, 'layouts');
  mkdirSync(path.join(layouts, '_default'), { recursive: true });
  mkdirSync(path.join(layouts, 'faq'), { recursive: true });
  cpSync(articlesDir, path.join(dir, 'content'), { recursive: true });
  cpSync(faqsDir, path.join(dir, 'content', 'faq'), { recursive: true });
  // The answers appear on the FAQ page only, as in the plain Astro baseline.
  writeFileSync(
    path.join(dir, 'content', 'faq', '_index.md'),
    '---\ntitle: FAQ\ncascade:\n  _build:\n    render: never\n    list: always\n---\n',
  );
  writeFileSync(
    path.join(dir, 'hugo.toml'),
    `baseURL = "https://example.com/"\ntitle = "Help Center"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n[markup.goldmark.renderer]\nunsafe = true\n`,
  );
  writeFileSync(path.join(layouts, '_default', 'baseof.html'), BASEOF);
  writeFileSync(path.join(layouts, '_default', 'single.html'), '{{ define "main" }}{{ .Content }}{{ end }}\n');
  writeFileSync(
    path.join(layouts, '_default', 'list.html'),
    '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
  );
  writeFileSync(
    path.join(layouts, 'faq', 'list.html'),
    '{{ define "main" }}{{ range .RegularPages }}<section><h2>{{ .Params.question }}</h2>{{ .Content }}</section>{{ end }}{{ end }}\n',
  );
  return dir;
}

/** One cold build: `hugo` then `pagefind --site public`, their wall and CPU times added. */
export async function runHugoBuild(dir: string, repoRoot: string): Promise<BuildMeasurement> {
  const out = path.join(dir, 'public');
  for (const d of [out, path.join(dir, 'resources'), path.join(dir, '.hugo_build.lock')])
    rmSync(d, { recursive: true, force: true });
  const hugo = await runTimed({
    cwd: dir,
    command: HUGO,
    args: ['--quiet', '--cacheDir', path.join(dir, 'cache')],
    env: {},
  });
  const pagefind = await runTimed({
    cwd: dir,
    command: path.join(repoRoot, 'node_modules', '.bin', 'pagefind'),
    args: ['--site', out],
    env: {},
  });
  const dist = getTreeSize(out);
  const sum = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : a + b;
  return {
    ms: hugo.ms + pagefind.ms,
    cpuMs: sum(hugo.cpuMs, pagefind.cpuMs),
    peakRssBytes: Math.max(hugo.peakRssBytes, pagefind.peakRssBytes),
    peakTreeRssBytes: Math.max(hugo.peakTreeRssBytes, pagefind.peakTreeRssBytes),
    memorySource: hugo.memorySource,
    distBytes: dist.bytes,
    pagefindBytes: getTreeSize(path.join(out, 'pagefind')).bytes,
    htmlPages: dist.html,
    pagefindMs: pagefind.ms,
    pagefindWaitMs: undefined,
    phases: {},
  };
}
