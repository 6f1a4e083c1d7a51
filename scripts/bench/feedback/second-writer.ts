/**
 * A second OS process writing votes into the same SQLite file while the benchmark loads the
 * server (checklist 12). Prints `{"written":N,"errors":M}` on stdout when done.
 * Usage: node --import tsx scripts/bench/feedback/second-writer.ts <db-file> <duration-ms> <votes-per-second>
 */
import { createSqliteStore } from '../../../src/feedback/server/stores/sqlite.ts';

const [file, durationText = '10000', rateText = '100'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: second-writer.ts <db-file> <duration-ms> <votes-per-second>\n');
  process.exit(2);
}
const store = await createSqliteStore({ file });
const end = Date.now() + Number(durationText);
const interval = 1000 / Number(rateText);
let written = 0;
let errors = 0;
let i = 0;
while (Date.now() < end) {
  try {
    await store.recordVote({
      eventId: crypto.randomUUID(),
      itemId: 'article:bench-0',
      visitorHash: `second-writer-${process.pid}-${i++}`,
      day: new Date().toISOString().slice(0, 10),
      vote: 'up',
      reason: null,
      comment: null,
      pagePath: '/bench/',
      language: 'en',
      revision: 'unknown',
      replaces: null,
      receivedAt: Date.now(),
    });
    written++;
  } catch (err) {
    errors++;
    process.stderr.write(`${(err as Error).message}\n`);
  }
  await new Promise((resolve) => setTimeout(resolve, interval));
}
await store.close();
process.stdout.write(`${JSON.stringify({ written, errors })}\n`);
