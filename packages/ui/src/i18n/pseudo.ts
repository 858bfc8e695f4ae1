import type { i18n as I18n, PostProcessorModule } from 'i18next';

/**
 * Pseudo-locale for testing (`?pseudo=1`, see initI18n): every translated string comes out accented, about 40 % longer
 * and between markers — `Sign in` → `⟦Šîĝñ îîñ⟧` — so a page shows at a glance (and a browser test finds) text that
 * bypasses the translation files, and layouts meet longer words than English. Interpolated values (`{{name}}`,
 * numbers, dates) are left as they are: they are data, not text to translate. Loaded only in that mode, so it adds
 * nothing to the start-up bundle.
 */
export const PSEUDO_POST_PROCESSOR = 'pseudo';
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

// Private-use characters around each interpolated value while i18next builds the string; the post-processor leaves
// what is between them alone and removes them.
const VALUE_START = '\uE000';
const VALUE_END = '\uE001';
const VALUE = /\uE000([^\uE000\uE001]*)\uE001/g;

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = [...'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'];
const VOWELS = 'aeiouAEIOU';

/** Accents every ASCII letter and doubles the vowels (English text is some 40 % vowels, so it grows about as much). */
function accent(text: string): string {
  let out = '';
  for (const char of text) {
    const index = PLAIN.indexOf(char);
    if (index < 0) out += char;
    else out += VOWELS.includes(char) ? ACCENTED[index]!.repeat(2) : ACCENTED[index]!;
  }
  return out;
}

/**
 * The pseudo form of a finished string whose interpolated values are fenced by VALUE_START…VALUE_END: the text between
 * values is accented and lengthened, the values are kept, and the whole is put between markers — unless there is no
 * text besides the values (`{{name}}` alone stays the bare name) or nothing at all.
 */
export function pseudoLocalize(value: string): string {
  const text = value.replace(VALUE, '');
  if (!text.trim()) return value.replace(VALUE, '$1');
  let out = '';
  let last = 0;
  for (const match of value.matchAll(VALUE)) {
    out += accent(value.slice(last, match.index)) + match[1];
    last = match.index + match[0].length;
  }
  return PSEUDO_OPEN + out + accent(value.slice(last)) + PSEUDO_CLOSE;
}

/** The i18next post-processor; a key without a translation is left as i18next returns it, so it stands out. */
export const pseudoPostProcessor: PostProcessorModule = {
  type: 'postProcessor',
  name: PSEUDO_POST_PROCESSOR,
  process(value, key, options, translator: { exists(key: string | string[], options: object): boolean }) {
    if (typeof value !== 'string') return value;
    if (!translator.exists(key, options)) return value.replace(VALUE, '$1');
    return pseudoLocalize(value);
  },
};

type Format = (
  value: unknown,
  format: string | undefined,
  lng: string | undefined,
  options: object,
) => unknown;

/**
 * Turns pseudo-localisation on for an initialised instance: the post-processor for every `t`, and every interpolated
 * value fenced (through the interpolator's format hook, `alwaysFormat`) so that the post-processor can leave it alone.
 */
export function enablePseudoLocale(instance: I18n): void {
  instance.use(pseudoPostProcessor);
  instance.options.postProcess = [PSEUDO_POST_PROCESSOR];
  // The interpolator holds the instance's options object (re-read on each reset) and the format function it found
  // there when created; neither is part of i18next's typings.
  const interpolator = instance.services.interpolator as unknown as {
    format: Format;
    alwaysFormat: boolean;
    options: { interpolation?: object };
  };
  interpolator.options.interpolation = { ...interpolator.options.interpolation, alwaysFormat: true };
  interpolator.alwaysFormat = true;
  const format = interpolator.format;
  interpolator.format = (value, name, lng, options) => {
    const formatted = name === undefined ? value : format(value, name, lng, options);
    if (formatted === undefined || formatted === null || typeof formatted === 'object') return formatted;
    // i18next types a formatted value as its input; objects were returned above, what is left prints as itself.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return VALUE_START + String(formatted) + VALUE_END;
  };
}
