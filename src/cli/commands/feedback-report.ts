/** `helpdesk-kit feedback report`: which articles and FAQs fail readers, worst first. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { isPostgresUrl } from '../../feedback/server/stores/create-store.ts';
import { formatReport } from '../../tools/report/format-report.ts';
import { loadFeedbackReport } from '../../tools/report/load-report.ts';
import { REPORT_USAGE, parseReportArgs } from '../../tools/report/parse-report-args.ts';
import { EXIT_OK, EXIT_USAGE, createProgress, resolveRoot, usageError, type Command } from '../io.ts';
import { plural } from '../../lib/plural.ts';

export { REPORT_USAGE };

export const feedbackReportCommand: Command = async (argv, io) => {
  const parsed = parseReportArgs(argv, io.env);
  if (!parsed.ok) return usageError(io, parsed.message);
  const { args } = parsed;
  if (args.help) {
    io.stdout.write(`${REPORT_USAGE}\n`);
    return EXIT_OK;
  }
  const root = resolveRoot(io, args.root);
  // A store given on the command line or in the environment is relative to the current folder;
  // the default one is the project's data/feedback.db.
  const store = isPostgresUrl(args.store)
    ? args.store
    : args.defaultStore
      ? path.join(root, args.store)
      : path.resolve(io.cwd, args.store);
  const progress = createProgress(io);
  progress.update('report: reading votes, content and git history');
  try {
    const report = await loadFeedbackReport({
      root,
      contentDir: args.content,
      store,
      since: args.since,
      owners: args.owners,
      categories: args.categories,
    });
    progress.done();
    const text = formatReport(report, args.format, args.section);
    if (args.out) {
      writeFileSync(path.resolve(io.cwd, args.out), text);
      io.stderr.write(
        `Wrote ${args.out} (${plural(report.totals.votes, 'vote')}, ${plural(report.items.length, 'item')}, ${plural(report.orphans.length, 'removed or unknown id')}, ${plural(report.search.searches, 'search', 'searches')})\n`,
      );
    } else io.stdout.write(text);
    return EXIT_OK;
  } catch (err) {
    progress.done();
    // Say where it looked as the user would write it.
    const message = (err as Error).message.replace(
      store,
      args.defaultStore ? path.relative(io.cwd, store) || store : args.store,
    );
    io.stderr.write(`${message}\n`);
    return EXIT_USAGE;
  }
};
