import { Button, languageAutonym, useFormat, useNoticeBeside, type NoticeBeside } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';
import { useServerMessage, type RoundDetail } from './shared';

/** Rendering takes seconds per language in the background; the status is asked again until every language is ready. */
export const REPORT_POLL_MS = 3000;

type ReportStatus = Outputs['reports']['roundStatus'];

/**
 * A published report's languages as they are ready, and the button that publishes it (again): shared by the round's
 * "What we heard" and the review cycle's "You said, we did".
 */
export function ReportPublishing({
  intro,
  status,
  onPublish,
  isPublishing,
  notice,
}: {
  intro: string;
  status: ReportStatus | undefined;
  onPublish: () => void;
  isPublishing: boolean;
  /** Where a refused or failed publication is said: beside the button (the section sits far down the page). */
  notice: NoticeBeside;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const publication = status?.publication ?? null;
  const languages = status?.languages ?? [];
  const ready = languages.filter((l) => l.ready).length;
  return (
    <div className="consult-report">
      <p>{intro}</p>
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
      <Button onClick={onPublish} isBusy={isPublishing}>
        {publication ? t('consultations.report.publishAgain') : t('consultations.report.publish')}
      </Button>
      {notice.region}
    </div>
  );
}

/** The "What we heard" report (issue #17): publish it (or again), and see each language's PDF and web page as they are ready. */
export function ReportSection({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const notice = useNoticeBeside({ headingLevel: 4 });
  const closed = round.phase === 'closed' || round.phase === 'summary_published';
  const status = useQuery({
    ...trpc.reports.roundStatus.queryOptions({ roundId: round.id }),
    enabled: closed,
    refetchInterval: (query) => (query.state.data?.languages.some((l) => !l.ready) ? REPORT_POLL_MS : false),
  });
  const publish = useMutation(
    trpc.reports.publishRound.mutationOptions({
      onSuccess: async () => {
        notice.clear();
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
      },
      onError: (e) => notice.error(serverMessage(e)),
    }),
  );
  if (!closed) return <p>{t('consultations.report.notYet')}</p>;
  return (
    <ReportPublishing
      intro={t('consultations.report.intro')}
      status={status.data}
      onPublish={() => publish.mutate({ roundId: round.id })}
      isPublishing={publish.isPending}
      notice={notice}
    />
  );
}
