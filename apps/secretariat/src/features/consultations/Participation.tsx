import {
  DataTable,
  ErrorNotice,
  languageAutonym,
  languageLabel,
  Loading,
  NotificationBanner,
  SummaryList,
  Tag,
  useFormat,
} from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';

type Participation = Outputs['rounds']['participation'];
type Gap = Participation['gaps'][number];

function useTargetLabel() {
  const { t } = useTranslation();
  return (target: { dimension: string; value: string }) => {
    const value =
      target.dimension === 'stakeholder_group'
        ? t(`common.stakeholderGroups.${target.value}`)
        : target.dimension === 'member_state'
          ? t(`common.memberStates.${target.value}`)
          : languageLabel(target.value);
    return t('consultations.participation.targetLabel', {
      dimension: t(`consultations.dimension.${target.dimension}`),
      value,
    });
  };
}

export function ParticipationMap({ data }: { data: Participation }) {
  const format = useFormat();
  const { t } = useTranslation();
  const label = useTargetLabel();
  const short = data.gaps.filter((g) => g.shortfall > 0);
  return (
    <>
      {data.phase === 'open' && short.length > 0 && (
        <NotificationBanner heading={t('consultations.participation.underTitle', { count: short.length })}>
          <ul className="list">
            {short.map((g) => (
              <li key={`${g.target.dimension}:${g.target.value}`}>
                {t('consultations.participation.underItem', {
                  target: label(g.target),
                  actual: g.actual,
                  minimum: g.target.minimum,
                  count: g.shortfall,
                })}
              </li>
            ))}
          </ul>
        </NotificationBanner>
      )}
      <p>{t('consultations.participation.total', { count: data.tally.total })}</p>

      <h3 className="heading-m">{t('consultations.participation.targetsHeading')}</h3>
      {data.gaps.length === 0 ? (
        <p>{t('consultations.participation.noTargets')}</p>
      ) : (
        <DataTable<Gap>
          caption={t('consultations.participation.targetsCaption')}
          captionHidden
          rows={data.gaps}
          rowKey={(g) => `${g.target.dimension}:${g.target.value}`}
          columns={[
            {
              key: 'target',
              header: t('consultations.participation.columns.target'),
              rowHeader: true,
              cell: (g) => label(g.target),
            },
            {
              key: 'minimum',
              header: t('consultations.participation.columns.minimum'),
              className: 'numeric',
              cell: (g) => g.target.minimum,
            },
            {
              key: 'actual',
              header: t('consultations.participation.columns.actual'),
              className: 'numeric',
              cell: (g) => g.actual,
            },
            {
              key: 'shortfall',
              header: t('consultations.participation.columns.shortfall'),
              className: 'numeric',
              cell: (g) =>
                g.shortfall > 0 ? (
                  <Tag tone="red">{t('consultations.participation.short', { count: g.shortfall })}</Tag>
                ) : (
                  <Tag tone="green">{t('consultations.participation.met')}</Tag>
                ),
            },
          ]}
        />
      )}

      <h3 className="heading-m">{t('consultations.participation.cellsHeading')}</h3>
      {data.tally.byGroupStateLanguage.length === 0 ? (
        <p>{t('consultations.participation.none')}</p>
      ) : (
        <DataTable
          caption={t('consultations.participation.cellsCaption')}
          captionHidden
          rows={data.tally.byGroupStateLanguage}
          rowKey={(c) => `${c.stakeholderGroup}:${c.memberState ?? '-'}:${c.writtenIn}`}
          columns={[
            {
              key: 'group',
              header: t('consultations.participation.columns.group'),
              rowHeader: true,
              cell: (c) => t(`common.stakeholderGroups.${c.stakeholderGroup}`),
            },
            {
              key: 'state',
              header: t('consultations.participation.columns.state'),
              cell: (c) =>
                c.memberState
                  ? t(`common.memberStates.${c.memberState}`)
                  : t('consultations.participation.unspecified'),
            },
            {
              key: 'language',
              header: t('consultations.participation.columns.language'),
              cell: (c) => languageLabel(c.writtenIn),
            },
            {
              key: 'count',
              header: t('consultations.participation.columns.count'),
              className: 'numeric',
              cell: (c) => c.count,
            },
          ]}
        />
      )}
      <h3 className="heading-m">{t('consultations.participation.overTimeHeading')}</h3>
      {data.byDay.length === 0 ? (
        <p>{t('consultations.participation.none')}</p>
      ) : (
        <DataTable
          caption={t('consultations.participation.overTimeCaption')}
          captionHidden
          rows={data.byDay}
          rowKey={(d) => d.day}
          columns={[
            {
              key: 'day',
              header: t('consultations.participation.columns.day'),
              rowHeader: true,
              cell: (d) => format.date(`${d.day}T12:00:00Z`),
            },
            {
              key: 'count',
              header: t('consultations.participation.columns.submitted'),
              className: 'numeric',
              cell: (d) => d.count,
            },
          ]}
        />
      )}
    </>
  );
}

type Reach = Outputs['roundDocuments']['reach'];

/** Reach (Roadmap C3.2.1 measures): visits to the round page and downloads of its background documents. */
export function ReachSection({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const reach = useQuery(trpc.roundDocuments.reach.queryOptions({ roundId }));
  return (
    <section aria-labelledby="reach-heading">
      <h3 className="heading-m" id="reach-heading">
        {t('consultations.reach.heading')}
      </h3>
      {reach.isPending ? (
        <Loading />
      ) : reach.isError ? (
        <ErrorNotice error={reach.error} onRetry={() => void reach.refetch()} />
      ) : (
        <>
          <p>{t('consultations.reach.hint')}</p>
          <SummaryList
            rows={[
              {
                key: 'visits',
                label: t('consultations.reach.totalVisits'),
                value: String(reach.data.totals.visits),
              },
              {
                key: 'downloads',
                label: t('consultations.reach.totalDownloads'),
                value: String(reach.data.totals.downloads),
              },
            ]}
          />
          <h4 className="heading-s">{t('consultations.reach.byDayHeading')}</h4>
          {reach.data.byDay.length === 0 ? (
            <p>{t('consultations.reach.noneYet')}</p>
          ) : (
            <DataTable<Reach['byDay'][number]>
              caption={t('consultations.reach.byDayCaption')}
              captionHidden
              rows={reach.data.byDay}
              rowKey={(d) => d.day}
              columns={[
                {
                  key: 'day',
                  header: t('consultations.participation.columns.day'),
                  rowHeader: true,
                  cell: (d) => format.date(`${d.day}T12:00:00Z`),
                },
                {
                  key: 'visits',
                  header: t('consultations.reach.columns.visits'),
                  className: 'numeric',
                  cell: (d) => d.visits,
                },
                {
                  key: 'downloads',
                  header: t('consultations.reach.columns.downloads'),
                  className: 'numeric',
                  cell: (d) => d.downloads,
                },
              ]}
            />
          )}
          <h4 className="heading-s">{t('consultations.reach.byDocumentHeading')}</h4>
          {reach.data.documents.length === 0 ? (
            <p>{t('consultations.documents.none')}</p>
          ) : (
            <DataTable<Reach['documents'][number]>
              caption={t('consultations.reach.byDocumentCaption')}
              captionHidden
              rows={reach.data.documents}
              rowKey={(d) => d.id}
              columns={[
                {
                  key: 'title',
                  header: t('consultations.documents.columns.title'),
                  rowHeader: true,
                  cell: (d) => <span lang={d.language}>{d.title}</span>,
                },
                {
                  key: 'language',
                  header: t('consultations.documents.columns.language'),
                  cell: (d) => <span lang={d.language}>{languageAutonym(d.language)}</span>,
                },
                {
                  key: 'downloads',
                  header: t('consultations.documents.columns.downloads'),
                  className: 'numeric',
                  cell: (d) => d.downloadCount,
                },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
