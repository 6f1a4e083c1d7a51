/** Every answer the endpoint gives: a small JSON error shape, no-store, nothing internal. */
import { ErrorCodes, HelpCenterError, type ErrorCode } from '../../../lib/errors.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues: string[] };
}

const BASE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/** `{ "error": { "code", "message", "issues" } }` with the given status. */
export function createErrorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  options: { issues?: string[]; headers?: Record<string, string> } = {},
): Response {
  const body: ErrorBody = { error: { code, message, issues: options.issues ?? [] } };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...options.headers },
  });
}

/** The one answer to anything unexpected; what went wrong goes to the log, never to the client. */
export function createInternalErrorResponse(): Response {
  return createErrorResponse(
    500,
    ErrorCodes.InternalError,
    'Something went wrong on our side; the vote was not saved. Please try again later.',
  );
}

/** The log fields of a failure: its message, and its code when it is one of ours. */
export function describeFailure(err: unknown): { message: string; code: ErrorCode | undefined } {
  return {
    message: err instanceof Error ? err.message : String(err),
    code: err instanceof HelpCenterError ? err.code : undefined,
  };
}

export function createJsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

export function createRedirectResponse(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { ...BASE_HEADERS, location, ...headers } });
}

export function createTextResponse(
  status: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, { status, headers: { ...BASE_HEADERS, 'content-type': contentType, ...headers } });
}
