/**
 * The one way the repositories write a JSON column (review frameworks, edits and assessments; boards' localized texts,
 * targets, criteria, scores and agendas): the value serialised as PostgreSQL's json/jsonb input.
 */
export function toJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}
