/**
 * The error catalogue. Problems in the content (frontmatter, links, settings files) are findings
 * with a rule id from RULES (src/tools/lint/rules.ts); everything else a writer or operator can
 * get (build, endpoint, CLI) carries one of these codes. docs/errors.md lists both, and a test
 * keeps every code used and documented.
 */
import type { core } from 'zod';

/** One issue of a failed parse, as zod reports it. */
export type ZodIssue = core.$ZodIssue;

/** Codes are permanent and PascalCase; messages say what happened and what to do, never "Error:". */
export const ErrorCodes = {
  // Build and integration (astro build, astro dev).
  /** helpCenter() options do not match their schema. */
  InvalidIntegrationOptions: 'InvalidIntegrationOptions',
  /** The project has no src/content.config.ts that registers the help center's collections. */
  MissingContentConfig: 'MissingContentConfig',
  /** The project's src/content.config.ts could not be loaded to read its frontmatter schemas. */
  InvalidContentConfig: 'InvalidContentConfig',
  /** Pagefind could not start, index a record or write the search index. */
  PagefindFailed: 'PagefindFailed',
  // Feedback endpoint (HTTP answers; the status is in parentheses).
  /** (400) The vote body failed validation; `issues` lists each field. */
  InvalidFeedback: 'InvalidFeedback',
  /** (400, 431) The HTTP parser rejected the request (bad framing, method, version or headers too large). */
  MalformedRequest: 'MalformedRequest',
  /** (408) The request did not arrive completely within the server's time limit; send it again. */
  RequestTimeout: 'RequestTimeout',
  /** (413) The body is over the endpoint's size limit. */
  FeedbackTooLarge: 'FeedbackTooLarge',
  /** (415) The Content-Type is not JSON, text/plain or a form, or the body has a Content-Encoding. */
  UnsupportedMediaType: 'UnsupportedMediaType',
  /** (405) The route exists but not for this method. */
  MethodNotAllowed: 'MethodNotAllowed',
  /** (403) The Origin (or Referer) is not in the endpoint's allow-list. */
  OriginNotAllowed: 'OriginNotAllowed',
  /** (429) Too many requests from this client or in total. */
  RateLimited: 'RateLimited',
  /** (202, in the body) A comment was dropped because its Turnstile token failed; the vote was kept. */
  ChallengeFailed: 'ChallengeFailed',
  /** (401) An admin route was called without the right bearer token. */
  Unauthorized: 'Unauthorized',
  /** (404) No such route. */
  NotFound: 'NotFound',
  /** (500) Anything unexpected; the details are only in the server log. */
  InternalError: 'InternalError',
  /** (503) The store does not answer. */
  StoreUnavailable: 'StoreUnavailable',
  /** (502) No contact channel (webhook, email provider) accepted the widget's contact message; nothing was kept. */
  ContactDeliveryFailed: 'ContactDeliveryFailed',
  /** (503) A serverless deployment (Workers, Netlify, Vercel) has no FEEDBACK_SECRET, so it stores nothing. */
  MissingFeedbackSecret: 'MissingFeedbackSecret',
  // Feedback operator errors (start-up, CLI).
  /** The feedback manifest (feedback-manifest.json from the build) is missing or malformed. */
  InvalidFeedbackManifest: 'InvalidFeedbackManifest',
  /** An environment variable or option of the endpoint is missing or malformed. */
  InvalidFeedbackConfig: 'InvalidFeedbackConfig',
  /** The store could not be opened, migrated or read. */
  FeedbackStoreFailed: 'FeedbackStoreFailed',
  // Import (helpdesk-kit import).
  /** A value of the export (locale, slug, id, file or ZIP entry name) cannot be a path inside --out: the item is left out. */
  ImportValueRefused: 'ImportValueRefused',
  /** A file the import planned would land outside --out or public/images/imported/: nothing was written there. */
  ImportPathOutside: 'ImportPathOutside',
  /** The export ZIP has more entries or unpacks to more bytes than the import accepts. */
  ImportArchiveTooLarge: 'ImportArchiveTooLarge',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** An error a writer or operator can act on: a code, a message, and where it happened. */
export class HelpCenterError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = code;
    this.code = code;
    this.hint = hint;
  }
}

/** The path of a zod issue as writers see it: `contact.phone.hours`, `tags[2]`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** The type of a value in zod's words (`string`, `array`, `null`, ...). */
function typeOfInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (input instanceof Date) return 'date';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

/**
 * What a value was, for an issue: from its `input` when the parse reported it (`reportInput`),
 * else from zod's own "..., received <type>" message (an absent field is never reported).
 */
function receivedType(issue: ZodIssue): string | undefined {
  if ('input' in issue && issue.input !== undefined) return typeOfInput(issue.input);
  return /, received (\w+)$/.exec(issue.message)?.[1] ?? ('input' in issue ? 'undefined' : undefined);
}

/**
 * What went wrong in one zod issue, in words: expected vs received where zod knows them. Zod 4
 * reports the value an issue is about only when asked (`safeParse(data, { reportInput: true })`);
 * the enum case names the value received only then.
 */
export function describeIssue(issue: ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const expected = issue.expected === 'int' ? 'integer' : issue.expected;
    const received = receivedType(issue);
    if (received === 'undefined') return `is required (expected ${expected})`;
    if (received !== undefined)
      return `expected ${expected}, received ${expected === 'integer' && received === 'number' ? 'float' : received}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((o) => JSON.stringify(o)).join(', ');
    const expected = issue.values.length === 1 ? `expected ${values}` : `expected one of ${values}`;
    return 'input' in issue ? `${expected}, received ${JSON.stringify(issue.input)}` : expected;
  }
  return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
}

/** The one helper that turns zod issues into `field.path: message` lines. */
export function formatZodIssues(issues: readonly ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = formatIssuePath(issue.path);
    return path ? `${path}: ${describeIssue(issue)}` : describeIssue(issue);
  });
}

/**
 * A zod `error` option for a value of the wrong type only (zod 3's `invalid_type_error`): an
 * absent value keeps zod's own issue, which describeIssue words as "is required".
 */
export function wrongTypeError(message: string) {
  return (issue: { input?: unknown }): string | undefined => (issue.input === undefined ? undefined : message);
}
