/**
 * Has a loader render Markdown on the build's Markdown threads (markdown-threads.ts): the `.md`
 * entry type it is given gets a render function that sends each entry to a thread. The glob loader
 * keeps ten entries in flight, so the threads render while Astro reads, validates and stores the
 * others. The integration registers the threads in `astro:config:setup` of `astro build` and stops
 * them when the content is loaded; the two meet on globalThis (build-slot.ts), like the search
 * index, so this module imports only that and types. Outside `astro build`, or for `.mdx`, the
 * loader runs unchanged.
 */
import type { ContentEntryRenderFunction, ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { createBuildSlot } from '../../lib/build-slot.ts';

/** The part of MarkdownThreads a loader needs. */
export interface MarkdownRenderer {
  getRenderFunction(config: LoaderContext['config'], inline: () => Promise<ContentEntryRenderFunction>): Promise<ContentEntryRenderFunction>;
}

const active = createBuildSlot<MarkdownRenderer>('helpdesk-kit.markdown-threads');
export const setActiveMarkdownThreads = active.set;
export const getActiveMarkdownThreads = active.get;

/** Astro passes the entry types by file extension to loaders, beside the documented context. */
type ContextWithEntryTypes = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };

export function withMarkdownThreads(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const threads = getActiveMarkdownThreads();
      const { entryTypes } = context as ContextWithEntryTypes;
      const markdown = entryTypes?.get('.md');
      if (!threads || !entryTypes || !markdown?.getRenderFunction) return loader.load(context);
      const inline = markdown.getRenderFunction.bind(markdown);
      const threaded: ContentEntryType = { ...markdown, getRenderFunction: (config) => threads.getRenderFunction(config, () => inline(config)) };
      return loader.load({ ...context, entryTypes: new Map(entryTypes).set('.md', threaded) } as ContextWithEntryTypes);
    },
  };
}
