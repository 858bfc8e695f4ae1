// pdfkit breaks lines where Unicode's line-breaking rules allow, which for Thai, Lao, Khmer and Burmese (written without
// spaces between words) is nowhere: a paragraph ran past the margin or was cut inside a word, and a cut inside a
// Khmer cluster left fontkit a mark without its base (it threw). A zero-width space between the words the language's
// dictionary segmenter finds gives the line breaker its opportunities; the scripts' fonts draw it with no width.
//
// Chinese needs nothing: the rules already allow a break between any two ideographs, which is how Chinese is set.

const ZERO_WIDTH_SPACE = '\u200b';
/** Thai, Lao, Myanmar, Khmer (and Khmer symbols): the scripts written without spaces whose fonts here have U+200B. */
const UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff]/u;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(locale: string) {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** The text with a zero-width space wherever two words of an unspaced script meet; other text comes back as it was. */
export function withWordBreaks(text: string, locale: string): string {
  if (!UNSPACED.test(text)) return text;
  let out = '';
  let previous = '';
  for (const { segment } of segmenterFor(locale).segment(text)) {
    if (UNSPACED.test(previous.slice(-1)) && UNSPACED.test(segment.charAt(0))) out += ZERO_WIDTH_SPACE;
    out += segment;
    previous = segment;
  }
  return out;
}

/** Whether a character is the break opportunity `withWordBreaks` inserts: it belongs to the run it falls in. */
export const isWordBreak = (char: string) => char === ZERO_WIDTH_SPACE;
