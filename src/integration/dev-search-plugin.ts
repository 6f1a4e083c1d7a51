/**
 * Serves the dev server's search index (build/search-index/dev-index.ts) at `<base>pagefind/`, where the
 * built site has it, before Vite and Astro's pages look at the request. A request after a change of
 * the content waits for the index to be built again; the others are one lookup in memory. The
 * index closes with the dev server.
 */
import type { Plugin } from 'vite';
import type { DevSearchIndex } from '../build/search-index/dev-index.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export function createDevSearchPlugin(index: DevSearchIndex, base: string): Plugin {
  // Astro's dev server takes the base off the URL before later middleware sees it.
  const prefixes = [`${base.endsWith('/') ? base : `${base}/`}pagefind/`, '/pagefind/'];
  return {
    name: 'helpdesk-kit:dev-search',
    apply: 'serve',
    configureServer(server) {
      server.httpServer?.once('close', () => void index.close());
      server.middlewares.use((req, res, next) => {
        const pathname = (req.url ?? '').split('?')[0]!;
        const prefix = prefixes.find((p) => pathname.startsWith(p));
        if (!prefix) return next();
        const file = decodeURIComponent(pathname.slice(prefix.length));
        index.getFile(file).then((content) => {
          if (!content) return next();
          const extension = /\.[a-z]+$/.exec(file)?.[0] ?? '';
          res.setHeader('Content-Type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
          // The index changes with every edit; the page loads it fresh.
          res.setHeader('Cache-Control', 'no-cache');
          res.end(content);
        }, next);
      });
    },
  };
}
