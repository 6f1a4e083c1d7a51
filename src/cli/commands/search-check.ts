/** `helpdesk-kit search check`: do the site's search probes still find their pages? Exit 0 pass, 1 a probe fails, 2 usage or setup. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, sortDiagnostics } from '../../content/diagnostics.ts';
import { ProjectSchemaError, loadProjectSchemas } from '../../content/project-schemas.ts';
import { SEARCH_PROBES_FILE } from '../../content/search-probes.ts';
import { HelpCenterError } from '../../lib/errors.ts';
import { plural } from '../../lib/plural.ts';
import {
  SEARCH_CHECK_FORMATS,
  formatJson,
  formatSearchCheck,
  type SearchCheckFormat,
} from '../../tools/search-check/format.ts';
import { BaselineError, loadBaseline, type SearchCheckBaseline } from '../../tools/search-check/results-file.ts';
import { SearchCheckError, runSearchCheck } from '../../tools/search-check/search-check.ts';
import { findAstroOutDir } from '../astro-out-dir.ts';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_USAGE,
  HELP_OPTION,
  PROJECT_OPTIONS,
  createProgress,
  parseCommandArgs,
  resolveRoot,
  usageError,
  type Command,
} from '../io.ts';

export const SEARCH_CHECK_USAGE = `Usage: helpdesk-kit search check [options]

Runs each probe of content/${SEARCH_PROBES_FILE} (a query and the page it should find first) through
the built site's search, as readers get it, and prints the rank of the expected page (1 to 10, or
not found), hit@1, hit@3 and MRR. With --baseline (the results saved from the main branch's build)
it says which probes got better or worse, by how many places.

Options:
  --dist <dir>                 the built site, relative to --root (default: the Astro config's outDir, dist)
  --probes <file>              the probes file, relative to --root (default: content/${SEARCH_PROBES_FILE})
  --baseline <results.json>    results saved with --save from the main branch's build, to compare with
  --save <results.json>        write this run's results (the JSON of --format json) to a file
  --format <text|json|github>  output format (default: text; github prints workflow annotations)
  --root <dir>                 project root that holds content/ (default: current folder)
  --content <dir>              the content folder, relative to --root (default: content)
  -h, --help                   show this help

Exit code: 0 every probe passes, 1 a probe fails (without --baseline: its page is not in the top 3;
with it: its page was in the top 3 and is not now; either way: its page is not published),
2 usage error, no build, or an invalid probes file.`;

export const searchCheckCommand: Command = async (argv, io) => {
  const parsed = parseCommandArgs(io, SEARCH_CHECK_USAGE, {
    args: argv,
    options: {
      dist: { type: 'string' },
      probes: { type: 'string' },
      baseline: { type: 'string' },
      save: { type: 'string' },
      format: { type: 'string', default: 'text' },
      ...PROJECT_OPTIONS,
      help: HELP_OPTION,
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const format = values.format as SearchCheckFormat;
  if (!SEARCH_CHECK_FORMATS.includes(format))
    return usageError(
      io,
      `--format must be one of ${SEARCH_CHECK_FORMATS.join(', ')}, not "${values.format}"`,
      SEARCH_CHECK_USAGE,
    );
  const root = resolveRoot(io, values.root);
  const fromCwd = (file: string) => path.resolve(io.cwd, file);
  let baseline: SearchCheckBaseline | undefined;
  try {
    if (values.baseline !== undefined) baseline = loadBaseline(fromCwd(values.baseline), values.baseline);
  } catch (err) {
    if (err instanceof BaselineError) return usageError(io, err.message);
    throw err;
  }
  const progress = createProgress(io);
  try {
    const distDir = values.dist !== undefined ? path.resolve(root, values.dist) : await findAstroOutDir(root);
    const schemas = await loadProjectSchemas(root, path.join(root, 'src'));
    progress.update('search check: running the probes');
    const outcome = await runSearchCheck({
      root,
      contentDir: values.content,
      distDir,
      probesFile: path.resolve(root, values.probes ?? path.join(values.content, SEARCH_PROBES_FILE)),
      baseline,
      schemas,
    });
    progress.done();
    if (!outcome.ok) {
      const { diagnostics } = outcome;
      io.stderr.write(
        `${sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n')}\nThe probes file has ${plural(diagnostics.length, 'problem')}; fix and run again.\n`,
      );
      return EXIT_USAGE;
    }
    const { results, findings } = outcome;
    if (values.save !== undefined) {
      const file = fromCwd(values.save);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, formatJson(results));
    }
    io.stdout.write(formatSearchCheck(format, results, findings));
    return results.passed ? EXIT_OK : EXIT_FINDINGS;
  } catch (err) {
    progress.done();
    if (err instanceof SearchCheckError || err instanceof ProjectSchemaError || err instanceof HelpCenterError) {
      io.stderr.write(`${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
};
