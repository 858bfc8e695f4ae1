// Runs once, off the main thread, then ends: see intl-warmup.ts.
const now = new Date();
const locales = [...navigator.languages, 'en'];
// The formats the pages use first: a date with its time zone named (rounds), a long date (editions), a number.
new Intl.DateTimeFormat(locales, {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'long',
}).format(now);
new Intl.DateTimeFormat(locales, { dateStyle: 'long', timeZone: 'UTC' }).format(now);
new Intl.NumberFormat(locales).format(1234.5);
self.close();
