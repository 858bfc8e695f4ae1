import { LANGUAGES } from '@musyawarah/core/domain';
import { filledLanguages } from '@musyawarah/core/review/localized';
import {
  CheckboxesField,
  languageAutonym,
  languageLabel,
  TextAreaField,
  TextField,
  useLanguageOptions,
} from '@musyawarah/ui';
import { useState, type ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { get, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import '../consultations/consultations.css';

/*
 * Per-language text fields of the review forms (cycle title and description, the framework's criteria and metrics),
 * as the round editor has them: the Secretariat ticks the languages it fills in besides English, a tab per language
 * holds that language's fields, and the form says which languages are filled in.
 */

type Text = Record<string, string | null | undefined>;

/** The languages ticked in the form's `languages` checkboxes, English first and always there. */
export function chosenLanguages(value: unknown): string[] {
  const ticked = Array.isArray(value)
    ? (value as string[])
    : typeof value === 'string' && value
      ? [value]
      : [];
  return LANGUAGES.filter((code) => code === 'en' || ticked.includes(code));
}

/** Only the chosen languages are sent: text typed in a language that was then unticked is not kept. */
export function pickLanguages(
  text: Text | null | undefined,
  languages: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [language, value] of Object.entries(text ?? {}))
    if (languages.includes(language) && typeof value === 'string') out[language] = value;
  return out;
}

/** The languages to tick at first: those already filled in (other than English). */
export function initialLanguages(...texts: readonly (Text | null | undefined)[]): string[] {
  return filledLanguages(...(texts as (Partial<Record<string, string>> | null | undefined)[])).filter(
    (code) => code !== 'en',
  );
}

/** A text as the form holds it: every language a string, so each input starts controlled. */
export function textToForm(text: Text | null | undefined): Record<string, string> {
  return Object.fromEntries(
    LANGUAGES.map((code) => [code, typeof text?.[code] === 'string' ? text[code] : '']),
  );
}

/** The "languages to fill in" checkboxes (English is always required, so it is not offered). */
export function LanguageChoice({
  name = 'languages',
  legend,
  hint,
}: {
  name?: string;
  legend: ReactNode;
  hint?: ReactNode;
}) {
  const options = useLanguageOptions().filter((option) => option.value !== 'en');
  return <CheckboxesField name={name} legend={legend} hint={hint} options={options} optional columns />;
}

const isFilled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** "Filled in: English, ខ្មែរ (Khmer)": which languages have text, as the form stands. */
export function FilledLanguages({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  const values = useWatch({ name: names }) as (Text | undefined)[];
  const filled = LANGUAGES.filter((code) => values.some((text) => isFilled(text?.[code])));
  return (
    <p className="hint" aria-live="polite">
      {filled.length === 0
        ? t('reviews.languages.noneFilled')
        : t('reviews.languages.filled', { languages: filled.map((code) => languageLabel(code)).join(', ') })}
    </p>
  );
}

export interface LanguageField {
  /** The form path of the per-language object, e.g. `title` or `document.criteria.0.name`. */
  name: string;
  label: (languageLabel: string) => string;
  multiline?: boolean;
  rows?: number;
  /** Whether the English text may stay empty (an optional description); other languages always may. */
  englishOptional?: boolean;
  englishHint?: string;
  width?: 'full' | '20' | '30';
}

/**
 * A tab per chosen language with that language's fields; a tab is marked when it is filled in. After a submission with
 * errors the first language with an error is shown, so the error summary's links reach their fields.
 */
export function LanguageTabs({
  fields,
  languages,
  label,
}: {
  fields: readonly LanguageField[];
  languages: readonly string[];
  label: string;
}) {
  const { t } = useTranslation();
  const { formState } = useFormContext();
  const values = useWatch({ name: fields.map((f) => f.name) }) as (Text | undefined)[];
  const [language, setLanguage] = useState<Key>('en');
  const [submits, setSubmits] = useState(formState.submitCount);
  const hasError = (code: string) => fields.some((f) => get(formState.errors, `${f.name}.${code}`));
  if (submits !== formState.submitCount) {
    setSubmits(formState.submitCount);
    const firstWithError = languages.find(hasError);
    if (firstWithError && !hasError(String(language))) setLanguage(firstWithError);
  }
  const shown = languages.includes(String(language)) ? language : 'en';
  return (
    <Tabs className="consult-tabs" selectedKey={shown} onSelectionChange={setLanguage}>
      <TabList aria-label={label} className="consult-tabs__list">
        {languages.map((code) => {
          const filled = values.some((text) => isFilled(text?.[code]));
          return (
            <Tab key={code} id={code} className="consult-tabs__tab">
              <span lang={code}>{languageAutonym(code)}</span>
              {filled && <span aria-hidden="true">&nbsp;✓</span>}
              <span className="visually-hidden">
                {' '}
                {[
                  code === 'en' ? t('reviews.languages.required') : '',
                  filled ? t('reviews.languages.filledTab') : t('reviews.languages.emptyTab'),
                ]
                  .filter(Boolean)
                  .join(' ')}
              </span>
            </Tab>
          );
        })}
      </TabList>
      {languages.map((code) => (
        <TabPanel key={code} id={code} className="consult-tabs__panel" shouldForceMount>
          {fields.map((f) => {
            const props = {
              name: `${f.name}.${code}`,
              label: f.label(languageLabel(code)),
              optional: code !== 'en' || f.englishOptional,
              hint: code === 'en' ? f.englishHint : undefined,
              lang: code,
            };
            return f.multiline ? (
              <TextAreaField key={f.name} {...props} rows={f.rows ?? 4} />
            ) : (
              <TextField key={f.name} {...props} width={f.width ?? 'full'} />
            );
          })}
        </TabPanel>
      ))}
    </Tabs>
  );
}
