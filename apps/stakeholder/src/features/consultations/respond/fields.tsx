import { cx, fieldId, optionOrBlank } from '@musyawarah/ui';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsultationMessage } from '../data';
import { FORM_ID } from './formId';

export function FieldErrorText({ path, message }: { path: string; message: string }) {
  const { t } = useTranslation();
  const tm = useConsultationMessage();
  return (
    <p className="field-error" id={`${fieldId(FORM_ID, path)}-error`}>
      <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
      {tm(message, { form: FORM_ID, path })}
    </p>
  );
}

export function SelectBox<T extends string>({
  path,
  label,
  hint,
  optional,
  value,
  error,
  placeholder,
  options,
  onChange,
}: {
  path: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  value: T | '';
  error?: string;
  placeholder?: string;
  options: { value: T; label: string; lang?: string }[];
  /** One of the options' values, or blank for the placeholder. */
  onChange: (value: T | '') => void;
}) {
  const { t } = useTranslation();
  const id = fieldId(FORM_ID, path);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <label className="label" htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('layout.optional')}</span>}
      </label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && <FieldErrorText path={path} message={error} />}
      <select
        id={id}
        className={cx('select', error && 'select--error')}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) =>
          onChange(
            optionOrBlank(
              options.map((o) => o.value),
              e.target.value,
            ),
          )
        }
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
