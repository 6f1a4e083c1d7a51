// Compiles the package (src/ -> dist/) for `npm pack` and for the sample site, which imports it
// by its name: tsc emits JavaScript and declarations; the .astro components and pages, the
// stylesheets and the plain-JavaScript worker bodies are copied beside them, their imports of
// our .ts modules pointed at the .js files.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const COPIED = /\.(astro|css|mjs)$/;

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COPIED.test(entry.name)) continue;
  const from = path.join(entry.parentPath, entry.name);
  const to = path.join(dist, path.relative(src, from));
  mkdirSync(path.dirname(to), { recursive: true });
  if (entry.name.endsWith('.css')) cpSync(from, to);
  else
    writeFileSync(
      to,
      readFileSync(from, 'utf8').replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3'),
    );
}

// The in-product widget: one minified script (the site build copies it to /widget.js with the
// site's settings in place of its placeholder). Pagefind is imported at run time, not bundled.
const esbuild = await import('esbuild');
await esbuild.build({
  entryPoints: [path.join(src, 'widget/help-widget.ts')],
  outfile: path.join(dist, 'widget/help-widget.bundle.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
});
// The widget's search (query layer, Pagefind loading, answer cards), loaded with import() on the first search.
await esbuild.build({
  entryPoints: [path.join(src, 'widget/search-module.ts')],
  outfile: path.join(dist, 'widget/search.bundle.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
});
// The widget's contact form, loaded by the widget with import() only when a reader opens it.
await esbuild.build({
  entryPoints: [path.join(src, 'widget/contact-form.ts')],
  outfile: path.join(dist, 'widget/contact-form.bundle.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
});
