// @ts-check
/**
 * Worker thread body for markdown-threads.ts: builds the processor Astro's Markdown entry type
 * builds (astro/dist/vite-plugin-markdown/content-entry-type.js) from the options it is given and
 * answers each entry with the same HTML and metadata.
 *
 * Plain JavaScript, so that Node loads Astro's Markdown processor (a few hundred modules) itself:
 * through tsx's hooks each thread started measurably later (docs/performance.md). From the compiled package (dist/)
 * our remark plugins are JavaScript beside this file and load natively; only from the TypeScript
 * source (the tests) do they come through tsx, a development dependency.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
/** @type {import('./markdown-threads.ts').MarkdownThreadOptions} */
const options = workerData.options;
/** @type {typeof import('../../content/markdown-config.ts')} */
const { REMARK_PLUGINS_BY_NAME, REHYPE_PLUGINS_BY_NAME } = await importMarkdownConfig();

/** Our remark and rehype plugins: the compiled module when there is one (the package), else the source through tsx. */
async function importMarkdownConfig() {
  const compiled = new URL('../../content/markdown-config.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return import(compiled.href);
  const { tsImport } = await import('tsx/esm/api');
  return tsImport('../../content/markdown-config.ts', import.meta.url);
}

// A failure here (an unknown plugin, say) stops the thread; its entries are then rendered on Astro's thread.
const processor = await createMarkdownProcessor({
  ...options.processor,
  remarkPlugins: options.remarkPlugins.map((plugin) => loadPlugin('remark', plugin, REMARK_PLUGINS_BY_NAME)),
  rehypePlugins: options.rehypePlugins.map((plugin) => loadPlugin('rehype', plugin, REHYPE_PLUGINS_BY_NAME)),
});

/**
 * @param {string} kind
 * @param {import('./markdown-threads.ts').ThreadPlugin} plugin
 * @param {Readonly<Record<string, unknown>>} ours
 */
function loadPlugin(kind, plugin, ours) {
  if (typeof plugin === 'string') return plugin;
  const fn = ours[plugin.name];
  if (!fn) throw new Error(`No ${kind} plugin named ${plugin.name} on the Markdown thread.`);
  return /** @type {[any, unknown]} */ ([fn, plugin.options]);
}

/** @param {import('./markdown-threads.ts').MarkdownRenderReply} message */
const reply = (message) => port.postMessage(message);

port.on('message', (/** @type {import('./markdown-threads.ts').MarkdownRenderRequest} */ request) => {
  processor
    .render(request.body, {
      frontmatter: request.frontmatter,
      // As Astro passes it: the file's URL, for relative links and images.
      fileURL: request.filePath ? pathToFileURL(request.filePath) : undefined,
    })
    .then(
      (result) =>
        reply({
          id: request.id,
          rendered: {
            html: result.code,
            metadata: {
              ...result.metadata,
              imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths),
            },
          },
        }),
      (err) => reply({ id: request.id, error: err instanceof Error ? err.message : String(err) }),
    );
});
