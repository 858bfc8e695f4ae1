import { LANGUAGE_AUTONYMS, LANGUAGES } from '@musyawarah/core/domain';
import i18next, { type i18n as I18n, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadScriptFont } from './fonts';
import { translationBackend, type TranslationLoadersModule } from './loaders';

/**
 * Keys are written `namespace.path.to.key` everywhere, including the translation keys the API and the shared zod
 * schemas emit (`validation.email`, `auth.invalidCredentials`, `errors.internal`). i18next treats the first segment as
 * the namespace when it names a loaded namespace (nsSeparator === keySeparator), so one key format serves both.
 */
export const KEY_SEPARATOR = '.';

/**
 * Languages the interface is translated into: the 13 languages of the Member States (core's LANGUAGES), English first as
 * ASEAN's working language. Only English is bundled; every other language's files load when it is chosen.
 */
export const SUPPORTED_LOCALES = LANGUAGES;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'en';

const STORAGE_KEY = 'musyawarah.locale';

/** Scripts written right-to-left (none of the ASEAN languages today, but the attribute is set correctly if one comes). */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

export function isSupportedLocale(code: string | null | undefined): code is SupportedLocale {
  return !!code && (SUPPORTED_LOCALES as readonly string[]).includes(code);
}

/** A language in its own name ("Bahasa Melayu", "ខ្មែរ"): core's list for the platform's languages, else CLDR's. */
export function languageAutonym(code: string): string {
  const fixed = (LANGUAGE_AUTONYMS as Record<string, string | undefined>)[code];
  if (fixed) return fixed;
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (!name) return code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

function currentDocumentLanguage(): string {
  return (typeof document !== 'undefined' && document.documentElement.lang) || DEFAULT_LOCALE;
}

/** A language's name in the reader's language ("Khmer" for an English reader), or undefined when unknown. */
export function languageNameIn(code: string, reader: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([reader === 'en' ? 'en-GB' : reader], {
      type: 'language',
      fallback: 'none',
    }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(reader) + name.slice(1) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The autonym with the reader's name for it beside it where that helps ("ខ្មែរ (Khmer)" for an English reader;
 * just "ខ្មែរ" for a Khmer one), for labels such as "Title in …".
 */
export function languageLabel(code: string, reader: string = currentDocumentLanguage()): string {
  const own = languageAutonym(code);
  const theirs = code === reader ? undefined : languageNameIn(code, reader);
  return theirs && theirs.toLocaleLowerCase(reader) !== own.toLocaleLowerCase(code)
    ? `${own} (${theirs})`
    : own;
}

/** Tags browsers send for our languages under another code: Tagalog for Filipino, the retired `in` for Indonesian. */
const LANGUAGE_ALIASES: Record<string, SupportedLocale> = { tl: 'fil', in: 'id', zsm: 'ms', cmn: 'zh' };

/** The supported language a BCP 47 tag asks for (`th-TH` → th, `zh-Hans-SG` → zh, `tl` → fil), if any. */
export function matchLocale(tag: string | null | undefined): SupportedLocale | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0]!;
  if (isSupportedLocale(base)) return base;
  return LANGUAGE_ALIASES[base];
}

function detectLocale(): SupportedLocale {
  if (typeof window === 'undefined') return DEFAULT_LOCALE;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isSupportedLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies); fall through to the browser's languages.
  }
  for (const tag of window.navigator.languages ?? []) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

function applyDocumentLanguage(lng: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = RTL.has(lng) ? 'rtl' : 'ltr';
  void loadScriptFont(lng);
}

/**
 * Pseudo-locale for tests (./pseudo.ts): `?pseudo=1` turns it on for this browser (remembered as 'musyawarah.pseudo'),
 * `?pseudo=0` off. Only then is the post-processor downloaded.
 */
function pseudoRequested(): boolean {
  if (typeof window === 'undefined') return false;
  try {
    const asked = new URLSearchParams(window.location.search).get('pseudo');
    if (asked === '1' || asked === '0') window.localStorage.setItem('musyawarah.pseudo', asked);
    return window.localStorage.getItem('musyawarah.pseudo') === '1';
  } catch {
    return new URLSearchParams(window.location.search).get('pseudo') === '1';
  }
}

export function rememberLocale(lng: string) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not fatal: the choice lasts for this page only.
  }
}

export type AppResources = Record<string, ResourceLanguage>;

export interface I18nOptions {
  /** The language to start in (tests); otherwise the remembered choice, then the browser's languages. */
  lng?: string;
  /** The app's translation files in every language but English (`import.meta.glob` in a lazy module, see loaders.ts). */
  loaders?: TranslationLoadersModule;
}

/** Resolves once the start-up language's namespaces are loaded (at once for English, which is bundled). */
const readiness = new WeakMap<I18n, Promise<void>>();
export function whenI18nReady(instance: I18n): Promise<void> {
  return readiness.get(instance) ?? Promise.resolve();
}

/**
 * Creates the i18next instance for an app with a chosen set of shared namespaces (see ./startup.ts) and the app's own
 * (`{ en: { home, account, … } }`). English is bundled; another language's files come through the backend, for the
 * namespaces in use, when it is chosen — an app waits for `whenI18nReady` before its first render so nobody sees a
 * flash of English.
 */
export function initI18n(shared: AppResources, appResources: AppResources, options: I18nOptions): I18n {
  const instance = i18next.createInstance();
  const resources: Record<string, ResourceLanguage> = {};
  for (const lng of new Set([...Object.keys(shared), ...Object.keys(appResources)])) {
    resources[lng] = {
      ...(shared as Record<string, ResourceLanguage>)[lng],
      ...appResources[lng],
    };
  }
  const ns = Object.keys(resources[DEFAULT_LOCALE] ?? {});
  const pseudo = pseudoRequested();
  // The pseudo-locale is the English text, transformed.
  const lng = options.lng ?? (pseudo ? DEFAULT_LOCALE : detectLocale());
  instance.on('languageChanged', applyDocumentLanguage);
  const ready = new Promise<void>((resolve) => {
    void instance
      .use(translationBackend(options.loaders))
      .use(initReactI18next)
      .init(
        {
          resources,
          // English comes bundled; other languages through the backend.
          partialBundledLanguages: true,
          lng,
          fallbackLng: DEFAULT_LOCALE,
          supportedLngs: [...SUPPORTED_LOCALES],
          load: 'languageOnly',
          ns,
          defaultNS: 'layout',
          nsSeparator: KEY_SEPARATOR,
          keySeparator: KEY_SEPARATOR,
          interpolation: { escapeValue: false },
          returnNull: false,
          initAsync: false,
          // Re-render when a language's files arrive, not only when the language changes.
          react: { useSuspense: false, bindI18nStore: 'added' },
          showSupportNotice: false,
        },
        () => resolve(),
      );
  });
  readiness.set(
    instance,
    pseudo
      ? Promise.all([ready, import('./pseudo').then((m) => m.enablePseudoLocale(instance))]).then(
          () => undefined,
        )
      : ready,
  );
  applyDocumentLanguage(instance.language ?? lng);
  return instance;
}
