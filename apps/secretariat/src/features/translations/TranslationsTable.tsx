import {
  placeholderDifference,
  translationTokens,
  TRANSLATION_MAX_LENGTH,
  type TranslationState,
} from '@musyawarah/api/translations-rules';
import {
  Button,
  Form,
  languageLabel,
  Tag,
  TextAreaField,
  useFormat,
  useZodForm,
  useServerMessage,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC, type Inputs, type Outputs } from '../../trpc';

type Locale = Outputs['translations']['locales'][number];
type Row = Outputs['translations']['list']['rows'][number];
type ListPage = Outputs['translations']['list'];
type ListInput = Inputs['translations']['list'];

const STATE_TONE: Record<TranslationState, 'red' | 'grey' | 'yellow' | 'green'> = {
  missing: 'red',
  draft: 'grey',
  changed: 'yellow',
  reviewed: 'green',
};

/** The English source beside the translation, one row per text, each editable and approvable in place. */
export function TranslationsTable({
  locale,
  rows,
  listInput,
  onApproved,
}: {
  locale: Locale;
  rows: Row[];
  listInput: ListInput;
  onApproved: (key: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table--stack translations-table" aria-describedby="translations-range">
        <caption className="visually-hidden">
          {t('translations.caption', { language: languageLabel(locale.code, i18n.language) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('translations.columns.key')}</th>
            <th scope="col">{t('translations.columns.english')}</th>
            <th scope="col">{t('translations.columns.translation')}</th>
            <th scope="col">{t('translations.columns.state')}</th>
            <th scope="col">{t('translations.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <TranslationRow
              key={`${row.scope}:${row.key}`}
              locale={locale}
              row={row}
              listInput={listInput}
              onApproved={onApproved}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Replaces one row of the list page in the cache: the row stays where it is, now reviewed, whatever the filter. */
function useRowUpdate(listInput: ListInput) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (updated: Row) => {
    queryClient.setQueryData(trpc.translations.list.queryKey(listInput), (page: ListPage | undefined) =>
      page
        ? {
            ...page,
            rows: page.rows.map((r) => (r.scope === updated.scope && r.key === updated.key ? updated : r)),
          }
        : page,
    );
    // Other pages and filters are out of date (fetched again when shown); the counts are fetched now.
    await queryClient.invalidateQueries({ queryKey: trpc.translations.list.pathKey(), refetchType: 'none' });
    await queryClient.invalidateQueries({ queryKey: trpc.translations.locales.queryKey() });
  };
}

function TranslationRow({
  locale,
  row,
  listInput,
  onApproved,
}: {
  locale: Locale;
  row: Row;
  listInput: ListInput;
  onApproved: (key: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const serverMessage = useServerMessage();
  const updateRow = useRowUpdate(listInput);
  const [editing, setEditing] = useState(false);
  const actions = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);
  const approveAsIs = useMutation(trpc.translations.approveAsIs.mutationOptions());
  const id = `${row.scope}:${row.key}`;

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      actions.current?.querySelector('button')?.focus();
    }
  }, [editing]);

  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  return (
    <tr>
      <th scope="row" data-label={t('translations.columns.key')}>
        <div>
          <span className="mono translations-table__key">
            {row.key.split('.').map((part, i) => (
              // A line may break after each dot of a long key, not inside a word.
              <span key={i}>
                {i > 0 && '.'}
                {i > 0 && <wbr />}
                {part}
              </span>
            ))}
          </span>
          <span className="text-secondary text-small translations-table__scope">
            {t(`translations.scope.${row.scope}`)}
          </span>
        </div>
      </th>
      <td data-label={t('translations.columns.english')}>
        <div lang="en" className="translations-table__text">
          {row.english}
        </div>
      </td>
      <td data-label={t('translations.columns.translation')} className="translations-table__translation">
        <div>
          {editing ? (
            <EditForm
              locale={locale}
              row={row}
              onCancel={close}
              onApproved={async (updated) => {
                await updateRow(updated);
                onApproved(id);
                close();
              }}
            />
          ) : row.translation === null ? (
            <span className="text-secondary">{t('translations.noTranslation')}</span>
          ) : (
            <span lang={locale.code} className="translations-table__text">
              {row.translation}
            </span>
          )}
        </div>
      </td>
      <td data-label={t('translations.columns.state')}>
        <div>
          <Tag tone={STATE_TONE[row.state]}>{t(`translations.state.${row.state}`)}</Tag>
          {row.state === 'reviewed' && (row.reviewedBy || row.reviewedAt) && (
            <span className="text-small translations-table__reviewed">
              {row.reviewedBy && t('translations.reviewedBy', { name: row.reviewedBy })}{' '}
              {row.reviewedAt && (
                <time dateTime={format.isoString(row.reviewedAt)}>
                  {t('translations.reviewedOn', { date: format.date(row.reviewedAt) })}
                </time>
              )}
            </span>
          )}
        </div>
      </td>
      <td data-label={t('translations.columns.actions')} className="actions">
        <div className="translations-table__actions" ref={actions}>
          {!editing && (
            <Button variant="secondary" size="small" onClick={() => setEditing(true)}>
              {row.translation === null ? t('translations.edit.translate') : t('translations.edit.button')}
              <span className="visually-hidden"> {id}</span>
            </Button>
          )}
          {!editing && row.translation !== null && row.state !== 'reviewed' && (
            <Button
              variant="secondary"
              size="small"
              isBusy={approveAsIs.isPending}
              onClick={() =>
                approveAsIs.mutate(
                  { locale: locale.code, scope: row.scope, key: row.key },
                  {
                    // mutate's per-call callbacks are not awaited: the row is updated, then the list moves on.
                    onSuccess: (updated) => void updateRow(updated).then(() => onApproved(id)),
                  },
                )
              }
            >
              {t('translations.approveAsIs')}
              <span className="visually-hidden"> {id}</span>
            </Button>
          )}
          {approveAsIs.isError && (
            <p className="field-error" role="alert">
              {serverMessage(approveAsIs.error)}
            </p>
          )}
        </div>
      </td>
    </tr>
  );
}

function EditForm({
  locale,
  row,
  onCancel,
  onApproved,
}: {
  locale: Locale;
  row: Row;
  onCancel: () => void;
  onApproved: (updated: Row) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const approve = useMutation(trpc.translations.approve.mutationOptions());
  // The same rules as the API: not empty, every placeholder, tag and reference of the English kept, none added.
  const schema = useMemo(
    () =>
      z.object({
        text: z
          .string()
          .max(TRANSLATION_MAX_LENGTH)
          .refine((text) => text.trim() !== '', { error: 'validation.translationRequired', abort: true })
          .refine((text) => !placeholderDifference(row.english, text, row.key), {
            error: 'validation.placeholdersDiffer',
          }),
      }),
    [row.english, row.key],
  );
  const form = useZodForm(schema, { defaultValues: { text: row.translation ?? '' } });
  const formId = `translation-${row.scope}-${row.key}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const tokens = [...new Set(translationTokens(row.english))];

  useEffect(() => form.setFocus('text'), [form]);

  return (
    <Form
      form={form}
      id={formId}
      onSubmit={async ({ text }) => {
        const updated = await approve.mutateAsync({
          locale: locale.code,
          scope: row.scope,
          key: row.key,
          text,
        });
        await onApproved(updated);
      }}
    >
      <TextAreaField
        name="text"
        label={t('translations.edit.label', { language: languageLabel(locale.code, i18n.language) })}
        hint={
          tokens.length > 0 ? (
            <>
              {t('translations.edit.keep')}{' '}
              {tokens.map((token) => (
                <code key={token} className="mono translations-table__token">
                  {token}
                </code>
              ))}
            </>
          ) : undefined
        }
        rows={Math.min(8, Math.max(3, Math.ceil(row.english.length / 40)))}
        lang={locale.code}
      />
      <div className="translations-table__form-actions">
        <Button type="submit" isBusy={approve.isPending}>
          {t('translations.edit.approve')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('translations.edit.cancel')}
        </Button>
      </div>
    </Form>
  );
}
