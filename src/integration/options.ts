/** The options of `helpCenter({ ... })` in a project's astro.config.mjs, validated once. */
import { z } from 'zod';
import { COMPONENT_NAMES, type ComponentName } from './components.ts';
import { DEFAULT_CONTENT_DIR } from '../content/paths.ts';

const ComponentPathSchema = z
  .string()
  .endsWith('.astro', 'must be the path of an .astro file, relative to the project root');

export const HelpCenterOptionsSchema = z
  .object({
    /** The content folder (site.yaml, categories.yaml, articles/, faqs/), relative to the project root. */
    contentDir: z.string().min(1).default(DEFAULT_CONTENT_DIR),
    /** Our layout components replaced by the project's own `.astro` files: `{ SiteFooter: './src/Footer.astro' }`. */
    components: z
      .object(
        Object.fromEntries(COMPONENT_NAMES.map((name) => [name, ComponentPathSchema.optional()])) as Record<
          ComponentName,
          z.ZodOptional<typeof ComponentPathSchema>
        >,
      )
      .strict()
      .prefault({}),
    /** The project's own stylesheets, loaded after ours on every page: `['./src/brand.css']`. */
    customCss: z.array(z.string().min(1)).default([]),
    /** Replaces site.yaml's feedbackEndpoint: a URL, or `false` for no "Was this helpful?" widget. */
    feedbackEndpoint: z.union([z.url(), z.literal(false)]).optional(),
    /** Replaces site.yaml's searchInsights. */
    searchInsights: z.boolean().optional(),
    /** Replaces site.yaml's widget.origins: the product origins that may embed the in-product widget. */
    widgetOrigins: z
      .array(z.string().regex(/^https?:\/\/[^/\s?#]+$/, 'must be an origin like "https://app.example.com"'))
      .optional(),
    /**
     * Deprecated, no effect: the Markdown worker threads went with the move to Sätteri. Accepted,
     * with a warning, so a config that still sets it builds.
     */
    markdownThreads: z.number().int().min(0).max(16).optional(),
  })
  .strict();

export type HelpCenterUserOptions = z.input<typeof HelpCenterOptionsSchema>;
export type HelpCenterOptions = z.output<typeof HelpCenterOptionsSchema>;
