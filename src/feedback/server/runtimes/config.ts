/**
 * Endpoint settings from environment variables (or Worker bindings), validated in one place.
 * Only the runtime entries call this, with their own env object; the app never reads env.
 */
import { z } from 'zod';
import { ErrorCodes, HelpCenterError, formatZodIssues } from '../../../lib/errors.ts';
import type { TrustProxy } from '../http/client-address.ts';
import type { RateLimitRule } from '../rate-limit.ts';
import { ContactEnvShape } from '../routes/contact-channel.ts';

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];
const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx): boolean => {
      const value = (v ?? '').trim().toLowerCase();
      if (value === '') return fallback;
      if (TRUE.includes(value)) return true;
      if (FALSE.includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: 'must be true or false' });
      return z.NEVER;
    });

const rateRule = (fallback: RateLimitRule) =>
  z
    .string()
    .optional()
    .transform((v, ctx): RateLimitRule | false => {
      if (v === undefined || v === '') return fallback;
      if (v === 'off' || v === '0') return false;
      const m = /^(\d+)\/(\d+)s$/.exec(v.trim());
      if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
        ctx.addIssue({ code: 'custom', message: 'must look like "30/60s" (requests per seconds) or "off"' });
        return z.NEVER;
      }
      return { limit: Number(m[1]), windowMs: Number(m[2]) * 1000 };
    });

const days = (fallback: number) =>
  z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number of days, like 90')
    .optional()
    .transform((v) => (v ? Number(v) : fallback))
    .pipe(z.number().int().min(1, 'must be at least 1 day'));

export const FeedbackEnvSchema = z.object({
  /** Port of the Node server; 0 picks a free one. */
  FEEDBACK_PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number like 8787')
    .optional()
    .transform((v) => (v ? Number(v) : 8787)),
  /** Address the Node server binds to; keep 127.0.0.1 behind a reverse proxy. */
  FEEDBACK_HOST: z.string().min(1).optional().default('127.0.0.1'),
  /** SQLite file (the default store). */
  FEEDBACK_DB: z.string().min(1).optional().default('data/feedback.db'),
  /** postgres://user:pass@host:5432/db selects the Postgres store instead of SQLite. */
  FEEDBACK_STORE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//i, 'must be a postgres:// URL (leave it unset to use SQLite via FEEDBACK_DB)')
    .optional(),
  /** Postgres schema holding the tables. */
  FEEDBACK_PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be lowercase letters, digits and underscores')
    .optional()
    .default('feedback'),
  /** SQLite durability: FULL (survives power loss, the default) or NORMAL (survives a process crash). */
  FEEDBACK_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).optional().default('FULL'),
  /** The manifest the build wrote: a file path or an http(s) URL. */
  FEEDBACK_MANIFEST: z.string().min(1).optional().default('dist/feedback-manifest.json'),
  /**
   * The build's assistant-data.json for /mcp: a file path, or "off". Default: the file beside
   * FEEDBACK_MANIFEST when that is a file (on Workers: /assistant-data.json from the ASSETS binding).
   */
  FEEDBACK_ASSISTANT_DATA: z.string().min(1).optional(),
  /** Comma-separated extra origins allowed to post, e.g. "https://preview.example.com". */
  FEEDBACK_ALLOWED_ORIGINS: z.string().optional(),
  /** Accept POSTs without Origin and Referer (curl, server-side callers). */
  FEEDBACK_ALLOW_MISSING_ORIGIN: flag(false),
  /** Bearer token for /feedback/summary and /feedback/export.csv; unset = both answer 404. */
  FEEDBACK_ADMIN_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters; generate one with: openssl rand -hex 24')
    .optional(),
  /** Server-side secret mixed into visitor hashes (and, on Workers, the source of daily salts). */
  FEEDBACK_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters; generate one with: openssl rand -hex 32')
    .optional(),
  /** Node server only: where the secret is kept when FEEDBACK_SECRET is unset (created on first start, mode 0600). */
  FEEDBACK_SECRET_FILE: z.string().min(1).optional(),
  /** Days a vote's comment is kept before it is erased (the vote stays). */
  FEEDBACK_COMMENT_RETENTION_DAYS: days(365),
  /** Days a search event is kept before it is deleted. */
  FEEDBACK_SEARCH_RETENTION_DAYS: days(90),
  /** "false" (default: the socket address), "true" (one proxy: right-most X-Forwarded-For), a hop count, or a header name. */
  FEEDBACK_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v): TrustProxy => {
      const value = (v ?? '').trim().toLowerCase();
      if (value === '' || value === 'false' || value === '0') return false;
      if (value === 'true') return { header: 'x-forwarded-for', hops: 1 };
      if (/^\d+$/.test(value)) return { header: 'x-forwarded-for', hops: Number(value) };
      return { header: value };
    }),
  /** Drop bots and headless browsers silently (set false for browser e2e tests). */
  FEEDBACK_DROP_BOTS: flag(true),
  /** Per-client limit, "<requests>/<seconds>s" or "off". */
  FEEDBACK_RATE_LIMIT: rateRule({ limit: 30, windowMs: 60_000 }),
  /** Limit over all clients, "<requests>/<seconds>s" or "off". */
  FEEDBACK_RATE_LIMIT_GLOBAL: rateRule({ limit: 2000, windowMs: 10_000 }),
  /** Cloudflare Turnstile secret; when set, votes with a comment need a token. */
  FEEDBACK_TURNSTILE_SECRET: z.string().min(1).optional(),
  /** Override of Turnstile's siteverify URL (tests, proxies). */
  FEEDBACK_TURNSTILE_SITEVERIFY_URL: z.url().optional(),
  /** Mount path when the platform routes e.g. /api/feedback to this function ("/api"). */
  FEEDBACK_BASE_PATH: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~-]+)*\/?$/, 'must be a path like "/api"')
    .optional(),
  /** The widget's contact form: the team's webhook and/or email (routes/contact-channel.ts). */
  ...ContactEnvShape,
});
export type FeedbackEnv = z.infer<typeof FeedbackEnvSchema>;

/** Parse env; throws InvalidFeedbackConfig listing each bad variable. */
export function parseFeedbackEnv(env: Record<string, string | undefined>): FeedbackEnv {
  const picked = Object.fromEntries(
    Object.keys(FeedbackEnvSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = FeedbackEnvSchema.safeParse(picked, { reportInput: true });
  if (result.success) return result.data;
  throw new HelpCenterError(
    ErrorCodes.InvalidFeedbackConfig,
    `the feedback endpoint settings are invalid:\n  ${formatZodIssues(result.error.issues).join('\n  ')}`,
  );
}

/** Origins of the sample site's `npm run preview`, allowed by default on a loopback-only server. */
export const LOCAL_PREVIEW_ORIGINS = ['http://127.0.0.1:4321', 'http://localhost:4321'];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** FEEDBACK_ALLOWED_ORIGINS as a list; when unset and the server is loopback-only, the preview origins. */
export function getConfiguredOrigins(env: FeedbackEnv, host?: string): string[] {
  if (env.FEEDBACK_ALLOWED_ORIGINS !== undefined) {
    return env.FEEDBACK_ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return host && (LOOPBACK.has(host) || host.startsWith('127.')) ? [...LOCAL_PREVIEW_ORIGINS] : [];
}
