// The labelled corpus (300 contributions: 5 themes × 6 languages × 10): the theme-quality test scores the suggestions
// against these labels, and the demo seed fills its analysis round with the same texts.
import { CORPUS_A } from './corpus-a';
import { CORPUS_B } from './corpus-b';
import type { CorpusGroup } from './types';

export type { CorpusGroup } from './types';

export interface LabelledContribution {
  id: string;
  language: string;
  theme: CorpusGroup['theme'];
  text: string;
}

export const LABELLED_CORPUS: LabelledContribution[] = [...CORPUS_A, ...CORPUS_B].flatMap((group) =>
  group.texts.map((text, i) => ({
    id: `${group.language}-${group.theme}-${i}`,
    language: group.language,
    theme: group.theme,
    text,
  })),
);
