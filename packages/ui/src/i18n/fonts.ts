/**
 * Self-hosted Noto faces for the scripts a bare Linux, Android or Windows machine may lack (Thai, Lao, Khmer, Burmese,
 * Chinese, Tamil): without them text shows as empty boxes. Each is imported only when a page needs its script — the
 * interface language, or every script at once when the language menu lists the languages in their own names. The
 * @fontsource CSS splits each face by unicode-range and uses font-display: swap, so the browser downloads only the
 * glyph subsets a page really shows, and text stays readable in a fallback face while they arrive.
 */
const SCRIPT_FONTS: Record<string, () => Promise<unknown>> = {
  th: () =>
    Promise.all([import('@fontsource/noto-sans-thai/400.css'), import('@fontsource/noto-sans-thai/700.css')]),
  lo: () =>
    Promise.all([import('@fontsource/noto-sans-lao/400.css'), import('@fontsource/noto-sans-lao/700.css')]),
  km: () =>
    Promise.all([
      import('@fontsource/noto-sans-khmer/400.css'),
      import('@fontsource/noto-sans-khmer/700.css'),
    ]),
  my: () =>
    Promise.all([
      import('@fontsource/noto-sans-myanmar/400.css'),
      import('@fontsource/noto-sans-myanmar/700.css'),
    ]),
  zh: () =>
    Promise.all([import('@fontsource/noto-sans-sc/400.css'), import('@fontsource/noto-sans-sc/700.css')]),
  ta: () =>
    Promise.all([
      import('@fontsource/noto-sans-tamil/400.css'),
      import('@fontsource/noto-sans-tamil/700.css'),
    ]),
};

/** The languages whose script has a self-hosted face. */
export const LANGUAGES_WITH_SCRIPT_FONT = Object.keys(SCRIPT_FONTS);

const loading = new Map<string, Promise<unknown>>();

/** Loads the face for a language's script (once); resolves at once for Latin-script languages. */
export function loadScriptFont(language: string): Promise<unknown> {
  const load = SCRIPT_FONTS[language];
  if (!load || typeof document === 'undefined') return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = load().catch((error: unknown) => {
      loading.delete(language); // offline: try again with the next page that needs it
      throw error;
    });
    loading.set(language, pending);
  }
  return pending.catch(() => undefined);
}

/** Every script face, for lists that name each language in its own script (the language menu). */
export function loadAllScriptFonts(): Promise<unknown> {
  return Promise.all(LANGUAGES_WITH_SCRIPT_FONT.map(loadScriptFont));
}
