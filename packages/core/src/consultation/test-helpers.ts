import type { z } from 'zod';

/** Flattens a failed parse into `path → translation keys`, the shape the API returns as field errors. */
export function fieldErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    (out[path] ??= []).push(issue.message);
  }
  return out;
}
