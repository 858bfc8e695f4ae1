import { ErrorNotice, Loading, Page, useNotice } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useTRPC } from '../../trpc';
import './consultations.css';
import { emptyRound, roundToForm } from './roundForm';
import { english } from './shared';
import { RoundForm } from './round-editor/RoundForm';

export function NewRoundPage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('consultations.editor.newTitle')}
      backLink={{ to: '/consultations', label: t('consultations.list.title') }}
    >
      <RoundForm initial={emptyRound()} />
    </Page>
  );
}

export function EditRoundPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const trpc = useTRPC();
  const round = useQuery(trpc.rounds.adminGet.queryOptions({ roundId }));
  const notice = useNotice();
  return (
    <Page
      title={t('consultations.editor.editTitle')}
      caption={round.data ? english(round.data.title) : undefined}
      backLink={{ to: `/consultations/${roundId}`, label: t('consultations.round.back') }}
    >
      {round.isPending ? (
        <Loading />
      ) : round.isError ? (
        <ErrorNotice error={round.error} onRetry={() => void round.refetch()} />
      ) : (
        <RoundForm
          key={round.data.version}
          round={round.data}
          initial={roundToForm(round.data)}
          onReloaded={() => notice.success(t('consultations.editor.reloaded'))}
        />
      )}
    </Page>
  );
}
