import { TRPCError } from '@trpc/server';

/**
 * Messages are translation keys (the apps translate them). Field errors use the same shape as zod failures, so a
 * form shows a server-side "e-mail already taken" exactly where it shows "not an e-mail address".
 */
export class FieldError extends TRPCError {
  readonly fieldErrors: Record<string, string[]>;
  constructor(code: 'BAD_REQUEST' | 'CONFLICT', fieldErrors: Record<string, string[]>) {
    super({ code, message: 'validation.failed' });
    this.fieldErrors = fieldErrors;
  }
}

export class ThrottledError extends TRPCError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super({ code: 'TOO_MANY_REQUESTS', message: 'auth.throttled' });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const notFound = (what = 'errors.notFound') => new TRPCError({ code: 'NOT_FOUND', message: what });
export const forbidden = (why = 'errors.forbidden') => new TRPCError({ code: 'FORBIDDEN', message: why });
