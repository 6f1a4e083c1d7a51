/**
 * The feedback manifest: which ids the endpoint accepts. The build writes
 * `dist/feedback-manifest.json` with `buildFeedbackManifest`; the endpoint loads it with
 * `loadFeedbackManifest` (file) or `parseFeedbackManifest` (text fetched elsewhere).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ErrorCodes, HelpCenterError, formatZodIssues, wrongTypeError } from '../lib/errors.ts';

/** An item id as the widget sends it: "article:<slug>" or "faq:<slug>". */
export const FeedbackItemIdSchema = z
  .string({ error: wrongTypeError('expected a string like "article:reset-password"') })
  .max(200, 'must be 200 characters or fewer')
  .regex(
    /^(article|faq):[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must look like "article:reset-password" or "faq:why-charged-twice"',
  );

/** A git commit (7 to 64 hex digits) or "unknown" when the build ran outside git. */
export const RevisionSchema = z
  .string({ error: wrongTypeError('expected a string') })
  .regex(/^(?:[0-9a-f]{7,64}|unknown)$/, 'must be a git commit (7 to 64 lowercase hex digits) or "unknown"');

export const FeedbackManifestItemSchema = z
  .object({
    /** The id votes carry: "article:<slug>" or "faq:<slug>" (see getFeedbackId). */
    id: FeedbackItemIdSchema,
    /** Whether the id names an article or a FAQ; must match the id's prefix. */
    kind: z.enum(['article', 'faq']),
    /** The title (articles) or question (FAQs) as readers see it. */
    title: z.string().trim().min(1, 'must not be empty').max(300, 'must be 300 characters or fewer'),
    /** The category id the item is filed under (absent in manifests from older builds). */
    category: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a category id like "billing"')
      .optional(),
    /** The section id within the category, when the item is in a section; not part of its path. */
    section: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a section id like "cards"')
      .optional(),
    /** The site path where the item is shown, e.g. "/account/reset-password/" or "/faq/#why-charged-twice". */
    path: z
      .string()
      .regex(/^\/(?!\/)[^\s\\]*$/, 'must be a site path starting with one "/", like "/account/reset-password/"'),
  })
  .strict()
  .refine((item) => item.id.startsWith(`${item.kind}:`), {
    message: 'the id prefix must match kind ("article:..." for articles, "faq:..." for FAQs)',
    path: ['id'],
  });
export type FeedbackManifestItem = z.infer<typeof FeedbackManifestItemSchema>;

export const FeedbackManifestSchema = z
  .object({
    /** Format version of this file; only 1 exists. */
    version: z.literal(1),
    /** The git commit the site was built from, or "unknown". */
    revision: RevisionSchema,
    /** The production URL of the site; its origin is always allowed to post votes. */
    siteUrl: z.url('must be a full URL like https://help.example.com'),
    /** Every article and FAQ that shows the widget. */
    items: z.array(FeedbackManifestItemSchema),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.items.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  });
export type FeedbackManifest = z.infer<typeof FeedbackManifestSchema>;

/** What the build hands to `buildFeedbackManifest`. */
export interface FeedbackManifestInput {
  revision: string | undefined;
  siteUrl: string;
  items: ReadonlyArray<FeedbackManifestItem>;
}

/**
 * The manifest the build writes to `dist/feedback-manifest.json`. Pure: validates, sorts items by
 * id so the file is stable between builds, and throws an InvalidFeedbackManifest error listing
 * every problem.
 */
export function buildFeedbackManifest(input: FeedbackManifestInput): FeedbackManifest {
  const candidate = {
    version: 1 as const,
    revision: input.revision ?? 'unknown',
    siteUrl: input.siteUrl,
    items: [...input.items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  return parseManifestValue(candidate, 'the feedback manifest built from content/');
}

/** Parse manifest JSON text; `source` (a file path or URL) goes into the error message. */
export function parseFeedbackManifest(text: string, source: string): FeedbackManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackManifest,
      `${source} is not valid JSON; rebuild the site (npm run build) to write it again`,
    );
  }
  return parseManifestValue(value, source);
}

/** Read and validate a manifest file written by the build. */
export function loadFeedbackManifest(file: string): FeedbackManifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackManifest,
      // The folder looked in is the build's (the Astro outDir the CLI resolved, or FEEDBACK_MANIFEST's), not always dist/.
      `the feedback manifest ${file} ${reason}; looked in ${path.dirname(file)}: run "npm run build" first to write it there, or set FEEDBACK_MANIFEST to the feedback-manifest.json of the built site`,
    );
  }
  return parseFeedbackManifest(text, file);
}

function parseManifestValue(value: unknown, source: string): FeedbackManifest {
  const result = FeedbackManifestSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new HelpCenterError(
    ErrorCodes.InvalidFeedbackManifest,
    `${source} is not a valid feedback manifest:\n  ${formatZodIssues(result.error.issues).join('\n  ')}`,
    'The build writes it with buildFeedbackManifest(); rebuild the site rather than editing the file.',
  );
}

/** The origin ("https://help.example.com") of the manifest's site URL. */
export const getSiteOrigin = (manifest: FeedbackManifest) => new URL(manifest.siteUrl).origin;
