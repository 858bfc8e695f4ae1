import { cx, fieldId, useMessage, type Option } from '@musyawarah/ui';
import { createContext, useContext, type ReactNode } from 'react';
import { get, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * The two field kinds the kit's forms lack (text areas and groups of checkboxes), with the kit's markup and ids, so
 * the kit's error summary links to them and server field errors show next to them.
 */
const FormIdContext = createContext('form');

export function FieldsFor({ formId, children }: { formId: string; children: ReactNode }) {
  return <FormIdContext.Provider value={formId}>{children}</FormIdContext.Provider>;
}

function useFieldState(name: string) {
  const formId = useContext(FormIdContext);
  const { register, formState } = useFormContext();
  const id = fieldId(formId, name);
  const raw = get<unknown, { message?: string; type?: string } | undefined>(formState.errors, name);
  const error = raw ? (raw.message ? raw.message : 'validation.invalid') : undefined;
  return { formId, id, hintId: `${id}-hint`, errorId: `${id}-error`, register, error };
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function FieldError({ id, name, message }: { id: string; name: string; message?: string }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const form = useContext(FormIdContext);
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('layout.errorPrefix')}</span> {tm(message, { form, path: name })}
    </p>
  );
}

function Optional({ optional }: { optional?: boolean }) {
  const { t } = useTranslation();
  return optional ? <span className="optional"> {t('layout.optional')}</span> : null;
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
  const { id, hintId, errorId, register, error } = useFieldState(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <label className="label" htmlFor={id}>
        {label}
        <Optional optional={optional} />
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      <FieldError id={errorId} name={name} message={error} />
      <textarea
        id={id}
        rows={rows}
        className={cx('textarea', error && 'textarea--error')}
        aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      />
    </div>
  );
}

/** Checkboxes whose ticked values form an array; the error summary links to the first box. */
export function Checkboxes({
  name,
  legend,
  hint,
  optional,
  options,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  options: Option[];
}) {
  const { id, hintId, errorId, register, error } = useFieldState(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <fieldset className="fieldset" aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}>
        <legend className="legend">
          {legend}
          <Optional optional={optional} />
        </legend>
        {hint && (
          <div id={hintId} className="hint">
            {hint}
          </div>
        )}
        <FieldError id={errorId} name={name} message={error} />
        <div className="choices">
          {options.map((o, index) => {
            const optionId = index === 0 ? id : `${id}-${o.value}`;
            return (
              <div className="choice" key={o.value}>
                <input
                  id={optionId}
                  type="checkbox"
                  className="choice__input"
                  value={o.value}
                  {...register(name)}
                />
                <label className="choice__label" htmlFor={optionId}>
                  {o.label}
                  {o.hint && <span className="choice__hint">{o.hint}</span>}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
