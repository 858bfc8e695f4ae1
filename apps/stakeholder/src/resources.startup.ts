import home from './locales/en/home.json';
import shell from './locales/en/shell.json';

/** The namespaces the shell and the home page need; the others load with the first page that needs them (i18n.ts). */
export const startupResources = { en: { home, shell } };
