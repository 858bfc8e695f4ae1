import i18next, { type i18n as I18n, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Keys are written `namespace.path.to.key` everywhere, including the translation keys the API and the shared zod
 * schemas emit (`validation.email`, `auth.invalidCredentials`, `errors.internal`). i18next treats the first segment as
 * the namespace when it names a loaded namespace (nsSeparator === keySeparator), so one key format serves both.
 */
export const KEY_SEPARATOR = '.';


/**
 * Languages the interface is translated into. English is ASEAN's working language; add a locale here once its
 * JSON files exist (e.g. `ms`, `id`, `th`, `vi`, `km`, `lo`, `my`, `fil`, `tet`) — the switcher and <html lang> follow.
 */
export const SUPPORTED_LOCALES = ['en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'en';

const STORAGE_KEY = 'musyawarah.locale';

/** Scripts written right-to-left (none of the ASEAN languages today, but the attribute is set correctly if one comes). */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

export function isSupportedLocale(code: string | null | undefined): code is SupportedLocale {
  return !!code && (SUPPORTED_LOCALES as readonly string[]).includes(code);
}

/** The user's own name for a language ("Bahasa Melayu", "ไทย"), from the browser's CLDR data — no hard-coded labels. */
export function languageAutonym(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (!name) return code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
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
    const base = tag.toLowerCase().split('-')[0];
    if (isSupportedLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

function applyDocumentLanguage(lng: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = RTL.has(lng) ? 'rtl' : 'ltr';
}

export function rememberLocale(lng: string) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not fatal: the choice lasts for this page only.
  }
}

export type AppResources = Record<string, ResourceLanguage>;

/**
 * Creates the i18next instance for an app: shared namespaces plus the app's own (`{ en: { home, account, … } }`).
 * Resources are bundled (no extra requests on slow links); when more languages arrive they can move to lazy chunks.
 */

/** createI18n with a chosen set of shared namespaces (see ./startup.ts). */
export function initI18n(shared: AppResources, appResources: AppResources, options: { lng?: string }): I18n {
  const instance = i18next.createInstance();
  const resources: Record<string, ResourceLanguage> = {};
  for (const lng of new Set([...Object.keys(shared), ...Object.keys(appResources)])) {
    resources[lng] = {
      ...(shared as Record<string, ResourceLanguage>)[lng],
      ...appResources[lng],
    };
  }
  const ns = Object.keys(resources[DEFAULT_LOCALE] ?? {});
  const lng = options.lng ?? detectLocale();
  instance.on('languageChanged', applyDocumentLanguage);
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    ns,
    defaultNS: 'layout',
    nsSeparator: KEY_SEPARATOR,
    keySeparator: KEY_SEPARATOR,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    react: { useSuspense: false },
    showSupportNotice: false,
  });
  applyDocumentLanguage(instance.language ?? lng);
  return instance;
}
