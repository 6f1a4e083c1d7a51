/**
 * npm run lint:content -- [--format text|json|github] [--fix] [--root <dir>] [--no-cache] [--no-git] [paths...]
 * Exit code: 0 no errors (warnings allowed), 1 errors, 2 usage error or invalid settings (site.yaml, lint.rules).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/content/diagnostics.ts';
import { DEFAULT_CONTENT_DIR } from '../src/content/paths.ts';
import { fixContent } from '../src/tools/lint/fix.ts';
import { OUTPUT_FORMATS, formatReport, type OutputFormat } from '../src/tools/lint/format.ts';
import { LintSetupError, getDefaultWorkerCount, lintContent, type LintOptions } from '../src/tools/lint/lint-content.ts';

const USAGE = `Usage: npm run lint:content -- [options] [files or folders...]

Checks content/ for schema errors, broken links and images, heading structure, descriptions,
review dates, owners, duplicate and similar questions, and text that does not belong.

Options:
  --format <text|json|github>  output format (default: text; github prints workflow annotations)
  --fix                        repair what is safe to repair (invisible characters, homoglyphs), then report the rest
  --root <dir>                 project root that holds content/ and public/ (default: current folder)
  --no-cache                   parse every file again instead of using .cache/lint-content.json
  --no-git                     skip the git history check (missing-redirect)
  --today <YYYY-MM-DD>         the date reviewBy is compared with (default: today)
  --workers <n>                threads for parsing Markdown on large sites (default: by CPU count)
  -h, --help                   show this help

Rules and how to fix each finding: docs/writer-tooling.md
Exit code: 0 no errors (warnings are fine), 1 errors, 2 usage error or invalid content/site.yaml.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean', default: false },
      root: { type: 'string' },
      cache: { type: 'boolean', default: true },
      git: { type: 'boolean', default: true },
      today: { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  args = parse();
} catch (err) {
  fail((err as Error).message);
}
const { values, positionals } = args;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const format = values.format as OutputFormat;
if (!OUTPUT_FORMATS.includes(format)) fail(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not "${values.format}"`);
if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail(`--today must be a date like 2026-01-31, not "${values.today}"`);
const workers = values.workers === undefined ? getDefaultWorkerCount() : Number(values.workers);
if (!Number.isInteger(workers) || workers < 0) fail(`--workers must be a whole number, not "${values.workers}"`);

const root = path.resolve(values.root ?? '.');
const options: LintOptions = {
  root,
  contentDir: DEFAULT_CONTENT_DIR,
  today: values.today,
  history: values.git ? undefined : false,
  cacheFile: values.cache ? '.cache/lint-content.json' : undefined,
  only: positionals.map((p) => path.relative(root, path.resolve(p))),
  workers,
};

try {
  const { result, fixed } = values.fix ? await fixContent(options) : { result: await lintContent(options), fixed: [] };
  if (result.settingsErrors.length > 0) {
    process.stderr.write(`${result.settingsErrors.map(formatDiagnostic).join('\n')}\nFix lint settings in content/site.yaml and run again.\n`);
    process.exit(2);
  }
  process.stdout.write(formatReport(format, { result, fixed }));
  // Without valid site settings the linter cannot know the language, domains or rule severities.
  const settingsBroken = result.findings.some((f) => f.ruleId === 'site-settings');
  process.exitCode = settingsBroken ? 2 : result.errorCount > 0 ? 1 : 0;
} catch (err) {
  if (err instanceof LintSetupError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
