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

/** A lost database connection is the operator's problem, not a bug: answer 503 with a message the apps can show. */
export function isDatabaseUnavailable(cause: unknown): boolean {
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (
    typeof code === 'string' &&
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08003',
      '08006',
      '08001',
      '53300',
    ].includes(code)
  ) {
    return true;
  }
  // node-postgres reports a pool that cannot connect in time, or a connection the server dropped, by message only.
  const message = cause instanceof Error ? cause.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|connection terminated unexpectedly|Client has encountered a connection error/i.test(
    message,
  );
}

export const unavailable = (cause: unknown) =>
  new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'errors.unavailable', cause });

/**
 * The database refused a value the client sent: text PostgreSQL cannot store (a NUL character, `\u0000` in JSON),
 * a value out of a column's range, a string too large for an index entry. Found by tooling/reliability's hostile-input
 * suite, where these surfaced as internal errors. They are the client's mistake and are answered 400, not 500.
 */
export function isRefusedValue(cause: unknown): boolean {
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(22[0-9A-Z]{3}|54000)$/.test(code);
}

export const refusedValue = (cause: unknown) =>
  new TRPCError({ code: 'BAD_REQUEST', message: 'validation.invalid', cause });
