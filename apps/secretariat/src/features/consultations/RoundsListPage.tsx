import { ButtonLink, DataTable, ErrorNotice, Loading, Page, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';
import './consultations.css';
import { english, PhaseTag } from './shared';

export function RoundsListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const rounds = useQuery(trpc.rounds.adminList.queryOptions());
  return (
    <Page title={t('consultations.list.title')} width="full">
      <p className="prose">{t('consultations.list.intro')}</p>
      <ButtonLink to="/consultations/new">{t('consultations.list.create')}</ButtonLink>
      {rounds.isPending ? (
        <Loading />
      ) : rounds.isError ? (
        <ErrorNotice error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : rounds.data.length === 0 ? (
        <p>{t('consultations.list.none')}</p>
      ) : (
        <DataTable
          caption={t('consultations.list.caption')}
          captionHidden
          rows={rounds.data}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'title',
              header: t('consultations.list.columns.round'),
              rowHeader: true,
              cell: (r) => (
                <>
                  <Link to={`/consultations/${r.id}`}>{english(r.title)}</Link>
                  <br />
                  <span className="text-secondary">{t(`consultations.format.${r.format}`)}</span>
                </>
              ),
            },
            {
              key: 'phase',
              header: t('consultations.list.columns.phase'),
              cell: (r) => <PhaseTag phase={r.phase} />,
            },
            {
              key: 'dates',
              header: t('consultations.list.columns.dates'),
              cell: (r) => (
                <>
                  <time dateTime={format.isoString(r.opensAt)}>{format.dateTime(r.opensAt)}</time>
                  {' – '}
                  <time dateTime={format.isoString(r.closesAt)}>{format.dateTime(r.closesAt)}</time>
                </>
              ),
            },
            {
              key: 'count',
              header: t('consultations.list.columns.contributions'),
              className: 'numeric',
              cell: (r) =>
                r.hiddenCount
                  ? t('consultations.round.contributionsWithHidden', {
                      count: r.contributionCount,
                      hidden: r.hiddenCount,
                    })
                  : r.contributionCount,
            },
          ]}
        />
      )}
    </Page>
  );
}
