// A Vite plugin for both apps: the <noscript> message is the one page text no script can translate, so the build writes
// it in every language from the kit's translations (layout.noscript), each paragraph marked with its language.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALES = fileURLToPath(new URL('../src/locales', import.meta.url));
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function noscriptInEveryLanguage() {
  return {
    name: 'musyawarah-noscript',
    transformIndexHtml(html) {
      const languages = readdirSync(LOCALES, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
      const paragraphs = languages
        .map((language) => {
          const file = join(LOCALES, language, 'layout.json');
          const text = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).noscript : undefined;
          return typeof text === 'string' ? `<p lang="${language}">${escape(text)}</p>` : '';
        })
        .join('');
      return html.replace(
        /<noscript>[\s\S]*?<\/noscript>/,
        `<noscript><div style="padding: 1rem; font-family: system-ui, sans-serif">${paragraphs}</div></noscript>`,
      );
    },
  };
}
