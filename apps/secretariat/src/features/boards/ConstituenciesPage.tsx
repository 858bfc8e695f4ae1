import { constituencyInput } from '@musyawarah/core/boards/schemas';
import {
  Button,
  CheckboxField,
  DataTable,
  ErrorNotice,
  Form,
  Loading,
  NoticeRegion,
  Page,
  Tag,
  TextField,
  useNotice,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import '../consultations/consultations.css';
import './boards.css';
import { english, useConstituencies, useConstituencyName } from './shared';

/** The managed list of constituencies that seats, nominations and targets name; the secretariat can add to it. */
export function ConstituenciesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const constituencies = useConstituencies();
  const name = useConstituencyName();
  const notice = useNotice();
  const form = useZodForm(constituencyInput, {
    defaultValues: { key: '', label: { en: '' }, marginalised: false },
  });
  const add = useMutation(trpc.boards.addConstituency.mutationOptions());
  return (
    <Page
      title={t('boards.constituencies.title')}
      width="full"
      backLink={{ to: '/boards', label: t('boards.list.title') }}
    >
      <p className="prose">{t('boards.constituencies.intro')}</p>
      <NoticeRegion />
      {constituencies.isPending ? (
        <Loading />
      ) : constituencies.isError ? (
        <ErrorNotice error={constituencies.error} onRetry={() => void constituencies.refetch()} />
      ) : (
        <DataTable
          caption={t('boards.constituencies.caption')}
          captionHidden
          rows={constituencies.data}
          rowKey={(c) => c.key}
          columns={[
            {
              key: 'label',
              header: t('boards.constituencies.label'),
              rowHeader: true,
              cell: (c) => name(c.key, c.label),
            },
            {
              key: 'marginalised',
              header: t('boards.constituencies.group'),
              cell: (c) =>
                c.marginalised ? (
                  <Tag tone="blue">{t('boards.constituencies.marginalised')}</Tag>
                ) : (
                  <Tag tone="grey">{t('boards.constituencies.other')}</Tag>
                ),
            },
          ]}
        />
      )}
      <div className="two-thirds">
        <h2 className="heading-l">{t('boards.constituencies.addHeading')}</h2>
        <Form
          form={form}
          id="constituency"
          onSubmit={async (values) => {
            const created = await add.mutateAsync(values);
            await queryClient.invalidateQueries({ queryKey: trpc.boards.constituencies.queryKey() });
            form.reset({ key: '', label: { en: '' }, marginalised: false });
            notice.success(t('boards.constituencies.added', { label: english(created.label) }));
          }}
        >
          <TextField name="label.en" label={t('boards.constituencies.label')} width="full" />
          <TextField
            name="key"
            label={t('boards.constituencies.key')}
            hint={t('boards.constituencies.keyHint')}
            width="20"
          />
          <CheckboxField
            name="marginalised"
            label={t('boards.constituencies.marginalisedLabel')}
            hint={t('boards.constituencies.marginalisedHint')}
          />
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('boards.constituencies.add')}
          </Button>
        </Form>
      </div>
    </Page>
  );
}
