/**
 * The service's errors, as every layer raises them: a kind (what went wrong,
 * in the caller's terms), a stable machine code and a message. The HTTP layer
 * maps each kind to its status once (src/server/errors.ts); the job queue
 * reads `retryable`; the CLI prints code and message.
 */
import type { z } from 'zod';

export const ERROR_KINDS = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_media',
  'invalid',
  'rate_limited',
  'unavailable',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export class ServiceError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** whether trying the same thing again later may succeed (queues retry only these) */
    readonly retryable = kind === 'unavailable' || kind === 'rate_limited',
  ) {
    super(message);
  }
}

/** A zod validation failure as an `invalid` error listing every issue. */
export function validationError(error: z.ZodError): ServiceError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return new ServiceError('invalid', 'invalid_request', first ? `${first.path || 'body'}: ${first.message}` : 'invalid request', issues);
}
