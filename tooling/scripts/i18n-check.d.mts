export const LOCALE_ROOTS: string[];
export function flatten(
  object: object,
  prefix?: string,
  out?: Record<string, unknown>,
): Record<string, unknown>;
export function pluralParts(key: string): { base: string; category?: string };
export function pluralCategories(locale: string): string[];
export function checkLocale(root: string, locale: string): string[];
