import { ErrorNotice, Loading, errorStatus, useDocumentTitle, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import { Breadcrumbs } from '../catalogue/Breadcrumbs';
import { CycleReportDownload } from '../consultations/round/ReportDownload';
import { useLocalized } from '../consultations/data';
import { DiffLegend, EditDiff } from '@musyawarah/ui';
import './review.css';
import { PositionTag, ResolutionTag, useEditTitle } from './shared';

type Record = Outputs['review']['youSaidWeDid'];
type Change = Record['changes'][number];

/** `/review/editions/:edition`: "you said, we did" — each adopted change with the contributions and positions behind it. */
export function YouSaidWeDidPage() {
  const { t } = useTranslation();
  const { edition = '' } = useParams();
  const number = /^\d{1,6}$/.test(edition) ? Number(edition) : 0;
  const trpc = useTRPC();
  const record = useQuery({
    ...trpc.review.youSaidWeDid.queryOptions({ edition: number }),
    enabled: number > 0,
    retry: (n, e) => errorStatus(e) !== 404 && errorStatus(e) !== 400 && n < 2,
  });
  useDocumentTitle(t('reviews.youSaid.title', { number: edition }));
  const notFound = number === 0 || (record.isError && [400, 404].includes(errorStatus(record.error) ?? 0));
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/review', label: t('reviews.index.title') },
          { label: t('reviews.youSaid.title', { number: edition }) },
        ]}
      />
      <div className="two-thirds">
        <h1 className="heading-xl" tabIndex={-1} data-page-heading="">
          <span className="caption">{t('reviews.youSaid.caption')}</span>
          {t('reviews.youSaid.title', { number: edition })}
        </h1>
      </div>
      {notFound ? (
        <p>{t('reviews.youSaid.notFound')}</p>
      ) : record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <ErrorNotice error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <YouSaidWeDid record={record.data} />
      )}
    </>
  );
}

function YouSaidWeDid({ record }: { record: Record }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = useEditTitle();
  const cycleTitle = useLocalized()(record.cycle.title);
  return (
    <>
      <div className="two-thirds">
        <p className="lead">
          {t('reviews.youSaid.lead', {
            number: record.edition,
            cycle: cycleTitle.text,
            date: format.date(record.cycle.publishedAt),
          })}
        </p>
        <ul>
          <li>
            <Link to={`/editions/compare?from=${record.baseEditionNumber}&to=${record.edition}`}>
              {t('reviews.index.compare', { from: record.baseEditionNumber, to: record.edition })}
            </Link>
          </li>
          <li>
            <Link to={`/review/${record.cycle.id}`}>{t('reviews.youSaid.fullRecord')}</Link>
          </li>
        </ul>
      </div>
      <CycleReportDownload cycleId={record.cycle.id} />
      <h2 className="heading-l">{t('reviews.youSaid.changesHeading', { count: record.changes.length })}</h2>
      <DiffLegend />
      <ol className="review-list-plain">
        {record.changes.map((change, index) => (
          <li key={change.editId}>
            <ChangeCard change={change} heading={title(change.payload, index + 1)} />
          </li>
        ))}
      </ol>
      {record.rejected.length > 0 && (
        <>
          <h2 className="heading-l">
            {t('reviews.youSaid.rejectedHeading', { count: record.rejected.length })}
          </h2>
          <ul className="review-list-plain">
            {record.rejected.map((r, index) => (
              <li key={r.editId} className="review-card review-card--rejected">
                <h3 className="heading-s review-card__title">
                  {title(r.payload, record.changes.length + index + 1)}
                </h3>
                <p className="review-pre">{r.answer}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ChangeCard({ change, heading }: { change: Change; heading: string }) {
  const { t } = useTranslation();
  const id = `change-${change.editId}`;
  return (
    <article className="review-card review-card--resolved" aria-labelledby={id}>
      <h3 className="heading-m review-card__title" id={id}>
        {heading}
      </h3>
      <p className="review-card__tags">
        <ResolutionTag kind={change.resolution?.kind} />
      </p>
      <h4 className="heading-s">{t('reviews.youSaid.weDid')}</h4>
      {change.diff && <EditDiff diff={change.diff} />}
      <h4 className="heading-s">{t('reviews.edit.rationale')}</h4>
      <p className="review-pre">{change.rationale}</p>
      {change.resolution?.answer && (
        <>
          <h4 className="heading-s">{t('reviews.record.answer')}</h4>
          <p className="review-pre">{change.resolution.answer}</p>
        </>
      )}
      <h4 className="heading-s">{t('reviews.youSaid.youSaid')}</h4>
      {change.contributions.length === 0 &&
      change.assessmentIds.length === 0 &&
      change.boardSessionIds.length === 0 &&
      change.positions.length === 0 ? (
        <p>{t('reviews.youSaid.noSources')}</p>
      ) : (
        <ul>
          {change.contributions.map((c) => (
            <li key={c.id}>
              <p>
                <strong>{t('reviews.youSaid.contribution', { reference: c.receiptReference })}</strong>{' '}
                <span className="text-secondary">
                  {[
                    c.name ?? t('reviews.youSaid.anonymous'),
                    c.organisation,
                    c.stakeholderGroup ? t(`common.stakeholderGroups.${c.stakeholderGroup}`) : null,
                    c.memberState ? t(`common.memberStates.${c.memberState}`) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>{' '}
                <Link to={`/consultations/${c.roundId}`}>
                  {c.roundTitle
                    ? String(
                        typeof c.roundTitle === 'object'
                          ? ((c.roundTitle as { en?: string }).en ?? '')
                          : c.roundTitle,
                      )
                    : t('reviews.youSaid.round')}
                </Link>
              </p>
              {c.hidden ? (
                <p className="hint">{t('reviews.youSaid.moderated')}</p>
              ) : (
                c.items.map((item, i) => (
                  <p key={i} className="review-pre inset-text">
                    {item.text}
                  </p>
                ))
              )}
            </li>
          ))}
          {change.boardSessionIds.length > 0 && (
            <li>{t('reviews.youSaid.sessions', { count: change.boardSessionIds.length })}</li>
          )}
          {change.assessmentIds.length > 0 && (
            <li>{t('reviews.youSaid.assessments', { count: change.assessmentIds.length })}</li>
          )}
          {change.positions.map((p) => (
            <li key={p.id}>
              {t(`common.memberStates.${p.memberState}`)}: <PositionTag kind={p.kind} />{' '}
              {p.text && <span className="review-pre">{p.text}</span>}
              {p.answer && <p className="hint">{t('reviews.record.answered', { answer: p.answer })}</p>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
