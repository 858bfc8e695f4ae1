/**
 * Round deadlines are entered in the secretariat user's own time zone with `<input type="datetime-local">` and sent as
 * ISO 8601 with that zone's offset, so "17:00" can never silently mean the server's (UTC) 17:00.
 */

/** The browser's IANA time zone ("Asia/Jakarta"). */
export function userTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "2026-11-23T17:00" (local wall time) → "2026-11-23T17:00:00+07:00"; '' or unparsable → undefined. */
export function localToIso(value: string | null | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const wall = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00`;
  return `${wall}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** An instant → the "YYYY-MM-DDTHH:mm" a datetime-local input shows, in the browser's zone. */
export function isoToLocal(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The UTC equivalent of a local wall time, e.g. "23 Nov 2026, 10:00 UTC"; '' when the value is incomplete. */
export function utcEquivalent(value: string | null | undefined, locale: string): string {
  const iso = localToIso(value);
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
}
