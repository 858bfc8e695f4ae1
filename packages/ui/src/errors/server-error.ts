import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';

/** A message to show: a translation key plus interpolation values (e.g. `{ count }` for plurals). */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export interface MappedServerError {
  /** Shown at the top of the error summary; null when the field errors say it all. */
  message: Message | null;
  /** Zod field errors from `error.data.fieldErrors`, one entry per path (first message wins). */
  fieldErrors: { path: string; key: string }[];
  /** True for failures where the request never got a JSON answer (offline, DNS, proxy error page). */
  network: boolean;
}

/** A translation key as the API emits them: `namespace.key` with letters, digits and underscores. */
const KEY_PATTERN = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

export const NETWORK_ERROR: Message = { key: 'errors.network' };
export const UNAVAILABLE_ERROR: Message = { key: 'errors.unavailable' };
export const INTERNAL_ERROR: Message = { key: 'errors.internal' };

interface ErrorData {
  code?: unknown;
  httpStatus?: unknown;
  fieldErrors?: unknown;
  retryAfterSeconds?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `error.data` of a TRPCClientError (duck-typed so the helper also accepts plain objects in tests). */
function dataOf(error: unknown): ErrorData | undefined {
  if (!isRecord(error)) return undefined;
  if (isRecord(error.data)) return error.data;
  if (isRecord(error.shape) && isRecord(error.shape.data)) return error.shape.data;
  return undefined;
}

function messageOf(error: unknown): string {
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return '';
}

/**
 * The request did not reach the API, or the answer was not the API's (a proxy's HTML error page, a cut connection).
 * fetch() rejects with a TypeError ("Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed").
 */
export function isNetworkError(error: unknown): boolean {
  if (!isRecord(error)) return false;
  if (dataOf(error)) return false;
  if (error.name === 'AbortError') return false;
  const cause = isRecord(error.cause) ? error.cause : undefined;
  if (error instanceof TypeError || (cause && cause instanceof TypeError)) return true;
  return /failed to fetch|networkerror|load failed|network request failed/i.test(messageOf(error));
}

function fieldErrorsOf(data: ErrorData | undefined): { path: string; key: string }[] {
  if (!data || !isRecord(data.fieldErrors)) return [];
  const out: { path: string; key: string }[] = [];
  for (const [path, messages] of Object.entries(data.fieldErrors)) {
    const first = Array.isArray(messages) ? messages.find((m) => typeof m === 'string') : undefined;
    if (!first) continue;
    out.push({ path, key: KEY_PATTERN.test(first) ? first : 'validation.invalid' });
  }
  return out;
}

function statusFallback(data: ErrorData): Message {
  const status = typeof data.httpStatus === 'number' ? data.httpStatus : 500;
  if (status === 401) return { key: 'errors.unauthorized' };
  if (status === 403) return { key: 'errors.forbidden' };
  if (status === 404) return { key: 'errors.notFound' };
  if (status === 429) return { key: 'auth.throttled' };
  if (status === 400) return { key: 'errors.badRequest' };
  if (status === 503 || status === 502 || status === 504) return UNAVAILABLE_ERROR;
  return INTERNAL_ERROR;
}

/**
 * Turns anything a tRPC call can throw into what a form shows: a summary message and per-field keys.
 * - API errors carry a translation key as `message` (`auth.invalidCredentials`) and zod errors in `data.fieldErrors`.
 * - Throttling adds `data.retryAfterSeconds`; the message becomes "Try again in N minutes" (`auth.throttledMinutes`).
 * - Anything without tRPC data is a network failure or a broken proxy.
 * @param exists optional check that a key has a translation; unknown keys fall back to a generic message.
 */
export function mapServerError(error: unknown, exists?: (key: string) => boolean): MappedServerError {
  const data = dataOf(error);
  if (!data) {
    if (isNetworkError(error)) return { message: NETWORK_ERROR, fieldErrors: [], network: true };
    // A response that was not the API's JSON (e.g. an HTML 502 page from a proxy): the service is unavailable.
    return { message: UNAVAILABLE_ERROR, fieldErrors: [], network: true };
  }
  const fieldErrors = fieldErrorsOf(data);
  const raw = messageOf(error);
  const known = KEY_PATTERN.test(raw) && (!exists || exists(raw));

  let message: Message | null;
  if (fieldErrors.length > 0 && (raw === 'validation.failed' || !known)) {
    message = null; // "There is a problem" plus the list of fields says it all.
  } else if (known) {
    message = { key: raw };
  } else {
    message = statusFallback(data);
  }

  if (message && (message.key === 'auth.throttled' || data.code === 'TOO_MANY_REQUESTS')) {
    const seconds = typeof data.retryAfterSeconds === 'number' ? data.retryAfterSeconds : undefined;
    message =
      seconds !== undefined && seconds > 0
        ? { key: 'auth.throttledMinutes', params: { count: Math.max(1, Math.ceil(seconds / 60)) } }
        : { key: 'auth.throttled' };
  }
  return { message, fieldErrors, network: false };
}

/**
 * Applies a tRPC error to a react-hook-form form: each field error becomes `setError(path, { type: 'server' })` with the
 * translation key as message (the field and the error summary translate it), and the summary message is returned.
 * Field errors for paths the form does not have are kept: they still show in the summary.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  exists?: (key: string) => boolean,
): MappedServerError {
  const mapped = mapServerError(error, exists);
  for (const { path, key } of mapped.fieldErrors) {
    setError(path as FieldPath<T>, { type: 'server', message: key });
  }
  return mapped;
}

/** The message key of a tRPC error (for checks like `errorKey(e) === 'auth.emailNotConfirmed'`). */
export function errorKey(error: unknown): string | null {
  const raw = messageOf(error);
  return dataOf(error) && KEY_PATTERN.test(raw) ? raw : null;
}

/** HTTP status of a tRPC error, if the API answered. */
export function errorStatus(error: unknown): number | null {
  const data = dataOf(error);
  return data && typeof data.httpStatus === 'number' ? data.httpStatus : null;
}

/** Keys for single-use e-mail links that no longer work (expired, used, mistyped). */
export const LINK_ERROR_KEYS = ['auth.linkExpired', 'auth.linkUsed', 'auth.linkInvalid'] as const;

export function isLinkError(key: string | null | undefined): key is (typeof LINK_ERROR_KEYS)[number] {
  return !!key && (LINK_ERROR_KEYS as readonly string[]).includes(key);
}
