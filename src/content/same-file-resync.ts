/**
 * Astro 5's glob loader warns `Duplicate id "…" found` whenever it stores an entry whose id is
 * already in the store, including the entry's own earlier version: every edit saved in
 * `astro dev`, and every file changed since the content layer's cache at the start of a dev
 * server or build. (Astro 6 warns only when the stored entry is another file's.) This wrapper
 * gives the glob loader a store in which an id held by the very file being synced reads as
 * absent to `has`, the only call the warning makes, so two files that really share an id are
 * still reported.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

export function withSameFileResync(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const root = fileURLToPath(context.config.root);
      // The glob loader parses an entry's data just before it checks the id, with no await in between.
      const syncing = new Map<string, string>();
      const parseData: LoaderContext['parseData'] = (props) => {
        if (props.filePath) syncing.set(props.id, path.resolve(root, props.filePath));
        return context.parseData(props);
      };
      const store: LoaderContext['store'] = {
        ...context.store,
        has: (id) => {
          const stored = context.store.get(id);
          if (!stored) return false;
          const file = syncing.get(id);
          return !(file && stored.filePath && path.resolve(root, stored.filePath) === file);
        },
        set: (entry) => {
          syncing.delete(entry.id);
          return context.store.set(entry);
        },
      };
      return loader.load({ ...context, parseData, store });
    },
  };
}
