import { useTranslation } from 'react-i18next';
import { languageAutonym, rememberLocale } from '../i18n';
import summary from '../translation-review/summary.json';

const reviewSummary: Record<string, { keys: number; translated: number; reviewed: number } | undefined> =
  summary;

/**
 * Translations are drafts until a fluent reviewer approves them (issue #13): while any text of the reader's language
 * is unreviewed, say so, and offer English. The counts come from translation-review/summary.json, which
 * tooling/scripts/i18n-status.mjs keeps up to date (and the secretariat's review screen feeds).
 */
export function TranslationDraftNotice({
  onLanguageChange,
}: {
  onLanguageChange?: ((locale: string) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const counts = reviewSummary[language];
  if (language === 'en' || !counts || counts.reviewed >= counts.keys) return null;
  const readInEnglish = () => {
    rememberLocale('en');
    void i18n.changeLanguage('en');
    onLanguageChange?.('en');
  };
  return (
    <div className="translation-notice" role="note">
      <p>
        {t('layout.translationDraft.notice', { language: languageAutonym(language) })}{' '}
        <button type="button" className="link-button" onClick={readInEnglish}>
          {t('layout.translationDraft.readInEnglish')}
        </button>
      </p>
    </div>
  );
}
