/**
 * The frontmatter schemas of a project's collections. A team may extend ours in its own
 * src/content.config.ts (docs/customizing.md); the build's content check and `helpdesk-kit lint`
 * run outside Astro's content layer, so they read that file here and validate with what it
 * defines. The file imports `astro:content`, which only exists inside Astro: it is loaded
 * through Vite's module runner with `astro:content` standing in as plain zod, and our own
 * `helpdesk-kit/collections` as the built-in schemas. A file that only re-exports our
 * collections (what `init` writes) is not loaded at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z, type ZodType } from 'zod';
import { BUILT_IN_SCHEMAS, type FrontmatterSchemas } from './load.ts';

export const CONTENT_CONFIG_FILES = [
  'content.config.ts',
  'content.config.mts',
  'content.config.js',
  'content.config.mjs',
];

/** `export { collections } from 'helpdesk-kit/collections';` and comments, nothing else. */
const REEXPORT_ONLY =
  /^\s*export\s*\{\s*collections\s*\}\s*from\s*['"]helpdesk-kit\/collections['"]\s*;?\s*$/;

/** Stand-ins for the modules that only exist inside Astro, beside this file (`.mjs` in src/ and dist/). */
const SHIMS: Record<string, string> = {
  'astro:content': fileURLToPath(new URL('./content-config-shims/astro-content.mjs', import.meta.url)),
  'helpdesk-kit/collections': fileURLToPath(new URL('./content-config-shims/collections.mjs', import.meta.url)),
};

const SHIMMED_IMPORT = /(['"])(astro:content|helpdesk-kit\/collections)\1/g;

export class ProjectSchemaError extends Error {}

/** The content config file of an Astro source folder, if there is one. */
export function findContentConfig(srcDir: string): string | undefined {
  return CONTENT_CONFIG_FILES.map((file) => path.join(srcDir, file)).find((file) => existsSync(file));
}

/**
 * The article and FAQ schemas `srcDir`'s content config gives its `articles` and `faqs`
 * collections; the built-in ones when there is no such file or it only re-exports ours.
 */
export async function loadProjectSchemas(root: string, srcDir: string): Promise<FrontmatterSchemas> {
  const file = findContentConfig(srcDir);
  if (!file) return BUILT_IN_SCHEMAS;
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  if (REEXPORT_ONLY.test(text)) return BUILT_IN_SCHEMAS;

  const shown = path.relative(root, file).split(path.sep).join('/');
  let collections: Record<string, { schema?: unknown }> | undefined;
  try {
    const { runnerImport } = await import('vite');
    const { module } = await runnerImport<{ collections?: typeof collections }>(file, {
      root,
      logLevel: 'silent',
      plugins: [
        {
          name: 'helpdesk-kit:content-config-shims',
          enforce: 'pre',
          // The runner leaves bare imports to Node, so they are pointed at the stand-ins in the source.
          transform: (code, id) =>
            id.includes('/node_modules/') ? undefined : code.replace(SHIMMED_IMPORT, (_, q: string, name: string) => `${q}${SHIMS[name]!.split(path.sep).join('/')}${q}`),
        },
      ],
    });
    collections = module.collections;
  } catch (error) {
    throw new ProjectSchemaError(
      `${shown} could not be loaded to read its frontmatter schemas: ${(error as Error).message}`,
    );
  }
  // An extension of our schemas parses to a superset of our frontmatter types.
  return {
    article: (getSchema(collections, 'articles', shown) as FrontmatterSchemas['article'] | undefined) ?? BUILT_IN_SCHEMAS.article,
    faq: (getSchema(collections, 'faqs', shown) as FrontmatterSchemas['faq'] | undefined) ?? BUILT_IN_SCHEMAS.faq,
  };
}

function getSchema(
  collections: Record<string, { schema?: unknown }> | undefined,
  name: string,
  shown: string,
): ZodType<unknown> | undefined {
  let schema = collections?.[name]?.schema;
  // Astro also takes `schema: ({ image }) => z.object(...)`; to our checks an image is its path.
  if (typeof schema === 'function') schema = (schema as (context: unknown) => unknown)({ image: () => z.string() });
  if (schema === undefined) return undefined;
  if (!schema || typeof (schema as ZodType).safeParse !== 'function') {
    throw new ProjectSchemaError(`${shown}: collections.${name}.schema is not a zod schema`);
  }
  return schema as ZodType<unknown>;
}
