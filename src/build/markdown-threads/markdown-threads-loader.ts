/**
 * Has a loader render Markdown on the build's Markdown threads (markdown-threads.ts): the `.md`
 * entry type it is given gets a render function that sends each entry to a thread. The glob loader
 * keeps ten entries in flight, so the threads render while Astro reads, validates and stores the
 * others. The integration puts the threads in the build session in `astro:config:setup` of
 * `astro build` (build-session.ts) and stops them when the content is loaded; the loader reaches
 * them through the session's door. Outside `astro build`, or for `.mdx`, the loader runs unchanged.
 *
 * The entry types are not part of Astro's documented loader context: if a future Astro no longer
 * passes them, or its `.md` type has no `getRenderFunction`, the loader runs unchanged (Markdown on
 * Astro's thread) and says so once in the build log.
 */
import type { ContentEntryRenderFunction, ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { getBuildSession } from 'virtual:helpdesk-kit/build-session';

/** The part of MarkdownThreads a loader needs. */
export interface MarkdownRenderer {
  getRenderFunction(
    config: LoaderContext['config'],
    inline: () => Promise<ContentEntryRenderFunction>,
  ): Promise<ContentEntryRenderFunction>;
}

/** Astro passes the entry types by file extension to loaders, beside the documented context. */
type ContextWithEntryTypes = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };

/** The `.md` entry type with a render function, or why the loader cannot use the threads. */
export function findMarkdownEntryType(context: LoaderContext): ContentEntryType | { reason: string } {
  const { entryTypes } = context as ContextWithEntryTypes;
  if (!(entryTypes instanceof Map)) return { reason: 'Astro passes the loader no entry types' };
  const markdown = entryTypes.get('.md');
  if (typeof markdown?.getRenderFunction !== 'function')
    return { reason: "Astro's .md entry type has no getRenderFunction" };
  return markdown;
}

export function withMarkdownThreads(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const threads = getBuildSession()?.markdownThreads;
      if (!threads) return loader.load(context);
      const markdown = findMarkdownEntryType(context);
      if ('reason' in markdown) {
        context.logger.warn(`Rendering Markdown on Astro's thread: ${markdown.reason} (the Markdown threads need it).`);
        return loader.load(context);
      }
      const inline = markdown.getRenderFunction!.bind(markdown);
      const threaded: ContentEntryType = {
        ...markdown,
        getRenderFunction: (config) => threads.getRenderFunction(config, () => inline(config)),
      };
      const { entryTypes } = context as ContextWithEntryTypes;
      return loader.load({ ...context, entryTypes: new Map(entryTypes).set('.md', threaded) } as ContextWithEntryTypes);
    },
  };
}
