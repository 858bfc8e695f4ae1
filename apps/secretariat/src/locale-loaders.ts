import { byLanguageAndNamespace } from '@musyawarah/ui/i18n-startup';

/** This app's namespaces in every language but English, one small chunk each (loaded by i18n's backend on demand). */
export const loaders = byLanguageAndNamespace(
  import.meta.glob(['./locales/*/*.json', '!./locales/en/*.json']),
  { review: 'reviews' },
);
