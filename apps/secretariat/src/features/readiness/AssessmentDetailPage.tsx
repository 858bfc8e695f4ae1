import { ErrorNotice, Loading, Page, SummaryList, errorStatus, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import './readiness.css';
import { BandRule, TierTag, usePoints } from './RegionalPage';

type Criteria = Outputs['readiness']['criteria'];
const ANSWERS = ['yes', 'partial', 'no'] as const;

/** `/readiness/:id`: one Member State's submitted self-assessment, read-only: scores, tiers, answers and evidence. */
export function AssessmentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const format = useFormat();
  const points = usePoints();
  const assessment = useQuery({ ...trpc.assessments.getSubmitted.queryOptions({ id }), retry: false });
  const criteria = useQuery({ ...trpc.readiness.criteria.queryOptions(), staleTime: Infinity });

  if (assessment.isPending || criteria.isPending) return <Loading />;
  if (assessment.isError) {
    const status = errorStatus(assessment.error);
    if (status === 404 || status === 400) {
      return (
        <Page
          title={t('readiness.detail.notFoundTitle')}
          backLink={{ to: '/readiness', label: t('readiness.detail.back') }}
        >
          <p>{t('readiness.detail.notFoundBody')}</p>
        </Page>
      );
    }
    return <ErrorNotice error={assessment.error} onRetry={() => void assessment.refetch()} />;
  }
  if (criteria.isError) return <ErrorNotice error={criteria.error} onRetry={() => void criteria.refetch()} />;

  const a = assessment.data;
  const state = t(`common.memberStates.${a.memberState}`);
  const answers = (a.answers ?? {}) as Record<string, string>;
  const evidence = (a.evidence ?? {}) as Record<string, { note?: string; links?: string[] }>;
  const answered = Object.keys(answers).length;

  return (
    <Page
      title={t('readiness.detail.title', { state, year: a.year })}
      caption={t('readiness.detail.caption')}
      backLink={{ to: `/readiness?year=${a.year}`, label: t('readiness.detail.back') }}
      width="full"
    >
      <div className="two-thirds">
        <SummaryList
          rows={[
            { key: 'state', label: t('readiness.detail.memberState'), value: state },
            { key: 'year', label: t('readiness.detail.year'), value: String(a.year) },
            {
              key: 'submitted',
              label: t('readiness.detail.submitted'),
              value: format.dateTime(a.submittedAt),
            },
            {
              key: 'answered',
              label: t('readiness.detail.answered'),
              value: t('readiness.detail.answeredOf', { answered, total: 40 }),
            },
          ]}
        />
      </div>
      <h2 className="heading-l">{t('readiness.detail.scores')}</h2>
      <BandRule />
      <ul className="readiness-cards">
        {a.result.pillars.map((p) => {
          const pillar = criteria.data.pillars.find((x) => x.number === p.pillar);
          return (
            <li className="readiness-card" key={p.pillar}>
              <h3 className="readiness-card__title">
                <span className="caption">{t('readiness.table.pillar', { number: p.pillar })}</span>
                {pillar?.name}
              </h3>
              <p className="readiness-card__score">
                <span className="readiness-card__value">{points(p.score)}</span>{' '}
                <span className="text-secondary">{t('readiness.table.outOf', { max: p.max })}</span>
              </p>
              <p>
                <TierTag tier={p.tier} />
              </p>
              {p.tier && pillar && (
                <p className="readiness-card__desc">{pillar.tiers[p.tier as 'advanced'].description}</p>
              )}
            </li>
          );
        })}
      </ul>
      <h2 className="heading-l">{t('readiness.detail.answers')}</h2>
      <Answers criteria={criteria.data} answers={answers} evidence={evidence} />
      <p>
        <Link to={`/readiness?year=${a.year}`}>{t('readiness.detail.back')}</Link>
      </p>
    </Page>
  );
}

function Answers({
  criteria,
  answers,
  evidence,
}: {
  criteria: Criteria;
  answers: Record<string, string>;
  evidence: Record<string, { note?: string; links?: string[] }>;
}) {
  const { t } = useTranslation();
  const points = usePoints();
  return (
    <>
      {criteria.pillars.map((pillar) => (
        <section key={pillar.number} aria-labelledby={`answers-${pillar.number}`}>
          <h3 className="heading-m" id={`answers-${pillar.number}`}>
            {t('readiness.detail.pillarNamed', { number: pillar.number, name: pillar.name })}
          </h3>
          <dl className="readiness-answers">
            {criteria.criteria
              .filter((c) => c.pillar === pillar.number)
              .map((c) => {
                const index = ANSWERS.indexOf(answers[c.id] as (typeof ANSWERS)[number]);
                const option = index >= 0 ? c.options[index] : undefined;
                const entry = evidence[c.id];
                const links = (entry?.links ?? []).filter((l) => /^https?:\/\//i.test(l));
                return (
                  <div className="readiness-answers__row" key={c.id}>
                    <dt>
                      <span className="readiness-answers__id">{c.id}</span> {c.question}
                    </dt>
                    <dd>
                      {option ? (
                        <>
                          <strong>{option.label}</strong>{' '}
                          <span className="text-secondary">
                            {t('readiness.detail.points', {
                              count: option.points,
                              points: points(option.points),
                            })}
                          </span>
                        </>
                      ) : (
                        <span className="text-secondary">{t('readiness.detail.unanswered')}</span>
                      )}
                      {entry?.note && (
                        <p className="readiness-answers__note">
                          <strong>{t('readiness.detail.note')}:</strong> {entry.note}
                        </p>
                      )}
                      {links.length > 0 && (
                        <ul className="readiness-answers__links">
                          {links.map((l) => (
                            <li key={l}>
                              <a href={l} rel="noopener noreferrer nofollow" target="_blank">
                                {l}
                                <span className="visually-hidden"> {t('readiness.detail.newTab')}</span>
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </div>
                );
              })}
          </dl>
        </section>
      ))}
    </>
  );
}
