/// <reference types="vite/client" />
import resourcesToBackend from 'i18next-resources-to-backend';
import type { ResourceKey } from 'i18next';

/** A lazily imported translation file: Vite turns each into its own small chunk, fetched only for the active language. */
export type TranslationLoader = () => Promise<unknown>;
/** `km/layout` (language/namespace) → loader. */
export type TranslationLoaders = Record<string, TranslationLoader>;

/**
 * `import.meta.glob` result (`./locales/km/layout.json` → loader) keyed by `<language>/<namespace>`; the namespace is
 * the file's name unless `namespaceOf` renames it (the apps' `reviews` namespace lives in review.json, beside the
 * kit's own `review`). English is bundled with the code (every page's fallback), so callers leave it out of the glob.
 */
export function byLanguageAndNamespace(
  glob: Record<string, TranslationLoader>,
  namespaceOf: Record<string, string> = {},
): TranslationLoaders {
  const loaders: TranslationLoaders = {};
  for (const [path, load] of Object.entries(glob)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (match) loaders[`${match[1]}/${namespaceOf[match[2]!] ?? match[2]}`] = load;
  }
  return loaders;
}

const moduleDefault = (module: unknown): ResourceKey =>
  ((module as { default?: ResourceKey }).default ?? module) as ResourceKey;

/** The app's loaders, themselves in a lazily loaded chunk (some 300 entries): nobody reading English downloads them. */
export type TranslationLoadersModule = () => Promise<TranslationLoaders>;

/**
 * An i18next backend that reads the app's and the shared translation files on demand. A language or namespace without
 * a file resolves to nothing, and i18next falls back to English for those keys.
 */
export function translationBackend(appLoaders: TranslationLoadersModule = () => Promise.resolve({})) {
  return resourcesToBackend(async (language: string, namespace: string) => {
    const [app, shared] = await Promise.all([
      appLoaders(),
      import('./shared-loaders').then((m) => m.sharedLoaders),
    ]);
    const load = app[`${language}/${namespace}`] ?? shared[`${language}/${namespace}`];
    if (!load) return {};
    return moduleDefault(await load());
  });
}
