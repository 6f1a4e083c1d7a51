/**
 * `helpdesk-kit init`: copies the starter site (templates/starter/, published with the package)
 * into a new folder and writes its package.json. Returns what it wrote; no console, no exit.
 *
 * Template files that npm would drop or hide from a tarball are stored without their leading dot
 * (`gitignore`, `gitkeep`, `github/`) and renamed here.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** templates/starter/ of the package (this file is src/tools/init/ or dist/tools/init/). */
export const STARTER_DIR = fileURLToPath(new URL('../../../templates/starter/', import.meta.url));

/** The Astro version the starter is tested with (the package's peer dependency). */
export const STARTER_ASTRO_RANGE = '^5.18.2';

const RENAMED: Record<string, string> = { gitignore: '.gitignore', gitkeep: '.gitkeep', github: '.github' };
/** Text files whose `{{name}}` and `{{title}}` are replaced. */
const TEXT = /\.(md|mdx|ya?ml|toml|json|mjs|ts)$|gitignore$/;

export interface ScaffoldOptions {
  /** The folder to create (absolute). It must not exist or be empty. */
  target: string;
  /** The running package's version: the site depends on `^version`. */
  version: string;
  /** The package's name (helpdesk-kit). */
  packageName?: string;
  /** Where the template is; default templates/starter/ of this package. */
  templateDir?: string;
}

export type ScaffoldResult =
  | {
      ok: true;
      name: string;
      files: string[];
      /** The file holding the new FEEDBACK_SECRET (git-ignored), relative to the site. */
      secretFile: string;
    }
  | { ok: false; message: string };

/** The git-ignored file init writes the endpoint's secret to. */
export const SECRET_FILE = '.env';

/** A new FEEDBACK_SECRET: 32 random bytes as hex. */
export const createFeedbackSecret = () => randomBytes(32).toString('hex');

/** .env with a fresh secret, and what it is for. */
export function getSecretFileText(secret: string = createFeedbackSecret()): string {
  return [
    "# The feedback endpoint's secret, made by helpdesk-kit init. Never commit this file (it is in",
    '# .gitignore): set the value as a secret where the endpoint runs (wrangler secret put,',
    '# the Netlify or Vercel environment variables, a GitHub Actions secret). See docs/feedback.md.',
    `FEEDBACK_SECRET=${secret}`,
    '',
  ].join('\n');
}

/** An npm package name from a folder name: "My Help!" -> "my-help". */
export function getPackageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '')
    .slice(0, 214);
  return name || 'help-center';
}

/** "my-help" -> "My Help". */
function getTitle(name: string): string {
  return name
    .split(/[-._~]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

export function getStarterPackageJson(name: string, version: string, packageName = 'helpdesk-kit'): string {
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      dev: 'astro dev',
      build: 'astro build',
      preview: 'astro preview',
      lint: `${packageName} lint`,
    },
    dependencies: {
      [packageName]: `^${version}`,
      astro: STARTER_ASTRO_RANGE,
    },
    engines: { node: '>=20.3' },
    // Astro's font code (unused here) asks for undici 8, which needs Node 22 and makes npm warn
    // EBADENGINE on Node 20; undici 7 has everything it imports.
    overrides: { unifont: { undici: '^7.24.0' } },
    // npm runs no dependency's install scripts unless allowed: these three the site needs (the
    // feedback store's SQLite driver, Astro's bundler and its image tool).
    allowScripts: { 'better-sqlite3': true, esbuild: true, sharp: true },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function scaffoldSite(options: ScaffoldOptions): ScaffoldResult {
  const target = path.resolve(options.target);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) return { ok: false, message: `${target} is a file; choose a new folder name` };
    if (readdirSync(target).length > 0) {
      return {
        ok: false,
        message: `${target} is not empty; init only writes into a new or empty folder, so nothing of yours is overwritten. Choose another name, like: helpdesk-kit init my-help`,
      };
    }
  }
  const templateDir = options.templateDir ?? STARTER_DIR;
  if (!existsSync(templateDir))
    return { ok: false, message: `the starter template is missing (${templateDir}); reinstall the package` };
  const name = getPackageName(path.basename(target));
  const vars: Record<string, string> = { name, title: getTitle(name) };
  const files: string[] = [];
  const copy = (fromDir: string, toDir: string) => {
    mkdirSync(toDir, { recursive: true });
    for (const entry of readdirSync(fromDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const from = path.join(fromDir, entry.name);
      const to = path.join(toDir, RENAMED[entry.name] ?? entry.name);
      if (entry.isDirectory()) copy(from, to);
      else if (entry.isFile()) {
        const data = readFileSync(from);
        writeFileSync(
          to,
          TEXT.test(entry.name)
            ? data.toString('utf8').replace(/\{\{(name|title)\}\}/g, (_, key: string) => vars[key]!)
            : data,
        );
        files.push(path.relative(target, to).split(path.sep).join('/'));
      }
    }
  };
  copy(templateDir, target);
  writeFileSync(path.join(target, 'package.json'), getStarterPackageJson(name, options.version, options.packageName));
  files.push('package.json');
  writeFileSync(path.join(target, SECRET_FILE), getSecretFileText(), { mode: 0o600 });
  files.push(SECRET_FILE);
  return { ok: true, name, files: files.sort(), secretFile: SECRET_FILE };
}
