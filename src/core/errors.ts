/** Typed domain errors: services throw these; the server maps each code to one HTTP status. */

/** What went wrong, in terms a caller can act on. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'rate_limited'
  | 'payload_too_large';

/** An expected failure with a plain message safe to show to the person, and optional per-field messages. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Seconds until retrying makes sense (rate limits). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** A single field was wrong. */
export const invalidField = (field: string, message: string): DomainError =>
  new DomainError('invalid_input', message, { [field]: message });

/** Something does not exist, or exists but the caller may not know that: both look the same. */
export const notFound = (what: string): DomainError =>
  new DomainError('not_found', `We couldn't find that ${what}.`);

export const forbidden = (message: string): DomainError => new DomainError('forbidden', message);

export const conflict = (message: string, fields?: Record<string, string>): DomainError =>
  new DomainError('conflict', message, fields);

export const unauthorized = (message = 'Please sign in to continue.'): DomainError =>
  new DomainError('unauthorized', message);
