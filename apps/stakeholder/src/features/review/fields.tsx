import { cx, fieldId, useMessage } from '@musyawarah/ui';
import { createContext, useContext, type ReactNode } from 'react';
import { get, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * A text area with the same markup and ids as the kit's fields (so the kit's error summary links to it), which the
 * kit does not have. Several forms share a page here (one per edit), so the form id comes from context.
 */
const FormIdContext = createContext('form');

export function FieldsFor({ formId, children }: { formId: string; children: ReactNode }) {
  return <FormIdContext.Provider value={formId}>{children}</FormIdContext.Provider>;
}

export function TextArea({
  name,
  label,
  hint,
  optional,
  rows = 5,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  rows?: number;
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  const formId = useContext(FormIdContext);
  const { register, formState } = useFormContext();
  const id = fieldId(formId, name);
  const raw = get<unknown, { message?: string; type?: string } | undefined>(formState.errors, name);
  const error = raw ? raw.message || 'validation.invalid' : undefined;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <label className="label" htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('layout.optional')}</span>}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
          {tm(error, { form: formId, path: name })}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        className={cx('textarea', error && 'textarea--error')}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      />
    </div>
  );
}
