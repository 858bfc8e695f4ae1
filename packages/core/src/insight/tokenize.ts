// Language-aware tokenising: Thai, Lao, Khmer, Burmese and Chinese are written without spaces between words, so words
// come from Intl.Segmenter's dictionary-based word breaks (ICU), never from a split on spaces.
import { stopWordsFor } from './stopwords';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string) {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    // Intl knows Filipino as fil and Tetum not at all; its word breaking for Latin script is the same for all.
    segmenter = new Intl.Segmenter(language === 'tet' ? 'pt' : language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** Vietnamese writes one syllable per space-separated unit; its words are mostly two syllables ("dữ liệu"). */
const SYLLABLE_BIGRAMS = new Set(['vi']);

const HAS_LETTER = /\p{L}/u;

/**
 * The terms of a text for weighting: lower-cased word segments that contain a letter and are not stop words;
 * for Vietnamese also adjacent syllable pairs, so that "dữ liệu" (data) is one term even though "dữ" is a stop word.
 */
export function tokenize(text: string, language: string): string[] {
  const stop = stopWordsFor(language);
  const words: string[] = [];
  for (const part of segmenterFor(language).segment(text.normalize('NFKC'))) {
    if (!part.isWordLike) {
      // Punctuation breaks a phrase: no bigram across it.
      if (/[^\s]/u.test(part.segment)) words.push('');
      continue;
    }
    const word = part.segment.toLocaleLowerCase(language === 'tet' ? 'pt' : language);
    words.push(HAS_LETTER.test(word) ? word : '');
  }
  // One-letter segments are noise in alphabetic scripts; in Chinese one character can be a word.
  const terms = words.filter((w) => w && !stop.has(w) && (language === 'zh' || [...w].length > 1));
  if (SYLLABLE_BIGRAMS.has(language)) {
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i];
      const b = words[i + 1];
      if (a && b && !stop.has(`${a} ${b}`)) terms.push(`${a} ${b}`);
    }
  }
  return terms;
}
