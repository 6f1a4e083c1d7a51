/**
 * Worker thread body for markdown-threads.ts: builds the processor Astro's Markdown entry type
 * builds (astro/dist/vite-plugin-markdown/content-entry-type.js) from the options it is given and
 * answers each entry with the same HTML and metadata.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { REMARK_PLUGINS_BY_NAME } from './markdown-config.ts';
import type { MarkdownRenderReply, MarkdownRenderRequest, MarkdownThreadOptions } from './markdown-threads.ts';

const port = parentPort!;
const { options } = workerData as { options: MarkdownThreadOptions };

// A failure here (an unknown plugin, say) stops the thread; its entries are then rendered on Astro's thread.
const processor = await createMarkdownProcessor({
  ...options.processor,
  remarkPlugins: options.remarkPlugins.map((plugin) => {
    if (typeof plugin === 'string') return plugin;
    const fn = REMARK_PLUGINS_BY_NAME[plugin.name];
    if (!fn) throw new Error(`No remark plugin named ${plugin.name} on the Markdown thread.`);
    return [fn, plugin.options] as [never, unknown];
  }),
});

port.on('message', (request: MarkdownRenderRequest) => {
  const reply = (message: MarkdownRenderReply) => port.postMessage(message);
  processor
    .render(request.body, {
      frontmatter: request.frontmatter,
      // @ts-expect-error Internal API, as Astro passes it: the file's URL, for relative links and images.
      fileURL: request.filePath ? pathToFileURL(request.filePath) : undefined,
    })
    .then(
      (result) =>
        reply({
          id: request.id,
          rendered: {
            html: result.code,
            metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) },
          },
        }),
      (err: unknown) => reply({ id: request.id, error: err instanceof Error ? err.message : String(err) }),
    );
});
