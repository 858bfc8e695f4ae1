import { createStartupI18n, loadSharedLaterResources } from '@musyawarah/ui/i18n-startup';
import type { ComponentType } from 'react';
import { startupResources } from './resources.startup';

/**
 * The app's i18next instance, created with the namespaces of the shell and the home page only. The translations of
 * every other page (about a quarter of the start-up JavaScript) come in one chunk with the first page loaded on demand:
 * each lazy route waits for them together with its own code, so no page ever renders before its text exists.
 */
export const i18n = createStartupI18n(startupResources, {
  // Every other language: one small chunk per namespace, fetched when that language is in use.
  loaders: () => import('./locale-loaders').then((m) => m.loaders),
});

let later: Promise<void> | undefined;

export function loadAllTranslations(): Promise<void> {
  later ??= Promise.all([
    import('./resources.later'),
    loadSharedLaterResources(),
    // Zod's issues read as translation keys in every form (core installs nothing on import). Every form is on a page
    // that loads through here, so zod stays out of the start-up JavaScript the home page needs.
    import('@musyawarah/core/schemas/messages').then((m) => m.installValidationMessages()),
  ])
    .then(async ([{ laterResources }, shared]) => {
      const namespaces: string[] = [];
      for (const resources of [shared, laterResources] as Record<string, Record<string, object>>[]) {
        for (const [language, bundles] of Object.entries(resources)) {
          for (const [namespace, bundle] of Object.entries(bundles)) {
            i18n.addResourceBundle(language, namespace, bundle, true, true);
            namespaces.push(namespace);
          }
        }
      }
      // Keys are written `namespace.key`; i18next reads the prefix as a namespace only once it knows the name.
      await i18n.loadNamespaces(namespaces);
    })
    .catch((error: unknown) => {
      later = undefined; // a failed download (offline) is retried by the next navigation
      throw error;
    });
  return later;
}

/** A route's `lazy`: the page's module and the translations, in parallel. */
export const lazyPage =
  <M>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => {
    const [module] = await Promise.all([load(), loadAllTranslations()]);
    return { Component: pick(module) };
  };
