import type { FieldErrors, FieldValues, ResolverError, ResolverResult } from 'react-hook-form';

/**
 * A react-hook-form resolver result from the few checks these small forms make before sending (the API checks them
 * again and its field errors show the same way).
 */
export function resolved<T extends FieldValues>(
  values: T,
  errors: Record<string, string>,
): ResolverResult<T> {
  if (Object.keys(errors).length === 0) return { values, errors: {} };
  return refused(errors);
}

/** The resolver result for a form whose checks failed: one message per field. */
export function refused<T extends FieldValues>(errors: Record<string, string>): ResolverError<T> {
  return {
    values: {},
    errors: Object.fromEntries(
      Object.entries(errors).map(([k, message]) => [k, { type: 'validate', message }]),
    ) as FieldErrors<T>,
  };
}

export const list = <T extends string>(v: T[] | T | false | undefined): T[] =>
  Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];
