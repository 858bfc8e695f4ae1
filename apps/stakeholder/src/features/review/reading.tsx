import { filledLanguages } from '@musyawarah/core/review/localized';
import { languageAutonym } from '@musyawarah/ui';
import { useContext, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized, type LocalizedText } from '../consultations/data';
import { ReadingLanguageContext, ReadingLanguageProvider } from '../consultations/reading-language';

/*
 * A review cycle's per-language texts as the rounds show theirs (consultations/reading-language.tsx): in the language
 * the reader chose for it, else the interface language, else English, with a notice when some text is not in the
 * reader's language and a choice among the languages the cycle is written in.
 */

const baseLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

type CycleTexts = { title: LocalizedText; description?: LocalizedText | null };
type Text = LocalizedText | null | undefined;

/** The languages some texts are written in (English first): what a reader may choose among. */
export const textLanguages = (texts: readonly Text[]): string[] => filledLanguages(...texts);

/** The reading-language choice of the rounds, for review texts: its languages are those the texts are written in. */
export function ReviewReadingLanguage({ texts, children }: { texts: readonly Text[]; children: ReactNode }) {
  return <ReadingLanguageProvider languages={textLanguages(texts)}>{children}</ReadingLanguageProvider>;
}

/**
 * What to tell the reader when what is shown is not in their language: the texts are not written in the interface
 * language at all ("not available in ខ្មែរ: shown in English"), or some of them are not translated into the language
 * being read.
 */
export function useFallbackNotice(
  shown: readonly ({ language: string; fallback: boolean } | null)[],
  offered: readonly string[],
) {
  const { t, i18n } = useTranslation();
  const ui = baseLanguage(i18n.language);
  const first = shown.find((s) => s !== null);
  if (ui !== 'en' && !offered.includes(ui))
    return t('reviews.readIn.notInYourLanguage', {
      language: languageAutonym(ui),
      shown: languageAutonym(first?.language ?? 'en'),
    });
  if (shown.some((s) => s?.fallback))
    return t('consultations.round.shownIn', { language: languageAutonym('en') });
  return null;
}

/** The cycle's title and description in the reading language, and the notice when that is not the reader's. */
export function useCycleTexts(cycle: CycleTexts) {
  const pick = useLocalized();
  const title = pick(cycle.title);
  const description = cycle.description ? pick(cycle.description) : null;
  const notice = useFallbackNotice([title, description], textLanguages([cycle.title, cycle.description]));
  return { title, description, notice };
}

/** "Read this review cycle in": the texts' languages; nothing when they are written in one language only. */
export function ReviewReadIn() {
  const { t } = useTranslation();
  const id = useId();
  const reading = useContext(ReadingLanguageContext);
  if (!reading || reading.languages.length < 2) return null;
  return (
    <div className="form-group read-in">
      <label className="label" htmlFor={id}>
        {t('reviews.readIn.label')}
      </label>
      <div className="hint" id={`${id}-hint`}>
        {t('reviews.readIn.hint')}
      </div>
      <select
        id={id}
        className="select review-read-in__select"
        aria-describedby={`${id}-hint`}
        value={reading.language}
        onChange={(event) => reading.setLanguage(event.target.value)}
      >
        {reading.languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageAutonym(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
