/**
 * Worker thread body for search-index-thread.ts: holds the build's SearchIndexSession, turns each
 * entry it is sent into its search record and talks to Pagefind, all off Astro's thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HelpCenterError } from '../../lib/errors.ts';
import { createSearchRecordBuilders } from '../../search/search-record-builders.ts';
import { SearchIndexSession } from './search-index-session.ts';
import type { SearchIndexReply, SearchIndexRequest } from './search-index-thread.ts';

const port = parentPort!;
const session = new SearchIndexSession((workerData as { cacheDir: string }).cacheDir, createSearchRecordBuilders());
/** The first failure of a call that answers nothing (an entry after write(), say): reported by finish. */
let failure: unknown;

const reply = (message: SearchIndexReply) => port.postMessage(message);
const toReply = (err: unknown): SearchIndexReply => ({
  kind: 'failed',
  error:
    err instanceof HelpCenterError
      ? { code: err.code, message: err.message, hint: err.hint }
      : { message: err instanceof Error ? (err.stack ?? err.message) : String(err) },
});

port.on('message', (request: SearchIndexRequest) => {
  switch (request.kind) {
    case 'add':
    case 'unchanged':
    case 'write':
      try {
        if (request.kind === 'add') session.addEntry(request.collection, request.entry);
        else if (request.kind === 'unchanged') session.addUnchangedEntries(request.collection, request.entries);
        else session.write();
      } catch (err) {
        failure ??= err;
      }
      return;
    case 'finish':
      if (failure !== undefined) {
        const failed = toReply(failure);
        void session.close().finally(() => reply(failed));
        return;
      }
      session.finish(request.outDir, request.vocabulary).then(
        (result) => reply({ kind: 'finished', result }),
        (err: unknown) => reply(toReply(err)),
      );
      return;
    case 'close':
      session.close().then(
        () => reply({ kind: 'closed' }),
        (err: unknown) => reply(toReply(err)),
      );
      return;
  }
});
