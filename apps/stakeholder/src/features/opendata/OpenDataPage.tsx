// /open-data (issue #17): every closed round's published results as JSON and CSV, under an open licence.
import { ErrorNotice, Loading, Page, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { useLocalized } from '../consultations/data';

const CSV_COLUMNS = [
  'round_id',
  'contribution_id',
  'submitted_at',
  'name',
  'organisation',
  'stakeholder_group',
  'member_state',
  'written_in',
  'item_type',
  'item_text',
  'action_id',
  'themes',
  'response',
  'licence',
] as const;

export function OpenDataPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const datasets = useQuery(trpc.openData.list.queryOptions());
  const pick = useLocalized();
  const format = useFormat();
  return (
    <Page title={t('opendata.title')}>
      <p className="lead">{t('opendata.lead')}</p>
      <p>
        {t('opendata.licence')}{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">
          {t('opendata.licenceName')}
        </a>
      </p>
      <section aria-labelledby="opendata-rounds">
        <h2 className="heading-m" id="opendata-rounds">
          {t('opendata.rounds')}
        </h2>
        {datasets.isPending ? (
          <Loading />
        ) : datasets.isError ? (
          <ErrorNotice error={datasets.error} onRetry={() => void datasets.refetch()} />
        ) : datasets.data.length === 0 ? (
          <p>{t('opendata.none')}</p>
        ) : (
          <ul className="list opendata-list">
            {datasets.data.map((d) => {
              const title = pick(d.title);
              return (
                <li key={d.roundId}>
                  <h3 className="heading-s" lang={title.language}>
                    {title.text}
                  </h3>
                  <p>
                    {t('opendata.published', { date: format.date(d.publishedAt) })} ·{' '}
                    {t('opendata.actions', { actions: d.actionIds.join(', ') })}
                  </p>
                  <p>
                    <a href={d.json} type="application/json">
                      {t('opendata.json')}
                      <span className="visually-hidden"> — {title.text}</span>
                    </a>
                    {' · '}
                    <a href={d.csv} type="text/csv">
                      {t('opendata.csv')}
                      <span className="visually-hidden"> — {title.text}</span>
                    </a>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="opendata-about">
        <h2 className="heading-m" id="opendata-about">
          {t('opendata.about.title')}
        </h2>
        <p>{t('opendata.about.urls')}</p>
        <p>
          <code>/files/open-data/rounds/&lt;round-id&gt;.json</code>
          <br />
          <code>/files/open-data/rounds/&lt;round-id&gt;.csv</code>
        </p>
        <p>{t('opendata.about.contents')}</p>
        <p>{t('opendata.about.excluded')}</p>
        <h3 className="heading-s">{t('opendata.about.columns')}</h3>
        <dl className="opendata-columns">
          {CSV_COLUMNS.map((column) => (
            <div key={column}>
              <dt>
                <code>{column}</code>
              </dt>
              <dd>{t(`opendata.column.${column}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </Page>
  );
}
