import { ButtonLink, DataTable, ErrorNotice, Loading, Page, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';
import '@musyawarah/ui/review.css';
import { StageTag } from './shared';

/** `/review`: the framework in force and every review cycle. */
export function ReviewHomePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const framework = useQuery(trpc.review.framework.queryOptions());
  const cycles = useQuery(trpc.review.adminCycles.queryOptions());
  return (
    <Page title={t('reviews.home.title')} width="full">
      <p className="prose">{t('reviews.home.intro')}</p>

      <h2 className="heading-l">{t('reviews.home.frameworkHeading')}</h2>
      {framework.isPending ? (
        <Loading />
      ) : framework.isError ? (
        <ErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />
      ) : framework.data ? (
        <p>
          {t('reviews.home.frameworkVersion', {
            version: framework.data.version,
            date: format.date(framework.data.createdAt),
          })}{' '}
          <Link to="/review/framework">{t('reviews.home.frameworkEdit')}</Link>
        </p>
      ) : (
        <p>
          {t('reviews.home.noFramework')}{' '}
          <Link to="/review/framework">{t('reviews.home.frameworkCreate')}</Link>
        </p>
      )}

      <h2 className="heading-l">{t('reviews.home.cyclesHeading')}</h2>
      <ButtonLink to="/review/cycles/new">{t('reviews.home.newCycle')}</ButtonLink>
      {cycles.isPending ? (
        <Loading />
      ) : cycles.isError ? (
        <ErrorNotice error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : cycles.data.length === 0 ? (
        <p>{t('reviews.home.noCycles')}</p>
      ) : (
        <DataTable
          caption={t('reviews.home.cyclesCaption')}
          captionHidden
          rows={cycles.data}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'title',
              header: t('reviews.home.columns.cycle'),
              rowHeader: true,
              cell: (c) => <Link to={`/review/cycles/${c.id}`}>{c.title.en}</Link>,
            },
            {
              key: 'stage',
              header: t('reviews.home.columns.stage'),
              cell: (c) => <StageTag stage={c.stage} />,
            },
            {
              key: 'edition',
              header: t('reviews.home.columns.edition'),
              cell: (c) => t('reviews.home.editionNumber', { number: c.baseEditionNumber }),
            },
            {
              key: 'timeliness',
              header: t('reviews.home.columns.timeliness'),
              cell: (c) => t(`reviews.timeliness.status.${c.timeliness.status}`),
            },
          ]}
        />
      )}
    </Page>
  );
}
