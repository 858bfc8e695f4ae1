import { laterResources } from './resources.later';
import { startupResources } from './resources.startup';

/**
 * Every namespace of the stakeholder app (shared ones — layout, validation, errors, auth, common — come from
 * @musyawarah/ui). The app itself loads them in two steps (i18n.ts); tests and tools read them all from here.
 */
export const appResources = { en: { ...startupResources.en, ...laterResources.en } };
