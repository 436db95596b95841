/** Turns any thrown error into the JSON error shape, without stack traces or SQL. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorCode } from '../../core/errors.ts';
import type { Logger } from '../../app/logger.ts';
import type { AppEnv } from './env.ts';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
};

/** An error the HTTP layer raises itself, with its own status and code. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The JSON response for `error`; unexpected errors are logged and answered with a plain 500. */
export function errorResponse(c: Context<AppEnv>, error: unknown, logger: Logger): Response {
  if (error instanceof DomainError) {
    const conversationId = c.req.param('conversationId');
    const userId = c.get('auth')?.user.id;
    if ((error.code === 'not_found' || error.code === 'forbidden') && conversationId && userId) {
      // As the real-time channel does: who, which conversation, what and when; never any content.
      logger.warn(
        {
          userId,
          conversationId,
          action: `${c.req.method} ${c.req.routePath}`,
          at: new Date().toISOString(),
        },
        'http: refused access to a conversation',
      );
    }
    if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
    return c.json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        },
      },
      STATUS[error.code],
    );
  }
  if (error instanceof HttpError) {
    return c.json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        },
      },
      error.status,
    );
  }
  // The route's pattern, not the path: a path may hold a token (an invitation link's, say).
  logger.error(
    { err: error, requestId: c.get('requestId'), route: `${c.req.method} ${c.req.routePath}` },
    'unexpected error',
  );
  return c.json(
    { error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } },
    500,
  );
}
