import common from '../locales/en/common.json';
import errors from '../locales/en/errors.json';
import layout from '../locales/en/layout.json';
import notifications from '../locales/en/notifications.json';
import type { i18n as I18n } from 'i18next';
import { initI18n, type AppResources, type I18nOptions } from './index';

/** What the page shell needs whatever the page: the layout, common words and error messages. */
// `notifications` too: the bell in the header names its unread count on every page. The phone menu's button is in `layout`.
const sharedStartupResources = { en: { common, errors, layout, notifications } };

/**
 * Like createI18n, with only the shared namespaces the page shell needs; the others come with `loadSharedLaterResources`
 * (an app calls it with its first lazily loaded page), keeping them out of the start-up bundle. A module of its own,
 * imported as `@musyawarah/ui/i18n-startup`: the kit's index imports every namespace for createI18n.
 */
export function createStartupI18n(appResources: AppResources, options: I18nOptions = {}): I18n {
  return initI18n(sharedStartupResources, appResources, options);
}

export const loadSharedLaterResources = () => import('./shared-later').then((m) => m.sharedLaterResources);

export { byLanguageAndNamespace } from './loaders';
export { whenI18nReady } from './index';
