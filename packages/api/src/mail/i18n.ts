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

/** `t` for one recipient's language. */
export function mailTranslator(locale: string | null | undefined): TFunction<'mail'> {
  return instance.getFixedT(mailLocale(locale), 'mail');
}

/** One formatter per language and zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as the recipient reads it: their language's date and time, in the given zone, with the zone named. */
export function formatMoment(at: Date, locale: string | null | undefined, timeZone = 'UTC'): string {
  // ASEAN English writes the day first (4 March 2026); a 24-hour clock reads the same in every language.
  const language = mailLocale(locale);
  const key = `${language} ${timeZone}`;
  let format = momentFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
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
    // Time zones come from rounds and events: a few dozen at most, but never an unbounded cache.
    if (momentFormats.size > 500) momentFormats.clear();
    momentFormats.set(key, format);
  }
  return format.format(at);
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
