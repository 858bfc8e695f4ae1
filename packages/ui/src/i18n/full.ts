import type { i18n as I18n } from 'i18next';
import { initI18n, type AppResources, type I18nOptions } from './index';
import { sharedResources } from './shared-later';

export { SHARED_NAMESPACES, sharedResources } from './shared-later';

/**
 * An i18next instance with every shared namespace and the app's own. (An app that wants a smaller start-up bundle
 * uses createStartupI18n from `@musyawarah/ui/i18n-startup` instead.)
 */
export function createI18n(appResources: AppResources, options: I18nOptions = {}): I18n {
  return initI18n(sharedResources, appResources, options);
}
