/** `helpdesk-kit new article|faq "Title" --category <id>`: a new entry with valid frontmatter. Exit 2 when nothing was created. */
import path from 'node:path';
import { createEntry, createTranslation } from '../../tools/new-entry.ts';
import {
  PROJECT_OPTIONS,
  HELP_OPTION,
  parseCommandArgs,
  EXIT_OK,
  resolveRoot,
  usageError,
  type Command,
} from '../io.ts';

export const NEW_USAGE = `Usage: helpdesk-kit new article|faq "Title or question" --category <id> [options]
       helpdesk-kit new --translate <source file> --locale <code>

Creates content/articles/<category>/[<section>/]<slug>.md (or content/faqs/...) with valid frontmatter and
TODO markers where you still have to write; helpdesk-kit lint reports the TODOs until they are gone.
Never overwrites a file.

Options:
  --category <id>   the category (required); an unknown one lists the valid ids and suggests the closest
  --section <id>    one of the category's sections (its folder; not part of the URL)
  --slug <slug>     the file name, instead of one made from the title
  --owner <name>    the article's owner (team or person)
  --translate <file> start a translation of this article or FAQ: content/<locale>/<same path>, with the
                    source's text to translate and its revision (sourceRevision)
  --locale <code>   the language of the translation, one of site.yaml's locales
  --root <dir>      project root that holds content/ (default: current folder)
  --content <dir>   the content folder, relative to --root (default: content)
  -h, --help        show this help

Prints the created file's path. Exit code: 0 created, 2 usage error or nothing created.`;

export const newCommand: Command = (argv, io) => {
  const parsed = parseCommandArgs(io, NEW_USAGE, {
    args: argv,
    allowPositionals: true,
    options: {
      category: { type: 'string' },
      section: { type: 'string' },
      slug: { type: 'string' },
      owner: { type: 'string' },
      translate: { type: 'string' },
      locale: { type: 'string' },
      ...PROJECT_OPTIONS,
      help: HELP_OPTION,
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.translate !== undefined) {
    if (!values.locale)
      return usageError(io, `--locale is required, like: helpdesk-kit new --translate ${values.translate} --locale de`);
    if (positionals.length > 0) return usageError(io, '--translate takes no article|faq or title', NEW_USAGE);
    const root = resolveRoot(io, values.root);
    const made = createTranslation({
      root,
      contentDir: values.content,
      source: values.translate,
      locale: values.locale,
    });
    if (!made.ok) return usageError(io, made.message);
    const created = path.join(root, made.file);
    const shown = path.relative(io.cwd, created);
    io.stdout.write(`${shown.startsWith('..') ? created : shown}\n`);
    io.stderr.write('Translate the title, description and text; keep sourceRevision as it is.\n');
    return EXIT_OK;
  }
  const [kind, title, ...rest] = positionals;
  if (kind !== 'article' && kind !== 'faq')
    return usageError(io, `say what to create: article or faq${kind ? `, not "${kind}"` : ''}`, NEW_USAGE);
  if (!title || rest.length > 0)
    return usageError(
      io,
      `give the title in quotes, like: helpdesk-kit new ${kind} "Pay in installments" --category billing`,
    );
  if (!values.category)
    return usageError(io, `--category is required, like: helpdesk-kit new ${kind} "${title}" --category billing`);

  const root = resolveRoot(io, values.root);
  const result = createEntry({
    root,
    contentDir: values.content,
    kind,
    title,
    category: values.category,
    section: values.section,
    slug: values.slug,
    owner: values.owner,
  });
  if (!result.ok) return usageError(io, result.message);
  const created = path.join(root, result.file);
  const shown = path.relative(io.cwd, created);
  io.stdout.write(`${shown.startsWith('..') ? created : shown}\n`);
  for (const entry of result.similar)
    io.stderr.write(`Warning: the title is nearly the same as ${entry}; merge them or tell them apart.\n`);
  io.stderr.write('Replace each TODO, then run helpdesk-kit lint.\n');
  return EXIT_OK;
};
