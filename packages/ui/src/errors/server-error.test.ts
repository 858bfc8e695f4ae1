import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { applyServerError, errorKey, isNetworkError, mapServerError } from './server-error';

/** What httpBatchLink produces when the API answers with an error. */
function apiError(message: string, data: Record<string, unknown> = {}) {
  return TRPCClientError.from({
    error: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, ...data } },
  });
}

describe('mapServerError', () => {
  it('uses the API message as a translation key', () => {
    const mapped = mapServerError(
      apiError('auth.invalidCredentials', { code: 'UNAUTHORIZED', httpStatus: 401 }),
    );
    expect(mapped).toEqual({ message: { key: 'auth.invalidCredentials' }, fieldErrors: [], network: false });
    expect(errorKey(apiError('auth.linkUsed'))).toBe('auth.linkUsed');
  });

  it('returns zod field errors, first message per path, and drops an uninformative summary message', () => {
    const mapped = mapServerError(
      apiError('Bad request', {
        fieldErrors: {
          email: ['validation.email', 'validation.tooLong'],
          'address.line1': ['validation.required'],
        },
      }),
    );
    expect(mapped.message).toBeNull();
    expect(mapped.fieldErrors).toEqual([
      { path: 'email', key: 'validation.email' },
      { path: 'address.line1', key: 'validation.required' },
    ]);
  });

  it('replaces a field message that is not a key with a generic one', () => {
    const mapped = mapServerError(apiError('x', { fieldErrors: { password: ['Too big: expected <=256'] } }));
    expect(mapped.fieldErrors).toEqual([{ path: 'password', key: 'validation.invalid' }]);
  });

  it('keeps a key message alongside field errors', () => {
    const mapped = mapServerError(
      apiError('auth.linkExpired', { fieldErrors: { token: ['validation.linkInvalid'] } }),
    );
    expect(mapped.message).toEqual({ key: 'auth.linkExpired' });
    expect(mapped.fieldErrors).toHaveLength(1);
  });

  it('turns throttling into "try again in N minutes", rounding up', () => {
    const mapped = mapServerError(
      apiError('auth.throttled', { code: 'TOO_MANY_REQUESTS', httpStatus: 429, retryAfterSeconds: 61 }),
    );
    expect(mapped.message).toEqual({ key: 'auth.throttledMinutes', params: { count: 2 } });
    const short = mapServerError(
      apiError('auth.throttled', { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 5 }),
    );
    expect(short.message).toEqual({ key: 'auth.throttledMinutes', params: { count: 1 } });
    const unknown = mapServerError(apiError('auth.throttled', { code: 'TOO_MANY_REQUESTS' }));
    expect(unknown.message).toEqual({ key: 'auth.throttled' });
  });

  it('falls back by HTTP status when the message is not a known key', () => {
    const exists = (key: string) => key !== 'auth.somethingNew';
    expect(mapServerError(apiError('auth.somethingNew', { httpStatus: 403 }), exists).message).toEqual({
      key: 'errors.forbidden',
    });
    expect(mapServerError(apiError('Internal server error', { httpStatus: 500 })).message).toEqual({
      key: 'errors.internal',
    });
    expect(mapServerError(apiError('UNAUTHORIZED', { httpStatus: 401 })).message).toEqual({
      key: 'errors.unauthorized',
    });
  });

  it('recognises network failures', () => {
    const offline = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(isNetworkError(offline)).toBe(true);
    expect(mapServerError(offline)).toEqual({
      message: { key: 'errors.network' },
      fieldErrors: [],
      network: true,
    });
    expect(isNetworkError(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(true);
    expect(isNetworkError(apiError('errors.internal'))).toBe(false);
  });

  it('treats a non-JSON answer (proxy error page) as the service being unavailable', () => {
    const html = TRPCClientError.from(new SyntaxError('Unexpected token \'<\', "<html>" is not valid JSON'));
    expect(mapServerError(html).message).toEqual({ key: 'errors.unavailable' });
  });
});

describe('applyServerError', () => {
  it('calls setError for each field and returns the summary', () => {
    const setError = vi.fn();
    const mapped = applyServerError(
      apiError('errors.badRequest', { fieldErrors: { memberState: ['validation.memberStateRequired'] } }),
      setError,
    );
    expect(setError).toHaveBeenCalledWith('memberState', {
      type: 'server',
      message: 'validation.memberStateRequired',
    });
    expect(mapped.message).toEqual({ key: 'errors.badRequest' });
  });

  it('sets nothing for a plain message', () => {
    const setError = vi.fn();
    applyServerError(apiError('auth.invalidCredentials'), setError);
    expect(setError).not.toHaveBeenCalled();
  });
});

describe('the API error formatter contract', () => {
  it('drops "validation.failed" above zod field errors', () => {
    const mapped = mapServerError(
      apiError('validation.failed', { fieldErrors: { email: ['validation.emailTaken'] } }),
    );
    expect(mapped.message).toBeNull();
    expect(mapped.fieldErrors).toEqual([{ path: 'email', key: 'validation.emailTaken' }]);
  });
});
