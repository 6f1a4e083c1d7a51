/** `helpdesk-kit init [dir]`: scaffolds a help center that is entirely the team's. Asks nothing. */
import path from 'node:path';
import { formatNextSteps, scaffoldSite } from '../../tools/init/scaffold.ts';
import { HELP_OPTION, parseCommandArgs, EXIT_OK, resolveRoot, usageError, type Command } from '../io.ts';

export const INIT_USAGE = `Usage: helpdesk-kit init [dir]

Creates a help center in dir (default: my-help): package.json, astro.config.mjs,
src/content.config.ts, content/ with starter articles, FAQs, categories.yaml and site.yaml,
public/images/, a .gitignore, a README for writers, and deploy files: wrangler.toml (a
Cloudflare Worker with D1 and the site as static assets), netlify.toml and vercel.json (the site
and the feedback function), GitHub Actions workflows for GitHub Pages and for the endpoint. The
endpoint's FEEDBACK_SECRET goes to .env, which is git-ignored. Asks nothing; never writes into a
folder that is not empty. npm create helpdesk-kit writes the same files without installing
helpdesk-kit first.

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
  const result = scaffoldSite({ target });
  if (!result.ok) return usageError(io, result.message);
  io.stdout.write(formatNextSteps(result, path.relative(io.cwd, target) || '.'));
  return EXIT_OK;
};
