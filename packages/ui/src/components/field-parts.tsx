import { createContext, useContext, type ReactNode } from 'react';
import { get, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../i18n/translate';

/** The `id` of the surrounding `<Form>`: fields prefix their ids with it so the error summary can link to them. */
export const FormIdContext = createContext<string>('form');

/** The DOM id of a field, shared by the input and the error summary link. */
export function fieldId(formId: string, name: string): string {
  return `${formId}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Ids, `register` and the translated-message key of a field's error, from the surrounding form's state. */
export function useField(name: string) {
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

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

/** The message under a field's label; `message` is a translation key (or a server message). */
export function FieldError({
  id,
  name,
  message,
}: {
  id?: string;
  name: string;
  message: string | undefined;
}) {
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

/** A label or legend text with "(optional)" after it when asked. */
export function LabelText({ label, optional }: { label: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {optional && <span className="optional"> {t('layout.optional')}</span>}
    </>
  );
}

export function Label({
  htmlFor,
  label,
  optional,
}: {
  htmlFor: string;
  label: ReactNode;
  optional?: boolean;
}) {
  return (
    <label className="label" htmlFor={htmlFor}>
      <LabelText label={label} optional={optional} />
    </label>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div id={id} className="hint">
      {children}
    </div>
  );
}
