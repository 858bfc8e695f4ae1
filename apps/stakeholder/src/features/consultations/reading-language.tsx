import { languageAutonym } from '@musyawarah/ui';
import { createContext, useCallback, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The language a reader chose to read a round in ("Read this round in"), among the round's own languages. Titles,
 * descriptions, questions, options and labels use it (falling back to English text by text) on the round page and in
 * the answer form, whatever language the interface itself is in.
 */
interface ReadingLanguage {
  language: string;
  languages: readonly string[];
  setLanguage: (language: string) => void;
}

export const ReadingLanguageContext = createContext<ReadingLanguage | null>(null);

const STORAGE_KEY = 'musyawarah.readRoundIn';
const baseLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** The reader's earlier choice if this round offers it, else the interface language if offered, else English. */
export function initialReadingLanguage(
  languages: readonly string[],
  uiLanguage: string,
  remembered: string | null,
): string {
  if (remembered && languages.includes(remembered)) return remembered;
  const ui = baseLanguage(uiLanguage);
  if (languages.includes(ui)) return ui;
  return 'en';
}

function remembered(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(language: string) {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be off (private browsing); the choice then lasts for this page only.
  }
}

export function ReadingLanguageProvider({
  languages,
  children,
}: {
  languages: readonly string[];
  children: ReactNode;
}) {
  const { i18n } = useTranslation();
  const offered = useMemo(() => (languages.includes('en') ? languages : ['en', ...languages]), [languages]);
  const [language, setState] = useState(() => initialReadingLanguage(offered, i18n.language, remembered()));
  const setLanguage = useCallback((next: string) => {
    setState(next);
    remember(next);
  }, []);
  const value = useMemo(
    () => ({ language, languages: offered, setLanguage }),
    [language, offered, setLanguage],
  );
  return <ReadingLanguageContext.Provider value={value}>{children}</ReadingLanguageContext.Provider>;
}

/** The "Read this round in" choice; nothing when the round is in one language only. */
export function ReadInSelector() {
  const { t } = useTranslation();
  const id = useId();
  const reading = useContext(ReadingLanguageContext);
  if (!reading || reading.languages.length < 2) return null;
  return (
    <div className="form-group read-in">
      <label className="label" htmlFor={id}>
        {t('consultations.readIn.label')}
      </label>
      <div className="hint" id={`${id}-hint`}>
        {t('consultations.readIn.hint')}
      </div>
      <select
        id={id}
        className="select read-in__select"
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
