import {
  Button,
  ButtonGroup,
  DataTable,
  ErrorNotice,
  LinkButton,
  Loading,
  ModalDialog,
  useFormat,
  useNoticeBeside,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../../trpc';
import { useServerMessage } from '../shared';
import type { SessionDetail } from './types';

/** The satisfaction and trust survey: only aggregates, and not even those while one or two unsigned answers could be read. */
export function Survey({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const results = useQuery(trpc.boards.surveyResults.queryOptions({ sessionId: session.id }));
  return (
    <section aria-labelledby="survey-heading">
      <h2 className="heading-l" id="survey-heading">
        {t('boards.survey.heading')}
      </h2>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <>
          <SurveyState results={results.data} />
          <SurveyResults results={results.data} />
        </>
      )}
    </section>
  );
}

/** Whether members can still answer; closing early lets the results show (aggregates wait for a closed survey). */
function SurveyState({ results }: { results: Outputs['boards']['surveyResults'] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const serverMessage = useServerMessage();
  const [open, setOpen] = useState(false);
  // The survey is the last part of a long page: a refusal is said beside its button, not at the top.
  const notice = useNoticeBeside({ headingLevel: 3 });
  const close = useMutation(
    trpc.boards.closeSurvey.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
      },
      onError: (error) => {
        setOpen(false);
        notice.error(serverMessage(error));
      },
    }),
  );
  return (
    <>
      <p>
        {results.surveyClosedAt
          ? t('boards.survey.closedOn', { date: format.dateTime(results.surveyClosedAt) })
          : results.surveyOpen
            ? t('boards.survey.open')
            : t('boards.survey.notOpen')}
      </p>
      {results.surveyOpen && (
        <>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t('boards.survey.close')}
          </Button>
          <ModalDialog isOpen={open} onOpenChange={setOpen} title={t('boards.survey.closeTitle')}>
            <p>{t('boards.survey.closeBody')}</p>
            <ButtonGroup>
              <Button isBusy={close.isPending} onClick={() => close.mutate({ sessionId: results.sessionId })}>
                {t('boards.survey.close')}
              </Button>
              <LinkButton onClick={() => setOpen(false)}>{t('boards.cancel')}</LinkButton>
            </ButtonGroup>
          </ModalDialog>
        </>
      )}
      {notice.region}
    </>
  );
}

function SurveyResults({ results }: { results: Outputs['boards']['surveyResults'] }) {
  const { t } = useTranslation();
  const summaries = [
    { key: 'satisfaction', summary: results.satisfaction },
    { key: 'trust', summary: results.trust },
  ].filter(
    (r): r is { key: string; summary: NonNullable<typeof results.satisfaction> } => r.summary !== null,
  );
  return (
    <>
      <p>{t('boards.survey.responses', { count: results.responses })}</p>
      {results.suppressed && <p>{t('boards.survey.suppressed')}</p>}
      {summaries.length > 0 && (
        <DataTable
          caption={t('boards.survey.caption')}
          rows={summaries}
          rowKey={(r) => r.key}
          columns={[
            {
              key: 'question',
              header: t('boards.survey.question'),
              rowHeader: true,
              cell: (r) => t(`boards.survey.${r.key}`),
            },
            {
              key: 'mean',
              header: t('boards.survey.mean'),
              className: 'numeric',
              cell: (r) => r.summary.mean ?? '—',
            },
            ...[1, 2, 3, 4, 5].map((score) => ({
              key: `s${score}`,
              header: t('boards.survey.scoreColumn', { score }),
              className: 'numeric',
              cell: (r: { summary: { distribution: number[] } }) => r.summary.distribution[score - 1] ?? 0,
            })),
          ]}
        />
      )}
      {results.signed.length > 0 && (
        <>
          <h3 className="heading-m">{t('boards.survey.signedHeading')}</h3>
          <ul className="board-list">
            {results.signed.map((r, index) => (
              <li key={r.userId ?? index}>
                <p>
                  <strong>{r.name}</strong>:{' '}
                  {t('boards.survey.signedScores', { satisfaction: r.satisfaction, trust: r.trust })}
                </p>
                {r.comment && <p className="board-pre">{r.comment}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {results.anonymousComments.length > 0 && (
        <>
          <h3 className="heading-m">{t('boards.survey.anonymousHeading')}</h3>
          <ul className="board-list">
            {results.anonymousComments.map((comment, index) => (
              <li key={index} className="board-pre">
                {comment}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
