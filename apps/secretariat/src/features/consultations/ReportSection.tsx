import { Button, languageAutonym, NotificationBanner, useFormat } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { useServerMessage, type RoundDetail } from './shared';

/** Rendering takes seconds per language in the background; the status is asked again until every language is ready. */
const POLL_MS = 3000;

/** The "What we heard" report (issue #17): publish it (or again), and see each language's PDF and web page as they are ready. */
export function ReportSection({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [problem, setProblem] = useState<string | null>(null);
  const closed = round.phase === 'closed' || round.phase === 'summary_published';
  const status = useQuery({
    ...trpc.reports.roundStatus.queryOptions({ roundId: round.id }),
    enabled: closed,
    refetchInterval: (query) => (query.state.data?.languages.some((l) => !l.ready) ? POLL_MS : false),
  });
  const publish = useMutation(
    trpc.reports.publishRound.mutationOptions({
      onSuccess: async () => {
        setProblem(null);
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
      },
      onError: (e) => setProblem(serverMessage(e)),
    }),
  );
  if (!closed) return <p>{t('consultations.report.notYet')}</p>;
  const publication = status.data?.publication ?? null;
  const languages = status.data?.languages ?? [];
  const ready = languages.filter((l) => l.ready).length;
  return (
    <div className="consult-report">
      <p>{t('consultations.report.intro')}</p>
      {problem && (
        <NotificationBanner tone="error">
          <p>{problem}</p>
        </NotificationBanner>
      )}
      {publication && (
        <>
          <p role="status">
            {t('consultations.report.published', {
              version: publication.version,
              date: format.dateTime(publication.publishedAt),
            })}{' '}
            {t('consultations.report.progress', { ready, total: languages.length })}
          </p>
          <ul className="consult-report__languages">
            {languages.map((l) => (
              <li key={l.locale} lang={l.locale}>
                <span>{languageAutonym(l.locale)}</span>{' '}
                {l.ready ? (
                  <>
                    <a href={l.pdf}>{t('consultations.report.pdf')}</a> ·{' '}
                    <a href={l.html}>{t('consultations.report.web')}</a>
                  </>
                ) : (
                  <span className="hint" lang="">
                    {t('consultations.report.pending')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <Button onClick={() => publish.mutate({ roundId: round.id })} isBusy={publish.isPending}>
        {publication ? t('consultations.report.publishAgain') : t('consultations.report.publish')}
      </Button>
    </div>
  );
}
