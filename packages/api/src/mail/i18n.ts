import { LANGUAGES, type LanguageCode } from '@musyawarah/core';
import i18next, { type TFunction } from 'i18next';
import { mailResources } from './locales';

/**
 * E-mail is written on the server from the same kind of translation resources as the apps (mail.json per language,
 * reviewed like the rest; see tooling/scripts/i18n-status.mjs), in the recipient's language. Every language is loaded
 * at start: the files are small and a mail must never wait for, or fail on, a download.
 */
const instance = i18next.createInstance();
void instance.init({
  resources: mailResources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  load: 'languageOnly',
  ns: ['mail'],
  defaultNS: 'mail',
  keySeparator: '.',
  nsSeparator: false,
  // Mail is plain text: nothing to escape, and user text is made one plain line before it is interpolated.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

/** A language the platform speaks, or English: accounts hold a code, visitors' pages send one. */
export function mailLocale(code: string | null | undefined): LanguageCode {
  return (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as LanguageCode) : 'en';
}

/**
 * i18next resolves a key afresh on every call (language hierarchy, lookup, interpolation, nesting): 25–70 µs, and a
 * receipt mail, composed inside every submission, makes four such calls (~0.2 ms of CPU, bench/README.md). A sentence
 * with plain `{{value}}` placeholders comes out the same for any values (nothing escaped, values never re-read), so it
 * is asked of i18next once per language, key and set of option names, with markers for the values, and then filled in.
 * Anything else (a count, a context, non-string values, i18next's own options) goes to i18next every time.
 */
const I18NEXT_OPTIONS = new Set([
  'lng',
  'lngs',
  'ns',
  'count',
  'ordinal',
  'context',
  'defaultValue',
  'keyPrefix',
  'postProcess',
  'fallbackLng',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'interpolation',
  'skipInterpolation',
  'nsSeparator',
  'keySeparator',
  'lngIfNotSupported',
  'ignoreJSONStructure',
]);
const MARK = '\u0000';
/** Per language, key and option names: the sentence split at its values (odd entries name the option), or null. */
const sentences = new Map<string, string[] | null>();

function fillable(options: Record<string, unknown>): boolean {
  for (const name in options) {
    const value = options[name];
    if (typeof value !== 'string' || value.includes(MARK) || I18NEXT_OPTIONS.has(name) || name.includes(MARK))
      return false;
  }
  return true;
}

function sentence(t: TFunction<'mail'>, language: string, key: string, names: string[]): string[] | null {
  const cacheKey = `${language}${MARK}${key}${MARK}${names.join(',')}`;
  let parts = sentences.get(cacheKey);
  if (parts !== undefined) return parts;
  const marked: Record<string, string> = {};
  for (const name of names) marked[name] = `${MARK}${name}${MARK}`;
  const text: unknown = (t as (key: string, options: object) => unknown)(key, marked);
  parts = typeof text === 'string' ? text.split(MARK) : null;
  // Each value must come back whole, as a marker pair around its own name, or the sentence is not a plain fill-in.
  if (parts && (parts.length % 2 === 0 || parts.some((part, i) => i % 2 === 1 && !names.includes(part))))
    parts = null;
  // Keys come from the code (a few hundred with the Member States), but never an unbounded cache.
  if (sentences.size > 5_000) sentences.clear();
  sentences.set(cacheKey, parts);
  return parts;
}

/** `t` for one recipient's language. */
export function mailTranslator(locale: string | null | undefined): TFunction<'mail'> {
  const language = mailLocale(locale);
  const t = instance.getFixedT(language, 'mail');
  const i18nextT = t as unknown as (...args: unknown[]) => unknown;
  const fast = (...args: unknown[]) => {
    const [key, options] = args;
    if (
      args.length > 2 ||
      typeof key !== 'string' ||
      (options !== undefined && (typeof options !== 'object' || options === null))
    )
      return i18nextT(...args);
    const values = (options ?? {}) as Record<string, unknown>;
    if (!fillable(values)) return i18nextT(...args);
    const parts = sentence(t, language, key, Object.keys(values).sort());
    if (!parts) return i18nextT(...args);
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) text += (values[parts[i]!] as string) + parts[i + 1]!;
    return text;
  };
  return fast as unknown as TFunction<'mail'>;
}

/** One formatter per language and zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const momentFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * The last second each formatter wrote, and how: in a closing rush hundreds of receipts a second carry the same
 * moment to the minute, and formatting it again each time was a few per cent of a submission's CPU (bench/README.md).
 * Kept per second, not per minute, so that a zone whose offset is not whole minutes still reads exactly.
 */
const lastSecondWritten = new Map<string, { second: number; text: string }>();

/**
 * The formatter of a moment in mail. ASEAN English writes the day first (4 March 2026); a 24-hour clock reads the same
 * in every language.
 */
export function momentFormat(language: string, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  });
}

/** A moment as the recipient reads it: their language's date and time, in the given zone, with the zone named. */
export function formatMoment(at: Date, locale: string | null | undefined, timeZone = 'UTC'): string {
  const language = mailLocale(locale);
  const key = `${language} ${timeZone}`;
  let format = momentFormats.get(key);
  if (!format) {
    format = momentFormat(language, timeZone);
    // Time zones come from rounds and events: a few dozen at most, but never an unbounded cache.
    if (momentFormats.size > 500) {
      momentFormats.clear();
      lastSecondWritten.clear();
    }
    momentFormats.set(key, format);
  }
  const second = Math.floor(at.getTime() / 1000);
  const last = lastSecondWritten.get(key);
  if (last?.second === second) return last.text;
  const text = format.format(at);
  lastSecondWritten.set(key, { second, text });
  return text;
}

/**
 * The language a request speaks: the app's X-Musyawarah-Locale header (the page's language), else the first language
 * of Accept-Language the platform speaks (`th-TH,th;q=0.9` → th; `tl` → fil; `in` → id), else null.
 */
export function requestLocale(
  header: string | string[] | undefined,
  acceptLanguage: string | undefined,
): LanguageCode | null {
  const aliases: Record<string, LanguageCode> = { tl: 'fil', in: 'id', zsm: 'ms', cmn: 'zh' };
  const match = (tag: string): LanguageCode | null => {
    const base = tag.trim().toLowerCase().split(/[-_;]/)[0] ?? '';
    if ((LANGUAGES as readonly string[]).includes(base)) return base as LanguageCode;
    return aliases[base] ?? null;
  };
  const explicit = typeof header === 'string' ? match(header) : null;
  if (explicit) return explicit;
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 20)) {
    const found = match(part);
    if (found) return found;
  }
  return null;
}
