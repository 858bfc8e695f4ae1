import { ErrorNotice, Loading } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { type PublicContribution, type RoundDetail } from '../data';
import { PublicContributionItem } from './PublicContributionItem';
import { ReportDialog } from './ReportDialog';

export function PublicRecord({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.contributions.listPublic.queryOptions({ roundId: round.id }));
  const [reporting, setReporting] = useState<PublicContribution | null>(null);
  const [reported, setReported] = useState<string[]>([]);
  return (
    <section aria-labelledby="public-record" className="public-record">
      <h2 className="heading-l" id="public-record">
        {t('consultations.record.title')}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{t('consultations.record.none')}</p>
      ) : (
        <>
          <p className="two-thirds">{t('consultations.record.intro', { count: list.data.length })}</p>
          <ul className="contribution-list">
            {list.data.map((c) => (
              <PublicContributionItem
                key={c.id}
                round={round}
                contribution={c}
                reported={reported.includes(c.id)}
                onReport={() => setReporting(c)}
              />
            ))}
          </ul>
        </>
      )}
      <ReportDialog
        contribution={reporting}
        onClose={() => setReporting(null)}
        onReported={(id) => setReported((r) => [...r, id])}
      />
    </section>
  );
}
