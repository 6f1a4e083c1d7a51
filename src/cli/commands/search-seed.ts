/** `helpdesk-kit search seed`: probes proposed from the search insights, printed for a writer to copy. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../content/load.ts';
import { ProjectSchemaError, loadProjectSchemas } from '../../content/project-schemas.ts';
import { SEARCH_PROBES_FILE, getPublishedPages, loadSearchProbes } from '../../content/search-probes.ts';
import { createStore, isPostgresUrl } from '../../feedback/server/stores/create-store.ts';
import { parseSince } from '../../tools/report/parse-report-args.ts';
import { buildProbeSeeds, formatProbeSeeds } from '../../tools/search-check/seed.ts';
import {
  EXIT_OK,
  EXIT_USAGE,
  HELP_OPTION,
  PROJECT_OPTIONS,
  parseCommandArgs,
  resolveRoot,
  usageError,
  type Command,
} from '../io.ts';

export const SEARCH_SEED_USAGE = `Usage: helpdesk-kit search seed [options]

Proposes search probes from the search insights the feedback store holds (what readers searched
on the live site): the most frequent queries with the page readers opened most after them, and
the queries that failed (no results, or no result opened) with an empty expect for you to fill.
Queries already in content/${SEARCH_PROBES_FILE} are left out. Prints YAML lines to copy into it.

Options:
  --store <FILE|postgres://...>  the store (default: FEEDBACK_STORE_URL, else FEEDBACK_DB, else data/feedback.db in --root)
  --since <YYYY-MM-DD|7d>        only searches from this day on (UTC), or from this long ago: 12h, 7d, 2w
  --limit <n>                    at most n frequent and n failed queries (default: 20)
  --probes <file>                the probes file, relative to --root (default: content/${SEARCH_PROBES_FILE})
  --root <dir>                   project root that holds content/ (default: current folder)
  --content <dir>                the content folder, relative to --root (default: content)
  -h, --help                     show this help

Exit code: 0 proposals printed, 2 usage error, no store or an invalid probes file.`;

export const searchSeedCommand: Command = async (argv, io) => {
  const parsed = parseCommandArgs(io, SEARCH_SEED_USAGE, {
    args: argv,
    options: {
      store: { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string', default: '20' },
      probes: { type: 'string' },
      ...PROJECT_OPTIONS,
      help: HELP_OPTION,
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1)
    return usageError(io, `--limit must be a whole number from 1, not "${values.limit}"`, SEARCH_SEED_USAGE);
  const since = values.since === undefined ? undefined : parseSince(values.since, new Date());
  if (values.since !== undefined && !since)
    return usageError(
      io,
      `--since must be a day like 2026-01-31 or a time ago like 12h, 7d or 2w, not "${values.since}"`,
    );
  const root = resolveRoot(io, values.root);
  const given = values.store || io.env.FEEDBACK_STORE_URL || io.env.FEEDBACK_DB;
  const store = given
    ? isPostgresUrl(given)
      ? given
      : path.resolve(io.cwd, given)
    : path.join(root, 'data/feedback.db');
  if (!isPostgresUrl(store) && !existsSync(store))
    return usageError(
      io,
      `there is no feedback database at ${given ?? path.relative(io.cwd, store)}; point --store, FEEDBACK_DB or FEEDBACK_STORE_URL at the store the endpoint writes (site.yaml needs searchInsights: true)`,
    );

  let schemas;
  try {
    schemas = await loadProjectSchemas(root, path.join(root, 'src'));
  } catch (err) {
    if (err instanceof ProjectSchemaError) return usageError(io, err.message);
    throw err;
  }
  const content = loadContent(root, values.content, schemas);
  const pages = getPublishedPages(content);
  const probesFile = path.resolve(root, values.probes ?? path.join(values.content, SEARCH_PROBES_FILE));
  const shown = path.relative(root, probesFile).split(path.sep).join('/');
  // A file that does not exist yet is fine: every query is new. One with problems is not: it would be proposed twice.
  const loaded = existsSync(probesFile) ? loadSearchProbes(probesFile, shown) : { probes: [], diagnostics: [] };
  if (loaded.diagnostics.length > 0)
    return usageError(io, `${shown} has problems; run helpdesk-kit search check to see them, and fix them first`);

  const opened = await createStore({ location: store });
  try {
    const events = await opened.listSearchEvents({ since: since?.getTime() });
    const seeds = buildProbeSeeds(events, pages, loaded.probes, { limit, base: content.site?.base ?? '/' });
    io.stdout.write(formatProbeSeeds(seeds, pages.defaultLanguage));
    return EXIT_OK;
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n`);
    return EXIT_USAGE;
  } finally {
    await opened.close();
  }
};
