import { ErrorNotice, Loading, Page } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import { useLocalized } from '../consultations/data';
import './review.css';
import { StageTag, useDay } from './shared';

type CycleSummary = Outputs['review']['cycles'][number];

/** `/review`: review cycles of the Roadmap — those running now and the published record of earlier ones. */
export function ReviewIndexPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const cycles = useQuery(trpc.review.cycles.queryOptions());
  const running = cycles.data?.filter((c) => c.stage !== 'adopted') ?? [];
  const adopted = cycles.data?.filter((c) => c.stage === 'adopted') ?? [];
  return (
    <Page title={t('reviews.index.title')}>
      <p className="lead">{t('reviews.index.lead')}</p>
      {cycles.isPending ? (
        <Loading />
      ) : cycles.isError ? (
        <ErrorNotice error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : (
        <>
          <h2 className="heading-l">{t('reviews.index.runningHeading')}</h2>
          {running.length === 0 ? <p>{t('reviews.index.noneRunning')}</p> : <CycleList cycles={running} />}
          <h2 className="heading-l">{t('reviews.index.adoptedHeading')}</h2>
          {adopted.length === 0 ? <p>{t('reviews.index.noneAdopted')}</p> : <CycleList cycles={adopted} />}
        </>
      )}
    </Page>
  );
}

function CycleList({ cycles }: { cycles: CycleSummary[] }) {
  const { t } = useTranslation();
  const day = useDay();
  const pick = useLocalized();
  return (
    <ul className="review-list-plain">
      {cycles.map((c) => {
        const phase = c.phases.find((p) => p.phase === c.stage);
        const title = pick(c.title);
        return (
          <li key={c.id} className="review-card">
            <h3 className="heading-m review-card__title">
              <Link to={`/review/${c.id}`} lang={title.language}>
                {title.text}
              </Link>
            </h3>
            {title.fallback && <p className="hint">{t('consultations.shownInEnglish')}</p>}
            <p className="review-card__tags">
              <StageTag stage={c.stage} />
            </p>
            {phase && (
              <p>
                {t('reviews.index.phaseUntil', {
                  phase: t(`reviews.stage.${phase.phase}`),
                  date: day(phase.plannedEnd),
                })}
              </p>
            )}
            {c.adoptedEditionNumber !== null && (
              <ul>
                <li>
                  <Link to={`/review/editions/${c.adoptedEditionNumber}`}>
                    {t('reviews.index.youSaid', { number: c.adoptedEditionNumber })}
                  </Link>
                </li>
                <li>
                  <Link to={`/editions/compare?from=${c.baseEditionNumber}&to=${c.adoptedEditionNumber}`}>
                    {t('reviews.index.compare', { from: c.baseEditionNumber, to: c.adoptedEditionNumber })}
                  </Link>
                </li>
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
