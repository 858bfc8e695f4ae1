import { checkDocument, DOCUMENT_ACCEPT, documentFieldsInput } from '@musyawarah/core/consultation/documents';
import { LANGUAGES } from '@musyawarah/core/domain';
import {
  Button,
  ButtonGroup,
  DataTable,
  ErrorNotice,
  Form,
  languageAutonym,
  languageLabel,
  LinkButton,
  Loading,
  ModalDialog,
  NoticeRegion,
  SelectField,
  TextField,
  cx,
  fieldId,
  useFormat,
  useMessage,
  useNotice,
  useNoticeBeside,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC, type Outputs } from '../../trpc';
import { useServerMessage, type RoundDetail } from './shared';

export type RoundDocument = Outputs['roundDocuments']['adminList'][number];

/** "2.4 MB", "830 kB" in the reader's locale. */
export function useFileSize() {
  const { i18n } = useTranslation();
  return (bytes: number) => {
    const [value, unit] =
      bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(bytes / 1000, 0.1), 'kilobyte'];
    return new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value);
  };
}

/** The same rule the API applies (core's checkDocument), on what the browser knows before sending: size and name. */
const uploadSchema = documentFieldsInput.omit({ roundId: true }).extend({
  file: z
    .custom<FileList>(
      (value) => typeof FileList !== 'undefined' && value instanceof FileList && value.length === 1,
      {
        error: 'round.documentMissing',
      },
    )
    .superRefine((files, ctx) => {
      const file = files[0];
      if (!file) return;
      const check = checkDocument({ name: file.name, size: file.size });
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
    }),
});

export function DocumentsSection({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  // An upload is said after its form, at the foot of the tab, where the person pressed the button (at 375 px the top
  // of the page is out of sight).
  const uploaded = useNoticeBeside({ headingLevel: 4 });
  const trpc = useTRPC();
  const documents = useQuery(trpc.roundDocuments.adminList.queryOptions({ roundId: round.id }));
  // A browser keeps a chosen file in its input whatever the form state says: a fresh form after each upload clears it.
  const [uploads, setUploads] = useState({ count: 0, language: 'en' });
  return (
    <>
      <p>{t('consultations.documents.intro')}</p>
      {round.phase === 'draft' && <p className="hint">{t('consultations.documents.draftHint')}</p>}
      {/* What a deletion did is said just above the list, where the person chose the document. */}
      <NoticeRegion headingLevel={3}>
        {documents.isPending ? (
          <Loading />
        ) : documents.isError ? (
          <ErrorNotice error={documents.error} onRetry={() => void documents.refetch()} />
        ) : (
          <DocumentsTable documents={documents.data} downloadable={round.phase !== 'draft'} />
        )}
      </NoticeRegion>
      <h3 className="heading-m">{t('consultations.documents.uploadHeading')}</h3>
      <UploadForm
        key={uploads.count}
        roundId={round.id}
        language={uploads.language}
        onUploaded={(title, language) => {
          setUploads((prev) => ({ count: prev.count + 1, language }));
          uploaded.success(t('consultations.documents.uploaded', { title }));
        }}
      />
      {uploaded.region}
    </>
  );
}

function DocumentsTable({ documents, downloadable }: { documents: RoundDocument[]; downloadable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = useFileSize();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [deleting, setDeleting] = useState<RoundDocument | null>(null);
  const notice = useNotice();
  const remove = useMutation(
    trpc.roundDocuments.delete.mutationOptions({
      onSuccess: async () => {
        const title = deleting?.title ?? '';
        setDeleting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.roundDocuments.pathKey() });
        notice.success(t('consultations.documents.deleted', { title }));
      },
      onError: (error) => {
        setDeleting(null);
        notice.error(serverMessage(error));
      },
    }),
  );
  if (documents.length === 0) return <p>{t('consultations.documents.none')}</p>;
  return (
    <>
      <DataTable<RoundDocument>
        caption={t('consultations.documents.caption')}
        captionHidden
        rows={documents}
        rowKey={(d) => d.id}
        columns={[
          {
            key: 'title',
            header: t('consultations.documents.columns.title'),
            rowHeader: true,
            cell: (d) => (
              <span lang={d.language}>
                {downloadable ? (
                  <a href={d.url} download={d.filename}>
                    {d.title}
                  </a>
                ) : (
                  d.title
                )}
                <br />
                <span className="hint">{d.filename}</span>
              </span>
            ),
          },
          {
            key: 'language',
            header: t('consultations.documents.columns.language'),
            cell: (d) => <span lang={d.language}>{languageAutonym(d.language)}</span>,
          },
          {
            key: 'kind',
            header: t('consultations.documents.columns.kind'),
            cell: (d) => t(`consultations.documents.kind.${d.kind ?? 'other'}`),
          },
          {
            key: 'size',
            header: t('consultations.documents.columns.size'),
            className: 'numeric',
            cell: (d) => size(d.sizeBytes),
          },
          {
            key: 'downloads',
            header: t('consultations.documents.columns.downloads'),
            className: 'numeric',
            cell: (d) => d.downloadCount,
          },
          {
            key: 'added',
            header: t('consultations.documents.columns.added'),
            cell: (d) => format.date(d.createdAt),
          },
          {
            key: 'actions',
            header: t('consultations.documents.columns.actions'),
            cell: (d) => (
              <LinkButton onClick={() => setDeleting(d)}>
                {t('consultations.documents.delete')}
                <span className="visually-hidden"> {d.title}</span>
              </LinkButton>
            ),
          },
        ]}
      />
      <ModalDialog
        isOpen={deleting !== null}
        onOpenChange={(isOpen) => !isOpen && setDeleting(null)}
        title={t('consultations.documents.confirmTitle')}
        tone="warning"
      >
        <p>
          {t('consultations.documents.confirmBody', {
            title: deleting?.title ?? '',
            count: deleting?.downloadCount ?? 0,
          })}
        </p>
        <ButtonGroup>
          <Button
            variant="warning"
            disabled={remove.isPending}
            onClick={() => deleting && remove.mutate({ documentId: deleting.id })}
          >
            {t('consultations.documents.confirmDelete')}
          </Button>
          <LinkButton onClick={() => setDeleting(null)}>{t('consultations.documents.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}

function UploadForm({
  roundId,
  language,
  onUploaded,
}: {
  roundId: string;
  language: string;
  onUploaded: (title: string, language: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(uploadSchema, {
    defaultValues: { title: '', language: language as (typeof LANGUAGES)[number] },
  });
  const upload = useMutation(trpc.roundDocuments.upload.mutationOptions());
  const languages = LANGUAGES.map((code) => ({ value: code, label: languageLabel(code) }));
  return (
    <Form
      form={form}
      id="document-upload"
      aria-label={t('consultations.documents.uploadHeading')}
      onSubmit={async (values) => {
        const data = new FormData();
        data.set('roundId', roundId);
        data.set('title', values.title);
        data.set('language', values.language);
        data.set('file', values.file[0]!);
        const document = await upload.mutateAsync(data);
        await queryClient.invalidateQueries({ queryKey: trpc.roundDocuments.pathKey() });
        onUploaded(document.title, values.language);
      }}
    >
      <TextField
        name="title"
        label={t('consultations.documents.fields.title')}
        hint={t('consultations.documents.fields.titleHint')}
        width="full"
      />
      <SelectField name="language" label={t('consultations.documents.fields.language')} options={languages} />
      <FileField
        name="file"
        label={t('consultations.documents.fields.file')}
        hint={t('consultations.documents.fields.fileHint')}
      />
      <Button type="submit" disabled={upload.isPending}>
        {upload.isPending ? t('consultations.documents.uploading') : t('consultations.documents.upload')}
      </Button>
    </Form>
  );
}

/** A GOV.UK file upload wired to the surrounding kit Form (same ids, error markup and summary links as its fields). */
function FileField({ name, label, hint }: { name: string; label: string; hint: string }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const { register, formState } = useFormContext();
  const id = fieldId('document-upload', name);
  const error = (formState.errors[name]?.message as string | undefined) ?? undefined;
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="hint">
        {hint}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
          {tm(error, { form: 'document-upload', path: name })}
        </p>
      )}
      <input
        id={id}
        type="file"
        accept={DOCUMENT_ACCEPT}
        className="file-upload"
        aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      />
    </div>
  );
}
