import { ErrorNotice, Loading, Page, useNotice } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCycle } from './CyclePage';
import { useBaseCatalogue } from './baseCatalogue';
import { useEditRows } from './EditsPage';
import '@musyawarah/ui/review.css';
import { CycleSections } from './shared';
import { EditForm } from './edit/EditForm';

/** `/review/cycles/:cycleId/edits/new` */
export function NewEditPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const base = useBaseCatalogue(cycle.data?.baseEditionNumber, []);
  return (
    <Page
      title={t('reviews.editor.pageTitle')}
      caption={cycle.data?.title.en}
      width="full"
      backLink={{ to: `/review/cycles/${cycleId}/edits`, label: t('reviews.edits.title') }}
    >
      <CycleSections cycleId={cycleId} />
      {cycle.isPending || base.isPending ? (
        <Loading />
      ) : cycle.isError ? (
        <ErrorNotice error={cycle.error} onRetry={() => void cycle.refetch()} />
      ) : !base.catalogue ? (
        <ErrorNotice error={base.error} />
      ) : (
        <EditForm cycle={cycle.data} />
      )}
    </Page>
  );
}

/** `/review/cycles/:cycleId/edits/:editId/edit` */
export function EditEditPage() {
  const { t } = useTranslation();
  const { cycleId = '', editId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const rows = useEditRows(cycleId);
  const edit = rows.data?.rows.find((r) => r.edit.id === editId)?.edit;
  const base = useBaseCatalogue(cycle.data?.baseEditionNumber, []);
  const notice = useNotice();
  return (
    <Page
      title={t('reviews.editor.editTitle')}
      caption={cycle.data?.title.en}
      width="full"
      backLink={{ to: `/review/cycles/${cycleId}/edits`, label: t('reviews.edits.title') }}
    >
      <CycleSections cycleId={cycleId} />
      {cycle.isPending || rows.isPending || base.isPending ? (
        <Loading />
      ) : cycle.isError || rows.isError || !base.catalogue ? (
        <ErrorNotice
          error={cycle.error ?? rows.error ?? base.error}
          onRetry={() => void Promise.all([cycle.refetch(), rows.refetch()])}
        />
      ) : !edit ? (
        <ErrorNotice error={{ message: 'review.editNotFound', data: { httpStatus: 404 } }} />
      ) : (
        <EditForm
          key={edit.version}
          cycle={cycle.data}
          edit={edit}
          onReloaded={() => notice.success(t('reviews.conflict.reloaded'))}
        />
      )}
    </Page>
  );
}
