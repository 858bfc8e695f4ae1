import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../trpc';

type Scope = Outputs['review']['myAssessment'];
type Criterion = { key: string; name: { text: string; language: string } };

/**
 * Outside the assessment phase (or once submitted) the state's ratings are read, not edited: the rated cells per
 * action area, instead of a form of disabled controls (one per area × criterion, over a hundred) that cannot be used.
 */
export function AssessmentReadOnly({ scope, criteria }: { scope: Scope; criteria: Criterion[] }) {
  const { t } = useTranslation();
  const ratings = scope.assessment?.ratings ?? [];
  const areas = scope.actionAreas
    .map((area) => ({ area, rated: ratings.filter((r) => r.actionAreaId === area.id) }))
    .filter((a) => a.rated.length > 0);
  if (areas.length === 0) return <p>{t('worksurface.assessment.nothingRated')}</p>;
  return (
    <>
      <h2 className="heading-l">{t('worksurface.assessment.ratingsHeading')}</h2>
      {areas.map(({ area, rated }) => (
        <section key={area.id} aria-labelledby={`area-${area.id}`} className="review-repeat">
          <h3 className="heading-s" id={`area-${area.id}`}>
            {area.id} {area.title}
          </h3>
          <dl className="summary-list">
            {rated.map((r) => {
              const criterion = criteria.find((c) => c.key === r.criterionKey);
              return (
                <div className="summary-list__row" key={r.criterionKey}>
                  <dt className="summary-list__key" lang={criterion?.name.language}>
                    {criterion?.name.text ?? r.criterionKey}
                  </dt>
                  <dd className="summary-list__value">
                    {t(`reviews.assess.rating.${r.rating}`)}
                    {r.comment && <p className="review-pre">{r.comment}</p>}
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
