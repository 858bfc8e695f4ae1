import { cx, fieldId, useMessage, type Option } from '@musyawarah/ui';
import { createContext, useContext, type ReactNode } from 'react';
import { get, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { userTimeZone, utcEquivalent } from './datetime';

/**
 * Field components for the consultation forms, with the same markup and ids as the shared ones in @musyawarah/ui (so the
 * shared error summary links to them), for what the shared kit does not have: text areas, checkbox groups, nested paths
 * and date-times with a time zone.
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
  const error = raw ? (raw.message ? raw.message : raw.type ? 'validation.invalid' : undefined) : undefined;
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

function LabelText({ label, optional }: { label: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {optional && <span className="optional"> {t('layout.optional')}</span>}
    </>
  );
}

interface BaseProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
}

export function Input({
  name,
  label,
  hint,
  optional,
  className,
  type = 'text',
  inputMode,
  width = '30',
  lang,
}: BaseProps & {
  type?: string;
  inputMode?: 'numeric' | 'url' | 'text';
  width?: 'full' | '20' | '30' | '5';
  lang?: string;
}) {
  const { id, hintId, errorId, register, error } = useFieldState(name);
  return (
    <div className={cx('form-group', error && 'form-group--error', className)}>
      <label className="label" htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      <FieldError id={errorId} name={name} message={error} />
      <input
        id={id}
        type={type}
        lang={lang}
        inputMode={inputMode}
        className={cx('input', width !== 'full' && `input--w${width}`, error && 'input--error')}
        aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      />
    </div>
  );
}

export function TextArea({
  name,
  label,
  hint,
  optional,
  rows = 5,
  lang,
}: BaseProps & { rows?: number; lang?: string }) {
  const { id, hintId, errorId, register, error } = useFieldState(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <label className="label" htmlFor={id}>
        <LabelText label={label} optional={optional} />
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
        lang={lang}
        className={cx('textarea', error && 'textarea--error')}
        aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      />
    </div>
  );
}

export function Select({
  name,
  label,
  hint,
  optional,
  options,
  placeholder,
}: BaseProps & { options: Option[]; placeholder?: string }) {
  const { id, hintId, errorId, register, error } = useFieldState(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <label className="label" htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      <FieldError id={errorId} name={name} message={error} />
      <select
        id={id}
        className={cx('select', error && 'select--error')}
        aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Checkboxes in a fieldset whose ticked values form an array; the error summary links to the first box. */
export function Checkboxes({
  name,
  legend,
  hint,
  optional,
  options,
  columns,
}: Omit<BaseProps, 'label'> & { legend: ReactNode; options: Option[]; columns?: boolean }) {
  const { id, hintId, errorId, register, error } = useFieldState(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <fieldset className="fieldset" aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}>
        <legend className="legend">
          <LabelText label={legend} optional={optional} />
        </legend>
        {hint && (
          <div id={hintId} className="hint">
            {hint}
          </div>
        )}
        <FieldError id={errorId} name={name} message={error} />
        <div className={cx('choices', columns && 'consult-columns')}>
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

export function Checkbox({ name, label, hint }: { name: string; label: ReactNode; hint?: ReactNode }) {
  const { id, hintId, register } = useFieldState(name);
  return (
    <div className="form-group">
      <div className="choice">
        <input
          id={id}
          type="checkbox"
          className="choice__input"
          aria-describedby={hint ? hintId : undefined}
          {...register(name)}
        />
        <label className="choice__label" htmlFor={id}>
          {label}
          {hint && (
            <span id={hintId} className="choice__hint">
              {hint}
            </span>
          )}
        </label>
      </div>
    </div>
  );
}

/** A date and time in the user's time zone, with the UTC equivalent shown (and announced) as it is typed. */
export function DateTimeField({ name, label, hint, optional }: BaseProps) {
  const { t, i18n } = useTranslation();
  const { id, hintId, errorId, register, error } = useFieldState(name);
  const value = useWatch({ name }) as string | undefined;
  const utc = utcEquivalent(value, i18n.language);
  const utcId = `${id}-utc`;
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <label className="label" htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <div id={hintId} className="hint">
        {hint ? <>{hint} </> : null}
        {t('consultations.time.inZone', { zone: userTimeZone() })}
      </div>
      <FieldError id={errorId} name={name} message={error} />
      <input
        id={id}
        type="datetime-local"
        className={cx('input', 'input--w20', error && 'input--error')}
        aria-describedby={describedBy(hintId, utcId, !!error && errorId)}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      />
      <p id={utcId} className="hint consult-utc" aria-live="polite">
        {utc ? t('consultations.time.utc', { time: utc }) : ''}
      </p>
    </div>
  );
}
