import { describe, expect, it } from 'vitest';
import { getConfiguredOrigins, parseFeedbackEnv } from './config.ts';

describe('parseFeedbackEnv', () => {
  it('fills in the documented defaults', () => {
    expect(parseFeedbackEnv({})).toEqual({
      FEEDBACK_PORT: 8787,
      FEEDBACK_HOST: '127.0.0.1',
      FEEDBACK_DB: 'data/feedback.db',
      FEEDBACK_STORE_URL: undefined,
      FEEDBACK_PG_SCHEMA: 'feedback',
      FEEDBACK_SQLITE_SYNCHRONOUS: 'FULL',
      FEEDBACK_MANIFEST: 'dist/feedback-manifest.json',
      FEEDBACK_ALLOWED_ORIGINS: undefined,
      FEEDBACK_ALLOW_MISSING_ORIGIN: false,
      FEEDBACK_ADMIN_TOKEN: undefined,
      FEEDBACK_SECRET: undefined,
      FEEDBACK_SECRET_FILE: undefined,
      FEEDBACK_COMMENT_RETENTION_DAYS: 365,
      FEEDBACK_SEARCH_RETENTION_DAYS: 90,
      FEEDBACK_TRUST_PROXY: false,
      FEEDBACK_DROP_BOTS: true,
      FEEDBACK_RATE_LIMIT: { limit: 30, windowMs: 60_000 },
      FEEDBACK_RATE_LIMIT_GLOBAL: { limit: 2000, windowMs: 10_000 },
      FEEDBACK_TURNSTILE_SECRET: undefined,
      FEEDBACK_TURNSTILE_SITEVERIFY_URL: undefined,
      FEEDBACK_BASE_PATH: undefined,
    });
  });

  it('reads proxies, flags and limits', () => {
    const env = parseFeedbackEnv({
      FEEDBACK_TRUST_PROXY: 'true',
      FEEDBACK_DROP_BOTS: 'false',
      FEEDBACK_RATE_LIMIT: 'off',
      FEEDBACK_RATE_LIMIT_GLOBAL: '100/1s',
      FEEDBACK_STORE_URL: 'postgres://u@db/help',
    });
    expect(env.FEEDBACK_TRUST_PROXY).toEqual({ header: 'x-forwarded-for', hops: 1 });
    expect(env.FEEDBACK_DROP_BOTS).toBe(false);
    expect(env.FEEDBACK_RATE_LIMIT).toBe(false);
    expect(env.FEEDBACK_RATE_LIMIT_GLOBAL).toEqual({ limit: 100, windowMs: 1000 });
    expect(parseFeedbackEnv({ FEEDBACK_TRUST_PROXY: '2' }).FEEDBACK_TRUST_PROXY).toEqual({
      header: 'x-forwarded-for',
      hops: 2,
    });
    expect(parseFeedbackEnv({ FEEDBACK_TRUST_PROXY: 'CF-Connecting-IP' }).FEEDBACK_TRUST_PROXY).toEqual({
      header: 'cf-connecting-ip',
    });
  });

  it('lists every bad variable with what to do', () => {
    expect(() =>
      parseFeedbackEnv({
        FEEDBACK_PORT: 'eighty',
        FEEDBACK_STORE_URL: 'mysql://x',
        FEEDBACK_ADMIN_TOKEN: 'short',
        FEEDBACK_DROP_BOTS: 'maybe',
        FEEDBACK_RATE_LIMIT: '30 per minute',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidFeedbackConfig: the feedback endpoint settings are invalid:
        FEEDBACK_PORT: must be a port number like 8787
        FEEDBACK_STORE_URL: must be a postgres:// URL (leave it unset to use SQLite via FEEDBACK_DB)
        FEEDBACK_ADMIN_TOKEN: must be at least 16 characters; generate one with: openssl rand -hex 24
        FEEDBACK_DROP_BOTS: must be true or false
        FEEDBACK_RATE_LIMIT: must look like "30/60s" (requests per seconds) or "off"]
    `);
  });
});

describe('getConfiguredOrigins', () => {
  it('allows the local preview origins only when unset and bound to loopback', () => {
    expect(getConfiguredOrigins(parseFeedbackEnv({}), '127.0.0.1')).toEqual([
      'http://127.0.0.1:4321',
      'http://localhost:4321',
    ]);
    expect(getConfiguredOrigins(parseFeedbackEnv({}), '0.0.0.0')).toEqual([]);
    expect(getConfiguredOrigins(parseFeedbackEnv({}), undefined)).toEqual([]);
    expect(
      getConfiguredOrigins(
        parseFeedbackEnv({ FEEDBACK_ALLOWED_ORIGINS: 'https://a.example, https://b.example' }),
        '127.0.0.1',
      ),
    ).toEqual(['https://a.example', 'https://b.example']);
  });
});
