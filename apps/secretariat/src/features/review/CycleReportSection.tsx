import { useNoticeBeside, useServerMessage } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { REPORT_POLL_MS, ReportPublishing } from '../consultations/ReportSection';
import type { Cycle } from './CyclePage';

/**
 * The "You said, we did" report of an adopted cycle (issue #17): publish it (or again), and see each language's PDF
 * and web page as they are ready. Participants find it on the edition's "You said, we did" page.
 */
export function CycleReportSection({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const notice = useNoticeBeside({ headingLevel: 3 });
  const adopted = cycle.stage === 'adopted' && cycle.publishedAt !== null;
  const status = useQuery({
    ...trpc.reports.cycleStatus.queryOptions({ cycleId: cycle.id }),
    enabled: adopted,
    refetchInterval: (query) => (query.state.data?.languages.some((l) => !l.ready) ? REPORT_POLL_MS : false),
  });
  const publish = useMutation(
    trpc.reports.publishCycle.mutationOptions({
      onSuccess: async () => {
        notice.clear();
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
      },
      onError: (e) => notice.error(serverMessage(e)),
    }),
  );
  return (
    <section aria-labelledby="cycle-report-heading">
      <h2 className="heading-l" id="cycle-report-heading">
        {t('reviews.report.heading')}
      </h2>
      {adopted ? (
        <ReportPublishing
          intro={t('reviews.report.intro')}
          status={status.data}
          onPublish={() => publish.mutate({ cycleId: cycle.id })}
          isPublishing={publish.isPending}
          notice={notice}
        />
      ) : (
        <p>{t('reviews.report.notYet')}</p>
      )}
    </section>
  );
}
