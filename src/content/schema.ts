/**
 * The content model: one set of zod schemas shared by the Astro site (src/content.config.ts),
 * the build checks and every CLI tool. Pure TypeScript: never import `astro:*` here.
 */
import { z } from 'zod';
import { wrongTypeError } from '../lib/errors.ts';
import { ISO_DAY_FORMAT, isIsoDay } from '../lib/iso-day.ts';
import { RESERVED_SEGMENTS } from './routes.ts';
import { findClosest } from '../lib/did-you-mean.ts';
import { ICON_CHOICES, isIconName } from './icon-names.ts';

/** A slug as it appears in a URL: lowercase letters, digits and single hyphens. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and hyphens, like "reset-password"');


/**
 * How strongly search favours a page among the first results (src/search/section-rank.ts): its
 * score is multiplied by it. 1 is normal; 0.5 for developer or reference pages that share words
 * with the customer pages; 2 for the page that should win a tie. docs/search.md#search-weight.
 */
export const SearchWeightSchema = z
  .number({ error: wrongTypeError('must be a number from 0 to 10, like 0.5 or 2') })
  .min(0, 'must be from 0 to 10: 1 is normal, 0.5 halves the score, 2 doubles it')
  .max(10, 'must be from 0 to 10: 1 is normal, 0.5 halves the score, 2 doubles it');

/** A calendar date written as YYYY-MM-DD (YAML dates are accepted too). */
const DateSchema = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: wrongTypeError('expected a date like 2026-01-31') })
    .regex(ISO_DAY_FORMAT, 'expected a date like 2026-01-31')
    .refine((s) => isIsoDay(s), 'is not a real calendar date'),
);

/** An old URL path of a moved article, such as `/billing/old-name/`. */
const RedirectPathSchema = z
  .string()
  .regex(/^\/[^\s?#]*$/, 'must be a site path starting with "/", without query or fragment, like "/billing/old-name/"');

/** A content revision: the short hash of a source's body (src/content/revision.ts). */
export const RevisionSchema = z
  .string({ error: wrongTypeError('must be a revision in quotes, like "3f9a0c12de" (YAML reads some unquoted ones as numbers)') })
  .regex(/^[0-9a-f]{10}$/, 'must be a revision of ten hex digits, as `helpdesk-kit stale` shows it, like "3f9a0c12de"');

/** Translation freshness (docs/languages.md): on a translation, and on a source after a minor edit. */
const RevisionFields = {
  /** On a translation: the revision of the source it was translated from (filled by `helpdesk-kit new --translate` and `lint --fix`). */
  sourceRevision: RevisionSchema.optional(),
  /** On a source: its body is a minor edit of this revision, so translations made from that revision stay fresh. */
  minorRevisionOf: RevisionSchema.optional(),
};
/** A product path pattern such as `/settings/billing*`: starts with "/", `*` is the only wildcard. */
export const AppRoutePatternSchema = z
  .string()
  .max(300, 'must be at most 300 characters')
  .regex(/^\/[^\s?#]*$/, 'must be a product path starting with "/", without query or fragment, like "/settings/billing*"');

export const ArticleFrontmatterSchema = z
  .object({
    /** The article's title: the page heading and the search result title. */
    title: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    /** One or two sentences shown under search results and in search engines. */
    description: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
    /** Words that group related articles; shared tags make articles "related". */
    tags: z.array(z.string().trim().min(1)).default([]),
    /** Position within the category: lower comes first; ties sort by title. */
    order: z.number().int().optional(),
    /** Show on the home page among the featured articles. */
    featured: z.boolean().default(false),
    /** Visible in `npm run dev`, never in a production build. */
    draft: z.boolean().default(false),
    /** Who answers for this article (a name, team or handle). */
    owner: z.string().trim().min(1).optional(),
    /** The date by which the article must be reviewed again. */
    reviewBy: DateSchema.optional(),
    /** Ids (file names without extension) of related articles, shown first under "Related articles". */
    related: z.array(SlugSchema).default([]),
    /** Last updated date; overrides the date from git history. */
    updated: DateSchema.optional(),
    /** Old paths of this article; the build emits redirects from them. */
    redirectFrom: z.array(RedirectPathSchema).default([]),
    ...RevisionFields,
    /**
     * Pages of the product this article helps with, as path patterns (`*` matches any run of
     * characters): the in-product widget opens with this article on them, e.g. `/settings/billing*`.
     */
    appRoutes: z.array(AppRoutePatternSchema).default([]),
    /**
     * Built and reachable by its URL, but left out of navigation, category lists, search, related
     * lists, previous/next and the sitemap, and marked noindex: for pages linked only from the
     * product or a ticket reply.
     */
    unlisted: z.boolean().default(false),
    /** Search weight of this article: overrides its section's and category's (SearchWeightSchema). */
    searchWeight: SearchWeightSchema.optional(),
  })
  .strict();
export type ArticleFrontmatter = z.infer<typeof ArticleFrontmatterSchema>;

export const FaqFrontmatterSchema = z
  .object({
    /** The question, as a customer would ask it. The Markdown body is the answer. */
    question: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    /** Position within the category's FAQs: lower comes first. */
    order: z.number().int().optional(),
    /** Words that group related content. */
    tags: z.array(z.string().trim().min(1)).default([]),
    /** Ids of related articles, linked under the answer. */
    related: z.array(SlugSchema).default([]),
    /** Visible in `npm run dev`, never in a production build. */
    draft: z.boolean().default(false),
    ...RevisionFields,
    /** Search weight of this question: overrides its section's and category's (SearchWeightSchema). */
    searchWeight: SearchWeightSchema.optional(),
  })
  .strict();
export type FaqFrontmatter = z.infer<typeof FaqFrontmatterSchema>;

/** How readers reach a human. Every field is optional; only the ones set are shown. */
export const ContactSchema = z
  .object({
    /** Support email address. */
    email: z.email('must be an email address like help@example.com').optional(),
    /** URL of the live chat. */
    chatUrl: z.url('must be a full URL like https://example.com/chat').optional(),
    /** Phone number and the hours it is answered. */
    phone: z
      .object({
        /** The number as readers dial it, e.g. "+1 555 0100". */
        number: z.string().min(3),
        /** When the phone is answered, e.g. "Mon–Fri 9:00–17:00 CET". */
        hours: z.string().min(1),
      })
      .strict()
      .optional(),
    /** URL of the support ticket form. */
    ticketUrl: z.url('must be a full URL like https://example.com/tickets/new').optional(),
  })
  .strict();
export type Contact = z.infer<typeof ContactSchema>;

/** A section of a category: the second folder level, content/articles/<category>/<section>/<slug>.md. */
export const SectionSchema = z
  .object({
    /** The section id: also its folder name under the category's folder. Not part of any article URL. */
    id: SlugSchema,
    /** The section's name as readers see it: a heading on the category page and a breadcrumb. */
    title: z.string().trim().min(1, 'must not be empty'),
    /** One sentence shown under the section heading on the category page. */
    description: z.string().trim().min(1, 'must not be empty').optional(),
    /** Position on the category page: lower comes first; ties keep the order of the list. */
    order: z.number().int().optional(),
    /** Search weight of the section's articles and FAQs, unless one sets its own; default the category's. */
    searchWeight: SearchWeightSchema.optional(),
  })
  .strict();
export type Section = z.infer<typeof SectionSchema>;

export const CategorySchema = z
  .object({
    /** The category id: also the folder name under content/articles/ and content/faqs/. */
    id: SlugSchema.refine((id) => !(RESERVED_SEGMENTS as readonly string[]).includes(id), {
      message: `is reserved for a built-in page; choose another id than ${RESERVED_SEGMENTS.join(', ')}`,
    }),
    /** The category's name as readers see it. */
    title: z.string().trim().min(1),
    /** One sentence shown on the home page card and the category page. */
    description: z.string().trim().min(1),
    /** An icon name from the built-in set (docs/customizing.md), e.g. "rocket", "credit-card", "truck". */
    icon: z
      .string()
      .trim()
      .min(1)
      .default('book')
      .superRefine((name, ctx) => {
        if (isIconName(name)) return;
        const near = findClosest(name, ICON_CHOICES);
        ctx.addIssue({
          code: 'custom',
          message: `is not an icon of the built-in set${near ? `; did you mean "${near}"?` : ''} The set: ${ICON_CHOICES.join(', ')}`,
        });
      }),
    /** Position on the home page: lower comes first. */
    order: z.number().int().default(0),
    /** Contact channels for this category, replacing the site's ones field by field. */
    contact: ContactSchema.optional(),
    /** Search weight of the category's articles and FAQs (SearchWeightSchema), unless a section or page sets its own; default 1. */
    searchWeight: SearchWeightSchema.optional(),
    /** Optional sections (subfolders of the category's folder), listed in this order on the category page. */
    sections: z
      .array(SectionSchema)
      .default([])
      .superRefine((sections, ctx) => {
        const seen = new Set<string>();
        sections.forEach((s, i) => {
          if (seen.has(s.id))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'id'],
              message: `duplicate section id "${s.id}" in this category; give each section its own id`,
            });
          seen.add(s.id);
        });
      }),
  })
  .strict();
export type Category = z.infer<typeof CategorySchema>;

export const CategoriesFileSchema = z
  .array(CategorySchema)
  .min(1, 'must list at least one category')
  .superRefine((cats, ctx) => {
    const seen = new Set<string>();
    cats.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate category id "${c.id}"` });
      seen.add(c.id);
    });
  });

/** A BCP 47 language tag such as "en", "de" or "pt-BR". */
export const LanguageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like "en" or "pt-BR"');

/** One more language of the help center: its content is in content/<code>/, its pages under /<code>/. */
export const LocaleSchema = z
  .object({
    /** The language tag, also the folder under content/ and the URL prefix: "de", "ja", "pt-BR". */
    code: LanguageTagSchema.refine((code) => !(RESERVED_SEGMENTS as readonly string[]).includes(code), {
      message: `is reserved for a built-in page; choose another code than ${RESERVED_SEGMENTS.join(', ')}`,
    }),
    /** The language's name in the language itself, for the language switcher ("Deutsch"); default from the code. */
    label: z.string().trim().min(1).optional(),
    /** Writing direction; default from the code ("rtl" for Arabic, Hebrew, Persian, Urdu, ...). */
    dir: z.enum(['ltr', 'rtl']).optional(),
  })
  .strict();
export type LocaleSetting = z.infer<typeof LocaleSchema>;

/** content/<locale>/categories.yaml: a category's title and description in that language (optional, per category). */
export const CategoryTranslationSchema = z
  .object({
    /** The id of a category in content/categories.yaml. */
    id: SlugSchema,
    /** The category's name in this language. */
    title: z.string().trim().min(1),
    /** Its description in this language. */
    description: z.string().trim().min(1).optional(),
    /** Its sections' titles and descriptions in this language, by section id. */
    sections: z
      .array(
        z
          .object({
            id: SlugSchema,
            title: z.string().trim().min(1),
            description: z.string().trim().min(1).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export const CategoryTranslationsFileSchema = z.array(CategoryTranslationSchema).default([]);
export type CategoryTranslation = z.infer<typeof CategoryTranslationSchema>;

/** Severity override for one lint rule in site settings. */
const RuleSettingSchema = z.enum(['error', 'warning', 'off']);

export const SiteSettingsSchema = z
  .object({
    /** The help center's name, shown in the header and page titles. */
    name: z.string().trim().min(1),
    /** The production URL, used for canonical links, the sitemap and the feedback origin allow-list. */
    url: z.url('must be a full URL like https://help.example.com'),
    /** Path prefix when the site is not served from the domain root, e.g. "/help". */
    base: z
      .string()
      .regex(/^\/(?:[a-z0-9._~-]+\/?)*$/i, 'must start with "/", like "/" or "/help"')
      .default('/'),
    /** Logo image path under public/, e.g. "/logo.svg". */
    logo: z.string().optional(),
    /** Brand colour as a hex value, e.g. "#4f46e5". */
    brandColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a six-digit hex colour like "#4f46e5"')
      .default('#4f46e5'),
    /** The content language as a BCP 47 tag, e.g. "en" or "de-CH". */
    language: LanguageTagSchema.default('en'),
    /** The other languages of the help center; `language` is the default one. */
    locales: z.array(LocaleSchema).default([]),
    /** `true` puts the default language under its own prefix too (`/en/...`); by default it has none. */
    defaultLocalePrefix: z.boolean().default(false),
    /** A page not translated into a language: `fallback` shows the default language's page with a notice, `omit` leaves it out. */
    missingTranslation: z.enum(['fallback', 'omit']).default('fallback'),
    /** How readers reach a human. */
    contact: ContactSchema.prefault({}),
    /** The "Was this helpful?" endpoint, e.g. https://feedback.example.com/feedback. Omit to hide the widget. */
    feedbackEndpoint: z.url('must be a full URL like https://feedback.example.com/feedback').optional(),
    /** Repository URL for "Edit this page" links, e.g. https://github.com/acme/help/edit/main. */
    editUrl: z.url('must be a full URL like https://github.com/acme/help/edit/main').optional(),
    /** Report searches (query, result count, result opened) to the feedback endpoint. Off by default. */
    searchInsights: z.boolean().default(false),
    /** The in-product widget (`/widget.js`). */
    widget: z
      .object({
        /**
         * Origins of the product pages that embed the widget, e.g. "https://app.example.com": the
         * build's CORS headers let only these read the search index and articles across origins.
         */
        origins: z
          .array(
            z
              .string()
              .regex(/^https?:\/\/[^/\s?#]+$/, 'must be an origin like "https://app.example.com" (no path or trailing slash)'),
          )
          .default([]),
        /**
         * A short contact form in the widget: the reader's message, with the searches and
         * articles of the visit they see and agree to send, goes through the feedback endpoint
         * (`feedbackEndpoint`) to the team's webhook or email set on the endpoint, never here.
         */
        contactForm: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    /** Writer tooling settings. */
    lint: z
      .object({
        /** Require an `owner` on every article. */
        requireOwner: z.boolean().default(false),
        /** Link domains allowed in articles besides the site's own. */
        allowedDomains: z.array(z.string()).default([]),
        /** Per-rule severity: "error", "warning" or "off". */
        rules: z.record(z.string(), RuleSettingSchema).default({}),
        /** Articles unchanged for longer than this many days are stale. */
        staleAfterDays: z.number().int().positive().default(365),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((site, ctx) => {
    const seen = new Set([site.language.toLowerCase()]);
    site.locales.forEach((locale, i) => {
      const code = locale.code.toLowerCase();
      if (seen.has(code)) {
        const what = code === site.language.toLowerCase() ? 'is the default language (`language`)' : 'is listed twice';
        ctx.addIssue({ code: 'custom', path: ['locales', i, 'code'], message: `"${locale.code}" ${what}` });
      }
      seen.add(code);
    });
  });
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
