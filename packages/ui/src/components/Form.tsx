// Client-side checks show `validation.*` keys because each app installs core's zod messages at start (main.tsx).
import { zodResolver } from '@hookform/resolvers/zod';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import {
  FormProvider,
  useForm,
  type FieldErrors,
  type FieldValues,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyServerError, type MappedServerError, type Message } from '../errors/server-error';
import type { ServerMessage } from '../errors/server-message';
import { useMessage } from '../i18n/translate';
import { fieldId, FormIdContext } from './field-parts';
import { usePageErrorFlag } from './Page';

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
  /** The message already in words (an app's `useServerMessage`), shown instead of translating `message`. */
  messageText?: string | null;
  items: SummaryItem[];
  /** Extra content under the message for a given message key (e.g. a link to send a confirmation again). */
  messageExtra?: ReactNode;
  focusToken: number;
}

/**
 * GOV.UK error summary: a box at the top of the form with the problem(s), each linking to its field. It takes focus
 * when it appears so screen-reader and keyboard users land on it.
 */
export function ErrorSummary({
  formId,
  message,
  messageText,
  items,
  messageExtra,
  focusToken,
}: ErrorSummaryProps) {
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
        {message && <p>{messageText ?? tm(message)}</p>}
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
  /**
   * Puts what `onSubmit` threw into words for the summary: the app's `useServerMessage`, which also reads the API keys
   * the shared locale lacks from the app's own namespace. Without it the summary knows only the shared keys.
   */
  serverMessage?: ServerMessage;
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
  serverMessage,
  children,
  ...rest
}: FormProps<TIn, TOut>) {
  const { i18n } = useTranslation();
  const [message, setMessage] = useState<Message | null>(null);
  const [messageText, setMessageText] = useState<string | null>(null);
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
          setMessageText(mapped.message && serverMessage ? serverMessage(error) : null);
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

  // The fields below read the form through context without knowing its values' type; react-hook-form's provider is
  // typed per form, and its method signatures (contravariant in the values) make a widening impossible without a cast.
  return (
    <FormProvider {...(form as unknown as UseFormReturn<FieldValues>)}>
      <FormIdContext.Provider value={id}>
        <form id={id} noValidate onSubmit={submit} aria-label={rest['aria-label']}>
          <ErrorSummary
            formId={id}
            message={message}
            messageText={messageText}
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
