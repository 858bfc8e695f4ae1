import { ErrorNotice, Loading, Page, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import { useCycle } from './CyclePage';
import '@musyawarah/ui/review.css';
import { CycleSections, ScrollRegion } from './shared';

type Results = Outputs['review']['assessmentResults'];
type Summary = Results['byAction'][number]['overall'];

/** `/review/cycles/:cycleId/assessments`: Member States' ratings of the edition, by action and by state. */
export function AssessmentResultsPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const trpc = useTRPC();
  const cycle = useCycle(cycleId);
  const results = useQuery(trpc.review.assessmentResults.queryOptions({ cycleId }));
  return (
    <Page
      title={t('reviews.assessments.title')}
      caption={cycle.data?.title.en}
      width="full"
      backLink={{ to: '/review', label: t('reviews.home.title') }}
    >
      <CycleSections cycleId={cycleId} />
      <p className="prose">{t('reviews.assessments.intro')}</p>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <ResultsView results={results.data} />
      )}
    </Page>
  );
}

function useMean() {
  const { t } = useTranslation();
  return (s: Summary | undefined) =>
    !s || s.mean === null ? (
      <span className="text-secondary">{t('reviews.assessments.noRatings')}</span>
    ) : (
      t('reviews.assessments.mean', { mean: s.mean.toFixed(1), count: s.count })
    );
}

function ResultsView({ results }: { results: Results }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mean = useMean();
  const criteria = results.criteria;
  const title = (id: string) => results.actionAreas.find((a) => a.id === id)?.title ?? id;
  return (
    <>
      <h2 className="heading-l">{t('reviews.assessments.respondentsHeading')}</h2>
      <p>{t('reviews.assessments.submittedCount', { count: results.assessments.length, total: 11 })}</p>
      {results.assessments.length > 0 && (
        <ul>
          {results.assessments.map((a) => (
            <li key={a.id}>
              {t('reviews.assessments.submittedOn', {
                state: t(`common.memberStates.${a.memberState}`),
                date: format.date(a.submittedAt),
              })}
            </li>
          ))}
        </ul>
      )}
      <h3 className="heading-m">{t('reviews.assessments.nonRespondentsHeading')}</h3>
      {results.nonRespondents.length === 0 ? (
        <p>{t('reviews.assessments.allResponded')}</p>
      ) : (
        <ul>
          {results.nonRespondents.map((code) => (
            <li key={code}>
              {t(`common.memberStates.${code}`)}
              {results.drafts.includes(code) && (
                <span className="text-secondary"> — {t('reviews.assessments.draftStarted')}</span>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2 className="heading-l" id="by-action">
        {t('reviews.assessments.byActionHeading')}
      </h2>
      <p className="hint">{t('reviews.assessments.scale')}</p>
      <ScrollRegion labelledBy="by-action">
        <table>
          <caption className="visually-hidden">{t('reviews.assessments.byActionHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reviews.assessments.actionArea')}</th>
              <th scope="col">{t('reviews.assessments.overall')}</th>
              {criteria.map((c) => (
                <th scope="col" key={c.key}>
                  {c.name.en}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.byAction.map((row) => (
              <tr key={row.actionAreaId}>
                <th scope="row">
                  {row.actionAreaId} <span className="text-secondary">{title(row.actionAreaId)}</span>
                </th>
                <td>{mean(row.overall)}</td>
                {criteria.map((c) => (
                  <td key={c.key}>{mean(row.byCriterion[c.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2 className="heading-l" id="by-state">
        {t('reviews.assessments.byStateHeading')}
      </h2>
      {results.byState.length === 0 ? (
        <p>{t('reviews.assessments.noneSubmitted')}</p>
      ) : (
        <ScrollRegion labelledBy="by-state">
          <table>
            <caption className="visually-hidden">{t('reviews.assessments.byStateHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviews.assessments.state')}</th>
                <th scope="col">{t('reviews.assessments.overall')}</th>
                {criteria.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.name.en}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {results.byState.map((row) => (
                <tr key={row.memberState}>
                  <th scope="row">{t(`common.memberStates.${row.memberState}`)}</th>
                  <td>{mean(row.overall)}</td>
                  {criteria.map((c) => (
                    <td key={c.key}>{mean(row.byCriterion[c.key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      {results.comments.length > 0 && (
        <>
          <h2 className="heading-l">{t('reviews.assessments.commentsHeading')}</h2>
          <ul className="review-list-plain">
            {results.comments.map((c, i) => (
              <li key={i} className="review-card">
                <p className="review-comment__meta">
                  {t('reviews.assessments.commentMeta', {
                    state: t(`common.memberStates.${c.memberState}`),
                    area: c.actionAreaId,
                    criterion: criteria.find((k) => k.key === c.criterionKey)?.name.en ?? c.criterionKey,
                  })}
                </p>
                <p className="review-pre">{c.comment}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
