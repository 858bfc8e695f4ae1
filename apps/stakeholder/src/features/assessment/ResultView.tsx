import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCatalogueIds } from '../catalogue/data';
import { ANSWERS, CRITERIA_PER_PILLAR, type Answer, type Answers } from './answers';
import { usePoints, type CriteriaData, type Recommendations, type ScoreResult } from './data';
import { BandRule, TierOrProvisional } from './Scores';

type Reason = Recommendations['reasons'][string][number];

/**
 * The result of a self-assessment: the four pillar scores with their tiers (no overall tier, no weighting), the band
 * rule, and the Roadmap actions recommended for it, each with the reason it is there.
 */
export function ResultView({
  result,
  criteria,
  answers,
}: {
  result: ScoreResult;
  criteria: CriteriaData;
  answers: Answers;
}) {
  const { t } = useTranslation();
  const points = usePoints();
  return (
    <>
      <section aria-labelledby="scores-heading" className="result-scores">
        <h2 className="heading-l" id="scores-heading">
          {t('assessment.result.scoresHeading')}
        </h2>
        <div className="inset-text band-box">
          <BandRule bands={criteria.tierBands} />
          <p>{t('assessment.result.noOverall')}</p>
        </div>
        <ul className="pillar-cards">
          {result.pillars.map((score) => {
            const pillar = criteria.pillars.find((p) => p.number === score.pillar);
            const tierText = score.tier && pillar ? pillar.tiers[score.tier as 'advanced'].description : null;
            return (
              <li className="pillar-card" key={score.pillar}>
                <h3 className="pillar-card__title">
                  <span className="caption">{t('assessment.pillarCaption', { number: score.pillar })}</span>
                  {pillar?.name}
                </h3>
                <p className="pillar-card__score">
                  <span className="pillar-card__value">{points(score.score)}</span>{' '}
                  <span className="pillar-card__max">
                    {t('assessment.result.outOfMax', { max: points(score.max) })}
                  </span>
                </p>
                <p className="pillar-card__tier">
                  <TierOrProvisional pillar={score} />
                </p>
                {tierText && <p className="pillar-card__desc">{tierText}</p>}
                {!score.tier && (
                  <p className="pillar-card__desc">
                    {t('assessment.result.provisionalHint', { count: CRITERIA_PER_PILLAR - score.answered })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <RecommendationsView result={result} criteria={criteria} answers={answers} />
    </>
  );
}

function answerLabel(criteria: CriteriaData, id: string, answer: Answer | null | undefined): string | null {
  if (!answer) return null;
  const criterion = criteria.criteria.find((c) => c.id === id);
  return criterion?.options[ANSWERS.indexOf(answer)]?.label ?? null;
}

function RecommendationsView({
  result,
  criteria,
  answers,
}: {
  result: ScoreResult;
  criteria: CriteriaData;
  answers: Answers;
}) {
  const { t } = useTranslation();
  const points = usePoints();
  const ids = useCatalogueIds();
  const areaTitle = new Map(ids.data?.map((a) => [a.id, a.title]));
  const areaOfSub = new Map(ids.data?.flatMap((a) => a.subActionIds.map((s) => [s, a.id] as const)));
  const { recommendations } = result;
  const pillarName = (n: number) => criteria.pillars.find((p) => p.number === n)?.name ?? '';

  const reasonText = (reason: Reason): string => {
    switch (reason.kind) {
      case 'tier':
        return t('assessment.reasons.tier', {
          number: reason.pillar,
          name: pillarName(reason.pillar),
          tier: t(`assessment.tier.${reason.tier}`),
        });
      case 'criterion':
        return t('assessment.reasons.criterion', {
          id: reason.criterion,
          answer: answerLabel(criteria, reason.criterion, reason.answer) ?? '',
          points: points(reason.points),
        });
      default:
        return t('assessment.reasons.crossCutting');
    }
  };
  const reasonsFor = (id: string, kind: Reason['kind']) =>
    (recommendations.reasons[id] ?? []).filter((r) => r.kind === kind).map(reasonText);

  const criterionEntries = Object.entries<string[]>(recommendations.byCriterion);

  return (
    <section aria-labelledby="recommendations-heading" className="recommendations">
      <h2 className="heading-l" id="recommendations-heading">
        {t('assessment.result.recommendationsHeading')}
      </h2>
      <p className="prose">{t('assessment.result.recommendationsIntro')}</p>

      <h3 className="heading-m">{t('assessment.result.targetedHeading')}</h3>
      <p className="prose text-secondary">{t('assessment.result.targetedIntro')}</p>
      {result.pillars.map((score) => {
        const areas = recommendations.targeted.filter((id) =>
          (recommendations.reasons[id] ?? []).some((r) => r.kind === 'tier' && r.pillar === score.pillar),
        );
        return (
          <div className="rec-group" key={score.pillar}>
            <h4 className="heading-s">
              {t('assessment.pillarNamed', { number: score.pillar, name: pillarName(score.pillar) })}
              {' — '}
              {score.tier ? t(`assessment.tier.${score.tier}`) : t('assessment.tier.provisional')}
            </h4>
            {score.tier ? (
              <ul className="rec-list">
                {areas.map((id) => (
                  <li key={id} className="rec">
                    <Link to={`/actions/${encodeURIComponent(id)}`}>
                      <span className="rec__id">{id}</span> {areaTitle.get(id) ?? ''}
                    </Link>
                    {reasonsFor(id, 'tier').map((r, i) => (
                      <p className="rec__why" key={i}>
                        <span className="rec__why-label">{t('assessment.reasons.why')}</span> {r}
                      </p>
                    ))}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-secondary">
                {t('assessment.result.targetedProvisional', {
                  number: score.pillar,
                  count: CRITERIA_PER_PILLAR - score.answered,
                })}
              </p>
            )}
          </div>
        );
      })}

      <h3 className="heading-m">{t('assessment.result.byCriterionHeading')}</h3>
      <p className="prose text-secondary">{t('assessment.result.byCriterionIntro')}</p>
      {criterionEntries.length === 0 ? (
        <p>{t('assessment.result.byCriterionNone')}</p>
      ) : (
        <ul className="rec-list">
          {criterionEntries.map(([criterionId, subIds]) => {
            const criterion = criteria.criteria.find((c) => c.id === criterionId);
            const answer = answers[criterionId];
            const option = answer ? criterion?.options[ANSWERS.indexOf(answer)] : undefined;
            return (
              <li key={criterionId} className="rec rec--criterion">
                <p className="rec__criterion">
                  <Link to={`/assessment#${criterionId}`}>
                    <span className="rec__id">{criterionId}</span> {criterion?.question}
                  </Link>
                </p>
                {option && (
                  <p className="rec__why">
                    <span className="rec__why-label">{t('assessment.reasons.why')}</span>{' '}
                    {t('assessment.reasons.criterion', {
                      id: criterionId,
                      answer: option.label,
                      points: points(option.points),
                    })}
                  </p>
                )}
                {subIds.length === 0 ? (
                  <p className="text-secondary">{t('assessment.result.noCitingAction')}</p>
                ) : (
                  <ul className="rec-sublist">
                    {subIds.map((sub) => {
                      const area = areaOfSub.get(sub);
                      return (
                        <li key={sub}>
                          <Link
                            to={
                              area
                                ? `/actions/${encodeURIComponent(area)}#${encodeURIComponent(sub)}`
                                : '/actions'
                            }
                          >
                            <span className="rec__id">{sub}</span>{' '}
                            {area
                              ? t('assessment.result.inArea', { id: area, title: areaTitle.get(area) ?? '' })
                              : ''}
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <h3 className="heading-m">{t('assessment.result.crossCuttingHeading')}</h3>
      <p className="prose">
        <span className="rec__why-label">{t('assessment.reasons.why')}</span>{' '}
        {t('assessment.reasons.crossCutting')}
      </p>
      <ul className="rec-list rec-list--compact">
        {recommendations.crossCutting.map((id) => (
          <li key={id} className="rec">
            <Link to={`/actions/${encodeURIComponent(id)}`}>
              <span className="rec__id">{id}</span> {areaTitle.get(id) ?? ''}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
