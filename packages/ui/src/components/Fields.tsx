import { useState, type HTMLInputTypeAttribute, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { cx } from './cx';
import { userTimeZone, utcEquivalent } from './date-time';
import { describedBy, FieldError, Hint, Label, useField } from './field-parts';
import { ZawgyiNotice } from './ZawgyiNotice';

export interface TextFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'search' | 'tel' | 'url';
  spellCheck?: boolean;
  optional?: boolean;
  width?: 'full' | '30' | '20' | '5';
  /** Language of the text typed, when it is not the page's (e.g. the English version of a text). */
  lang?: string;
  className?: string;
}

export function TextField({
  name,
  label,
  hint,
  type = 'text',
  autoComplete,
  inputMode,
  spellCheck,
  optional,
  width = '30',
  lang,
  className,
}: TextFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className={cx('form-group', error && 'form-group--error', className)}>
      <Label htmlFor={id} label={label} optional={optional} />
      <Hint id={hintId}>{hint}</Hint>
      <FieldError id={errorId} name={name} message={error} />
      <input
        id={id}
        type={type}
        lang={lang}
        className={cx('input', width !== 'full' && `input--w${width}`, error && 'input--error')}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      />
      {type === 'text' && <ZawgyiCheck name={name} />}
    </div>
  );
}

export interface TextAreaFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  rows?: number;
  /** Language of the text typed, when it is not the page's. */
  lang?: string;
  maxLength?: number;
  className?: string;
  /** Shown under the box, inside the field's group (e.g. a character count). */
  after?: ReactNode;
}

export function TextAreaField({
  name,
  label,
  hint,
  optional,
  rows = 5,
  lang,
  maxLength,
  className,
  after,
}: TextAreaFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className={cx('form-group', error && 'form-group--error', className)}>
      <Label htmlFor={id} label={label} optional={optional} />
      <Hint id={hintId}>{hint}</Hint>
      <FieldError id={errorId} name={name} message={error} />
      <textarea
        id={id}
        rows={rows}
        lang={lang}
        maxLength={maxLength}
        className={cx('textarea', error && 'textarea--error')}
        aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      />
      {after}
      <ZawgyiCheck name={name} />
    </div>
  );
}

export interface DateTimeFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
}

/**
 * A date and time in the user's own time zone (`datetime-local`), the zone named in the hint and the UTC equivalent
 * shown (and announced) as it is typed, so "17:00" never silently means the server's 17:00. The value is the wall
 * time ("2026-11-23T17:00"); `localToIso` turns it into an instant.
 */
export function DateTimeField({ name, label, hint, optional }: DateTimeFieldProps) {
  const { t, i18n } = useTranslation();
  const { id, hintId, errorId, register, error } = useField(name);
  const value = useWatch({ name }) as string | undefined;
  const utc = utcEquivalent(value, i18n.language);
  const utcId = `${id}-utc`;
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <Label htmlFor={id} label={label} optional={optional} />
      <div id={hintId} className="hint">
        {hint ? <>{hint} </> : null}
        {t('layout.dateTime.inZone', { zone: userTimeZone() })}
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
      <p id={utcId} className="hint date-time-utc" aria-live="polite">
        {utc ? t('layout.dateTime.utc', { time: utc }) : ''}
      </p>
    </div>
  );
}

/** Offers to convert Burmese typed in Zawgyi to Unicode (see ZawgyiNotice) for a field of the surrounding form. */
export function ZawgyiCheck({ name }: { name: string }) {
  const { setValue } = useFormContext();
  const value: unknown = useWatch({ name });
  return (
    <ZawgyiNotice
      value={value}
      onConvert={(unicode) => setValue(name, unicode, { shouldDirty: true, shouldValidate: true })}
    />
  );
}

export interface PasswordFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  autoComplete: 'current-password' | 'new-password';
}

/** A password input with a "Show" button (GOV.UK password input): fewer typos on phones, no confirm field needed. */
export function PasswordField({ name, label, hint, autoComplete }: PasswordFieldProps) {
  const { t } = useTranslation();
  const { id, hintId, errorId, register, error } = useField(name);
  // null until the user presses the button, so nothing is announced on page load.
  const [shown, setShown] = useState<boolean | null>(null);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <Label htmlFor={id} label={label} />
      <Hint id={hintId}>{hint}</Hint>
      <FieldError id={errorId} name={name} message={error} />
      <div className="password-input">
        <input
          id={id}
          type={shown ? 'text' : 'password'}
          className={cx('input', error && 'input--error')}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
          aria-invalid={error ? true : undefined}
          {...register(name)}
        />
        <Button variant="secondary" aria-controls={id} onClick={() => setShown((s) => !s)}>
          {shown ? t('layout.password.hide') : t('layout.password.show')}
          <span className="visually-hidden"> {t('layout.password.password')}</span>
        </Button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {shown === null
          ? ''
          : shown
            ? t('layout.password.shownAnnouncement')
            : t('layout.password.hiddenAnnouncement')}
      </p>
    </div>
  );
}
