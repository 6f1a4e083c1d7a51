/**
 * Writes a new help center from templates/starter/: the one writer behind `helpdesk-kit init` (the
 * package's CLI) and `npm create helpdesk-kit` (the create-helpdesk-kit initializer, which ships a
 * copy of this folder made when it is packed). Plain JavaScript with node: built-ins only, so the
 * initializer installs no dependency. Returns what it wrote; no console, no exit.
 *
 * Template files that npm would drop or hide from a tarball are stored without their leading dot
 * (`gitignore`, `gitkeep`, `github/`) and renamed here; so is the site's package.json
 * (`package.tmpl.json`), which in the repository would make templates/starter/ a package of its
 * own to TypeScript and Node (the starter's imports of helpdesk-kit would stop resolving).
 * Text files get `{{key}}` placeholders replaced: the site's package name and title (getSiteTitle),
 * and helpdesk-kit's version, Astro range and Node range.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** templates/starter/ beside this file. */
export const STARTER_DIR = fileURLToPath(new URL('./starter/', import.meta.url));

/** The git-ignored file the endpoint's secret is written to. */
export const SECRET_FILE = '.env';

/** Where a site finds helpdesk-kit's documentation once it has run `npm install`. */
export const DOCS_DIR = 'node_modules/helpdesk-kit/docs';

const RENAMED = {
  gitignore: '.gitignore',
  gitkeep: '.gitkeep',
  github: '.github',
  'package.tmpl.json': 'package.json',
};
/** Text files whose placeholders are replaced. */
const TEXT = /\.(md|mdx|ya?ml|toml|json|mjs|ts|mts)$|gitignore$/;
const PLACEHOLDER = /\{\{(name|title|version|astroRange|nodeRange)\}\}/g;

/**
 * What a site is made against, from helpdesk-kit's package.json: its version (the site depends on
 * `^version`), the Astro it is tested with (its peer range) and the Node it runs on.
 * @param {unknown} pkg the parsed package.json
 * @returns {{ version: string, astroRange: string, nodeRange: string }}
 */
export function getKitInfo(pkg) {
  const p = /** @type {Record<string, any>} */ (pkg ?? {});
  if (p.name !== 'helpdesk-kit') throw new Error(`this is not helpdesk-kit's package.json (name: ${String(p.name)})`);
  const info = { version: p.version, astroRange: p.peerDependencies?.astro, nodeRange: p.engines?.node };
  const fields = { version: 'version', astroRange: 'peerDependencies.astro', nodeRange: 'engines.node' };
  for (const [key, field] of Object.entries(fields)) {
    if (typeof info[/** @type {keyof typeof info} */ (key)] !== 'string')
      throw new Error(`helpdesk-kit's package.json has no ${field}`);
  }
  return info;
}

/** A new FEEDBACK_SECRET: 32 random bytes as hex. */
export const createFeedbackSecret = () => randomBytes(32).toString('hex');

/**
 * .env with a fresh secret, and what it is for.
 * @param {string} [secret]
 */
export function getSecretFileText(secret = createFeedbackSecret()) {
  return [
    "# The feedback endpoint's secret, made when this site was created. Never commit this file (it",
    '# is in .gitignore): set the value as a secret where the endpoint runs (wrangler secret put,',
    '# the Netlify or Vercel environment variables, a GitHub Actions secret).',
    `# See ${DOCS_DIR}/feedback.md.`,
    `FEEDBACK_SECRET=${secret}`,
    '',
  ].join('\n');
}

/**
 * An npm package name from a folder name: "My Help!" -> "my-help".
 * @param {string} folder
 */
export function getPackageName(folder) {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '')
    .slice(0, 214);
  return name || 'help-center';
}

/** Words that already say what the site is, so "Help Center" is not added to a name that has one. */
const SITE_WORDS = new Set(['help', 'helpcenter', 'helpdesk', 'support', 'docs', 'documentation', 'faq', 'faqs', 'kb']);

/**
 * The site's name from its package name: "acme" -> "Acme Help Center", while a name that already
 * says what it is keeps its own words ("my-help" -> "My Help", "acme-support" -> "Acme Support").
 * @param {string} name
 */
export function getSiteTitle(name) {
  const words = name
    .split(/[-._~]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1));
  const said = words.some((w) => SITE_WORDS.has(w.toLowerCase()));
  return said ? words.join(' ') : [...words, 'Help', 'Center'].join(' ');
}

/**
 * @typedef {{ target: string, kit: { version: string, astroRange: string, nodeRange: string }, templateDir?: string }} ScaffoldOptions
 * @typedef {{ ok: true, name: string, files: string[], secretFile: string } | { ok: false, message: string }} ScaffoldResult
 */

/**
 * Copies the starter into `target`, which must not exist or be empty: nothing of the team's is
 * ever overwritten.
 * @param {ScaffoldOptions} options
 * @returns {ScaffoldResult}
 */
export function scaffoldSite(options) {
  const target = path.resolve(options.target);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) return { ok: false, message: `${target} is a file; choose a new folder name` };
    if (readdirSync(target).length > 0) {
      return {
        ok: false,
        message: `${target} is not empty; only a new or empty folder is written to, so nothing of yours is overwritten. Choose a new folder name`,
      };
    }
  }
  const templateDir = options.templateDir ?? STARTER_DIR;
  if (!existsSync(templateDir))
    return { ok: false, message: `the starter template is missing (${templateDir}); reinstall the package` };
  const name = getPackageName(path.basename(target));
  /** @type {Record<string, string>} */
  const vars = { name, title: getSiteTitle(name), ...options.kit };
  /** @type {string[]} */
  const files = [];
  /** @param {string} fromDir @param {string} toDir */
  const copy = (fromDir, toDir) => {
    mkdirSync(toDir, { recursive: true });
    for (const entry of readdirSync(fromDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const from = path.join(fromDir, entry.name);
      const to = path.join(toDir, RENAMED[/** @type {keyof typeof RENAMED} */ (entry.name)] ?? entry.name);
      if (entry.isDirectory()) copy(from, to);
      else if (entry.isFile()) {
        const data = readFileSync(from);
        writeFileSync(
          to,
          TEXT.test(entry.name) ? data.toString('utf8').replace(PLACEHOLDER, (_, key) => vars[key]) : data,
        );
        files.push(path.relative(target, to).split(path.sep).join('/'));
      }
    }
  };
  copy(templateDir, target);
  writeFileSync(path.join(target, SECRET_FILE), getSecretFileText(), { mode: 0o600 });
  files.push(SECRET_FILE);
  return { ok: true, name, files: files.sort(), secretFile: SECRET_FILE };
}

/**
 * What to do next, printed by both `helpdesk-kit init` and `npm create helpdesk-kit`.
 * @param {{ name: string, files: string[], secretFile: string }} result
 * @param {string} shown the new folder, relative to where the command ran ("." for there)
 */
export function formatNextSteps(result, shown) {
  const quoted = /\s/.test(shown) ? JSON.stringify(shown) : shown;
  const steps = [...(shown === '.' ? [] : [`cd ${quoted}`]), 'npm install', 'npm run dev'];
  return (
    `Created ${result.name} in ${shown}/ (${result.files.length} files).\n\nNext steps:\n${steps.map((s) => `  ${s}\n`).join('')}\n` +
    `Then write in content/ (README.md says how), check it with npm run lint, and deploy dist/ after npm run build.\n` +
    `The documentation is in ${DOCS_DIR}/ once installed.\n\n` +
    `The feedback endpoint's new FEEDBACK_SECRET is in ${shown}/${result.secretFile} (git-ignored: never commit it).\n` +
    `Set it as a secret where the endpoint runs, for example:\n` +
    `  npx wrangler secret put FEEDBACK_SECRET        (Cloudflare; paste the value)\n` +
    `  Netlify or Vercel: the site's environment variables; GitHub Actions: a repository secret\n` +
    `${DOCS_DIR}/feedback.md walks through each host.\n`
  );
}
