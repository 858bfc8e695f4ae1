import { useTranslation } from 'react-i18next';
import { languageAutonym } from '../i18n';

/** The globe and "Language: English": the menu's button, and the stand-in AppShell shows until the menu loads. */
export function LanguageButtonContent() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <>
      <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
        <path
          d="M2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        />
      </svg>
      <span>
        <span className="lang-button__label">{t('layout.language.label')} </span>
        <span lang={current}>{languageAutonym(current)}</span>
      </span>
    </>
  );
}
