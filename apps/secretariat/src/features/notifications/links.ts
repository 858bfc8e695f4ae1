const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Public pages of things the Secretariat also runs, and the page of this app that manages each. */
const MANAGED: readonly [RegExp, (id: string) => string][] = [
  [new RegExp(`^/consultations/(${UUID})$`, 'i'), (id) => `/consultations/${id}`],
  [new RegExp(`^/boards/(${UUID})$`, 'i'), (id) => `/boards/${id}`],
  [new RegExp(`^/review/(${UUID})$`, 'i'), (id) => `/review/cycles/${id}`],
];

/**
 * A notification links to a page of the public app. For a round, board or review cycle the Secretariat followed from
 * its own page, it opens that page here instead (a path of this app, under its basename); anything else `null`: the
 * public page, with a full page load.
 */
export function secretariatPathOf(link: string): string | null {
  for (const [pattern, path] of MANAGED) {
    const match = pattern.exec(link);
    if (match) return path(match[1]!);
  }
  return null;
}
