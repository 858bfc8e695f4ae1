// Client-side checks show `validation.*` keys because each app installs core's zod messages at start (main.tsx).
import { zodResolver } from '@hookform/resolvers/zod';
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type HTMLInputTypeAttribute,
  type ReactNode,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import {
  FormProvider,
  get,
  useForm,
  useFormContext,
  useWatch,
  type FieldErrors,
  type FieldValues,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyServerError, type MappedServerError, type Message } from '../errors/server-error';
import { useMessage } from '../i18n/translate';
import { Button } from './Button';
import { cx } from './cx';
import { usePageErrorFlag } from './Page';
import { ZawgyiNotice } from './ZawgyiNotice';

/**
 * react-hook-form with a shared zod schema from @musyawarah/core. Validation runs on submit (GOV.UK: no errors while
 * the user is still typing), focus goes to the error summary rather than the first field.
 */
export function useZodForm<TSchema extends z.ZodType<FieldValues, FieldValues>>(
  schema: TSchema,
  props: Omit<UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>, 'resolver'> = {},
): UseFormReturn<z.input<TSchema>, unknown, z.output<TSchema>> {
  return useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    resolver: zodResolver(schema),
    ...props,
  });
}

const FormIdContext = createContext<string>('form');

/** The DOM id of a field, shared by the input and the error summary link. */
export function fieldId(formId: string, name: string): string {
  return `${formId}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function useField(name: string) {
  const formId = useContext(FormIdContext);
  const { register, formState } = useFormContext();
  const id = fieldId(formId, name);
  const error = get<unknown, { message?: string } | undefined>(formState.errors, name);
  return {
    id,
    hintId: `${id}-hint`,
    errorId: `${id}-error`,
    register,
    error: error?.message ? error.message : error ? 'validation.invalid' : undefined,
  };
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

interface SummaryItem {
  path: string;
  message: string;
}

/** Flattens react-hook-form's nested error tree into `{ path, message }` items. */
export function flattenErrors(errors: FieldErrors, prefix = ''): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const node = value as Record<string, unknown>;
    if (typeof node.message === 'string' || typeof node.type === 'string') {
      items.push({
        path,
        message: typeof node.message === 'string' && node.message ? node.message : 'validation.invalid',
      });
    } else {
      items.push(...flattenErrors(node as FieldErrors, path));
    }
  }
  return items;
}

function domOrder(formId: string, items: SummaryItem[]): SummaryItem[] {
  if (typeof document === 'undefined') return items;
  return [...items].sort((a, b) => {
    const ea = document.getElementById(fieldId(formId, a.path));
    const eb = document.getElementById(fieldId(formId, b.path));
    if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

export interface ErrorSummaryProps {
  formId: string;
  message: Message | null;
  items: SummaryItem[];
  /** Extra content under the message for a given message key (e.g. a link to send a confirmation again). */
  messageExtra?: ReactNode;
  focusToken: number;
}

/**
 * GOV.UK error summary: a box at the top of the form with the problem(s), each linking to its field. It takes focus
 * when it appears so screen-reader and keyboard users land on it.
 */
export function ErrorSummary({ formId, message, items, messageExtra, focusToken }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const tm = useMessage();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const visible = !!message || items.length > 0;

  useEffect(() => {
    if (visible && focusToken > 0) ref.current?.focus();
  }, [focusToken, visible]);

  if (!visible) return null;

  const focusField = (event: ReactMouseEvent<HTMLAnchorElement>, path: string) => {
    const target = document.getElementById(fieldId(formId, path));
    if (!target) return;
    event.preventDefault();
    // Scroll the label or legend into view too, not just the input (GOV.UK behaviour).
    const group = target.closest('.form-group');
    target.focus({ preventScroll: true });
    (group ?? target).scrollIntoView({ block: 'start' });
  };

  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {t('layout.errorSummary.title')}
      </h2>
      <div className="error-summary__body">
        {message && <p>{tm(message)}</p>}
        {messageExtra}
        {items.length > 0 && (
          <ul className="error-summary__list">
            {items.map((item) => (
              <li key={item.path}>
                <a href={`#${fieldId(formId, item.path)}`} onClick={(e) => focusField(e, item.path)}>
                  {tm(item.message, { form: formId, path: item.path })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

export interface FormProps<TIn extends FieldValues, TOut> {
  form: UseFormReturn<TIn, unknown, TOut>;
  /** Prefix for field ids; unique on the page. */
  id: string;
  /** Called with the parsed values. Throw (e.g. a tRPC error) to show it in the summary and next to the fields. */
  onSubmit: (values: TOut) => unknown; // may return a promise; the form waits for it
  /** Called with the mapped error after a failed submit (to react to specific keys). */
  onServerError?: (mapped: MappedServerError, error: unknown) => void;
  /** Extra content in the error summary for a given message key. */
  renderMessageExtra?: (key: string) => ReactNode;
  /** Accessible name of the form when a page has several. */
  'aria-label'?: string;
  children: ReactNode;
}

/**
 * A form wired to react-hook-form: client-side zod validation, server errors mapped through `applyServerError`, an
 * error summary on top, and the page title prefixed with "Error:" while errors show. Native validation is off
 * (`noValidate`) so every message comes from the same translated schema.
 */
export function Form<TIn extends FieldValues, TOut>({
  form,
  id,
  onSubmit,
  onServerError,
  renderMessageExtra,
  children,
  ...rest
}: FormProps<TIn, TOut>) {
  const { i18n } = useTranslation();
  const [message, setMessage] = useState<Message | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const page = usePageErrorFlag();

  const items = domOrder(id, flattenErrors(form.formState.errors));
  const visible = !!message || items.length > 0;

  useEffect(() => {
    page?.setHasError(visible);
    return () => page?.setHasError(false);
  }, [page, visible]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    void form.handleSubmit(
      async (values) => {
        setMessage(null);
        try {
          await onSubmit(values);
        } catch (error) {
          const mapped = applyServerError(error, form.setError, (key) => i18n.exists(key));
          setMessage(mapped.message);
          onServerError?.(mapped, error);
          setFocusToken((n) => n + 1);
        }
      },
      () => {
        setMessage(null);
        setFocusToken((n) => n + 1);
      },
    )(event);
  };

  return (
    <FormProvider {...(form as unknown as UseFormReturn<FieldValues>)}>
      <FormIdContext.Provider value={id}>
        <form id={id} noValidate onSubmit={submit} aria-label={rest['aria-label']}>
          <ErrorSummary
            formId={id}
            message={message}
            items={items}
            focusToken={focusToken}
            messageExtra={message && renderMessageExtra ? renderMessageExtra(message.key) : undefined}
          />
          {children}
        </form>
      </FormIdContext.Provider>
    </FormProvider>
  );
}

function FieldError({ id, name, message }: { id: string; name: string; message: string | undefined }) {
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

function Label({ htmlFor, label, optional }: { htmlFor: string; label: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <label className="label" htmlFor={htmlFor}>
      {label}
      {optional && <span className="optional"> {t('layout.optional')}</span>}
    </label>
  );
}

export interface TextFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'search' | 'tel' | 'url';
  spellCheck?: boolean;
  optional?: boolean;
  width?: 'full' | '20' | '30';
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
}: TextFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <Label htmlFor={id} label={label} optional={optional} />
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      <FieldError id={errorId} name={name} message={error} />
      <input
        id={id}
        type={type}
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
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
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

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export interface SelectFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: Option[];
  /** Label of the empty first option; choosing it sets the value to undefined. */
  placeholder?: string;
  optional?: boolean;
}

export function SelectField({ name, label, hint, options, placeholder, optional }: SelectFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <Label htmlFor={id} label={label} optional={optional} />
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
        {...register(name, { setValueAs: (v: unknown) => (v === '' || v === null ? undefined : v) })}
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

export interface RadioGroupFieldProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: Option[];
  optional?: boolean;
}

/** Radios in a fieldset; the error summary links to the first radio. */
export function RadioGroupField({ name, legend, hint, options, optional }: RadioGroupFieldProps) {
  const { t } = useTranslation();
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <fieldset className="fieldset" aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}>
        <legend className="legend">
          {legend}
          {optional && <span className="optional"> {t('layout.optional')}</span>}
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
                  type="radio"
                  className="choice__input"
                  value={o.value}
                  aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                  {...register(name)}
                />
                {/* The hint sits beside the label, not in it: inside, it would be read twice, as the name and
                    again as the description. */}
                <div className="choice__text">
                  <label className="choice__label" htmlFor={optionId}>
                    {o.label}
                  </label>
                  {o.hint && (
                    <div id={`${optionId}-hint`} className="choice__hint">
                      {o.hint}
                    </div>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export interface CheckboxFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** A single checkbox (e.g. consent). Links belong in the hint, not the label (a click on the label toggles the box). */
export function CheckboxField({ name, label, hint }: CheckboxFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      <FieldError id={errorId} name={name} message={error} />
      <div className="choice">
        <input
          id={id}
          type="checkbox"
          className="choice__input"
          aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
          aria-invalid={error ? true : undefined}
          {...register(name)}
        />
        <label className="choice__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}
