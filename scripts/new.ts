/**
 * npm run new -- article|faq "Title" --category <id> [--slug <slug>] [--owner <name>] [--root <dir>]
 * Prints the created file's path. Exit code 2 (with a message) when nothing was created.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_DIR } from '../src/content/paths.ts';
import { createEntry, type EntryKind } from '../src/tools/new-entry.ts';

const USAGE = `Usage: npm run new -- article|faq "Title or question" --category <id> [options]

Creates content/articles/<category>/<slug>.md (or content/faqs/...) with valid frontmatter and
TODO markers where you still have to write; npm run lint:content reports the TODOs until they are gone.

Options:
  --category <id>   the category (required); an unknown one lists the valid ids
  --slug <slug>     the file name, instead of one made from the title
  --owner <name>    the article's owner (team or person)
  --root <dir>      project root that holds content/ (default: current folder)
  -h, --help        show this help`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      category: { type: 'string' },
      slug: { type: 'string' },
      owner: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (err) {
  fail(`${(err as Error).message}\n\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [kind, title, ...rest] = positionals;
if (kind !== 'article' && kind !== 'faq') fail(`say what to create: article or faq${kind ? `, not "${kind}"` : ''}\n\n${USAGE}`);
if (!title || rest.length > 0) fail(`give the title in quotes, like: npm run new -- ${kind} "Pay in installments" --category billing`);
if (!values.category) fail(`--category is required, like: npm run new -- ${kind} "${title}" --category billing`);

const root = path.resolve(values.root ?? '.');
const result = createEntry({
  root,
  contentDir: DEFAULT_CONTENT_DIR,
  kind: kind as EntryKind,
  title,
  category: values.category,
  slug: values.slug,
  owner: values.owner,
});
if (!result.ok) fail(result.message);
const created = path.join(root, result.file);
const shown = path.relative(process.cwd(), created);
process.stdout.write(`${shown.startsWith('..') ? created : shown}\n`);
process.stderr.write('Replace each TODO, then run npm run lint:content.\n');
