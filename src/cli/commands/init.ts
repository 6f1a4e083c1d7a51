/** `helpdesk-kit init [dir]`: scaffolds a help center that is entirely the team's. Asks nothing. */
import path from 'node:path';
import { scaffoldSite } from '../../tools/init/scaffold.ts';
import {
  HELP_OPTION,
  parseCommandArgs,
  EXIT_OK,
  readOwnPackage,
  resolveRoot,
  usageError,
  type Command,
} from '../io.ts';

export const INIT_USAGE = `Usage: helpdesk-kit init [dir]

Creates a help center in dir (default: my-help): package.json, astro.config.mjs,
src/content.config.ts, content/ with starter articles, FAQs, categories.yaml and site.yaml,
public/images/, a .gitignore, a README for writers, and deploy files: wrangler.toml (a
Cloudflare Worker with D1 and the site as static assets), netlify.toml and vercel.json (the site
and the feedback function), GitHub Actions workflows for GitHub Pages and for the endpoint. The
endpoint's FEEDBACK_SECRET goes to .env, which is git-ignored. Asks nothing; never writes into a
folder that is not empty.

Options:
  -h, --help   show this help

Exit code: 0 created, 2 usage error or the folder is not empty.`;

export const initCommand: Command = (argv, io) => {
  const parsed = parseCommandArgs(io, INIT_USAGE, {
    args: argv,
    allowPositionals: true,
    options: { help: HELP_OPTION },
  });
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 1)
    return usageError(io, `init takes one folder, not ${parsed.positionals.length}`, INIT_USAGE);
  const dir = parsed.positionals[0] ?? 'my-help';
  const target = resolveRoot(io, dir);
  const own = readOwnPackage();
  const result = scaffoldSite({ target, version: own.version, packageName: own.name });
  if (!result.ok) return usageError(io, result.message);
  const shown = path.relative(io.cwd, target) || '.';
  const cd = shown === '.' ? '' : `cd ${/\s/.test(shown) ? JSON.stringify(shown) : shown} && `;
  io.stdout.write(
    `Created ${result.name} in ${shown}/ (${result.files.length} files).\n\nNext steps:\n  ${cd}npm install && npm run dev\n\n` +
      `Then write in content/ (README.md says how), check it with npm run lint, and deploy dist/ after npm run build.\n\n` +
      `The feedback endpoint's new FEEDBACK_SECRET is in ${shown}/${result.secretFile} (git-ignored: never commit it).\n` +
      `Set it as a secret where the endpoint runs, for example:\n` +
      `  npx wrangler secret put FEEDBACK_SECRET        (Cloudflare; paste the value)\n` +
      `  Netlify or Vercel: the site's environment variables; GitHub Actions: a repository secret\n`,
  );
  return EXIT_OK;
};
