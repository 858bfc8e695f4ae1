import { ErrorNotice, Loading, Page, errorStatus } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RequireSignIn, useMe } from '../../session';
import { useTRPC, type Me } from '../../trpc';
import './consultations.css';
import { inAudience, isUuid, useLocalized, useRound, type Draft, type RoundDetail } from './data';
import { ReadingLanguageProvider } from './reading-language';
import { RoundNotFound } from './RoundNotFound';
import { NotOpen } from './respond/NotOpen';
import { RespondForm } from './respond/RespondForm';

/** `/consultations/:id/respond`: the answer form, saved as it is filled in, submitted once. */
export function RespondPage() {
  const { id = '' } = useParams();
  if (!isUuid(id)) return <RoundNotFound />;
  return (
    <RequireSignIn>
      <RespondLoader roundId={id} />
    </RequireSignIn>
  );
}

function RespondLoader({ roundId }: { roundId: string }) {
  const trpc = useTRPC();
  const me = useMe();
  const round = useRound(roundId);
  const draft = useQuery({
    ...trpc.contributions.myDraft.queryOptions({ roundId }),
    staleTime: 0,
    gcTime: 0,
  });
  if (round.isPending || draft.isPending || !me.data) return <Loading />;
  if (round.isError) {
    if (errorStatus(round.error) === 404) return <RoundNotFound />;
    return <ErrorNotice error={round.error} onRetry={() => void round.refetch()} />;
  }
  if (draft.isError) return <ErrorNotice error={draft.error} onRetry={() => void draft.refetch()} />;
  if (round.data.phase !== 'open' || !inAudience(round.data, me.data.stakeholderGroup))
    return <NotOpen round={round.data} />;
  return (
    <ReadingLanguageProvider languages={round.data.languages}>
      <RespondPageBody round={round.data} draft={draft.data} me={me.data} />
    </ReadingLanguageProvider>
  );
}

function RespondPageBody({ round, draft, me }: { round: RoundDetail; draft: Draft | null; me: Me }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const title = pick(round.title);
  return (
    <Page
      title={t('consultations.respond.title')}
      caption={title.text}
      documentTitle={t('consultations.respond.documentTitle', { title: title.text })}
      backLink={{ to: `/consultations/${round.id}`, label: t('consultations.respond.backToRound') }}
    >
      <RespondForm round={round} draft={draft} me={me} />
    </Page>
  );
}
