/** The one way the review repositories write a JSON column: the value serialised as PostgreSQL's json/jsonb input. */
export function toJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}
