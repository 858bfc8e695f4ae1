/// <reference types="vite/client" />
import { byLanguageAndNamespace } from './loaders';

/** The UI kit's own namespaces in every language but English (a chunk of its own, see translationBackend). */
export const sharedLoaders = byLanguageAndNamespace(
  import.meta.glob(['../locales/*/*.json', '!../locales/en/*.json']),
);
