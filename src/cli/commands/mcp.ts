/** `helpdesk-kit mcp`: a read-only MCP server (stdio) over the built help center, for assistants. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadSiteSettings } from '../../site/settings.ts';
import { BuiltHelpCenterError, loadBuiltHelpCenter, type InsightsTarget } from '../../tools/mcp/built-help-center.ts';
import { serveMcpLines } from '../../assistant/mcp-tools.ts';
import {
  EXIT_OK,
  EXIT_USAGE,
  HELP_OPTION,
  PROJECT_OPTIONS,
  parseCommandArgs,
  readOwnPackage,
  resolveRoot,
  type Command,
} from '../io.ts';
import { plural } from '../../lib/plural.ts';
import { findAstroOutDir } from '../astro-out-dir.ts';

export const MCP_USAGE = `Usage: helpdesk-kit mcp [options]

Serves the built help center to AI assistants over the Model Context Protocol on stdin/stdout
(JSON-RPC, one message per line): the tools "search" (the site's own search, with synonyms and
typo correction) and "get" (an article's or FAQ answer's Markdown). Read-only. When site.yaml
turns searchInsights on and has a feedbackEndpoint, each search is recorded as a search insight.

Options:
  --dist <dir>     the built site, relative to --root (default: the Astro config's outDir, dist)
  --root <dir>     project root that holds content/ (default: current folder)
  --content <dir>  the content folder, relative to --root (default: content)
  -h, --help       show this help

Exit code: 0 when stdin closes, 2 usage error or no built site.`;

export const mcpCommand: Command = async (argv, io) => {
  const parsed = parseCommandArgs(io, MCP_USAGE, {
    args: argv,
    options: { dist: { type: 'string' }, ...PROJECT_OPTIONS, help: HELP_OPTION },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const root = resolveRoot(io, values.root);
  let distDir: string;
  try {
    distDir = values.dist !== undefined ? path.resolve(root, values.dist) : await findAstroOutDir(root);
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n`);
    return EXIT_USAGE;
  }
  const contentDir = path.resolve(root, values.content);
  const settings = existsSync(path.join(contentDir, 'site.yaml')) ? loadSiteSettings(contentDir) : undefined;
  let insights: InsightsTarget | undefined;
  if (settings?.searchInsights && settings.feedbackEndpoint) {
    const manifestFile = path.join(distDir, 'feedback-manifest.json');
    const revision = existsSync(manifestFile)
      ? ((JSON.parse(readFileSync(manifestFile, 'utf8')) as { revision?: string }).revision ?? 'unknown')
      : 'unknown';
    insights = {
      endpoint: `${settings.feedbackEndpoint.replace(/\/+$/, '')}/search`,
      origin: new URL(settings.url).origin,
      language: settings.language,
      revision: /^[0-9a-f]{12,}$/.test(revision) ? revision.slice(0, 12) : revision,
    };
  }
  const log = (message: string) => io.stderr.write(`helpdesk-kit mcp: ${message}\n`);
  let backend;
  try {
    backend = await loadBuiltHelpCenter(distDir, {
      name: settings?.name ?? 'helpdesk-kit',
      version: readOwnPackage().version,
      insights,
      log,
    });
  } catch (err) {
    if (!(err instanceof BuiltHelpCenterError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return EXIT_USAGE;
  }
  log(
    `serving ${plural(backend.records, 'article or FAQ', 'articles and FAQs')} from ${path.relative(io.cwd, distDir) || '.'} on stdio${insights ? `; searches recorded at ${insights.endpoint}` : ''}`,
  );
  const stdin = io.stdin ?? process.stdin;
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  await serveMcpLines(backend, lines, (line) => io.stdout.write(`${line}\n`));
  return EXIT_OK;
};
