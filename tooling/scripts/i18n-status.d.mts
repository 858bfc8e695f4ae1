export const SCOPES: Record<string, string>;
export const STATUS_DIR: string;
export function sourceHash(text: string): string;
export function expectedKeys(english: Record<string, unknown>, locale: string): Record<string, string>;
export function locales(): string[];
export function computeStatus(
  locale: string,
  previous?: Record<string, { source: string; status: string }>,
): {
  status: Record<string, { source: string; status: string }>;
  summary: { keys: number; translated: number; reviewed: number };
};
