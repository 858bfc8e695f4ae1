import { Button } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { answeredCount, CRITERIA_PER_PILLAR, pillarCriterionIds, type Answers } from './answers';
import type { CriteriaData } from './data';

/** The pillar a criterion (`Q12`) belongs to, for a link that lands on one question. */
export function pillarOfCriterion(criteria: CriteriaData, id: string): number | undefined {
  return criteria.criteria.find((c) => c.id === id)?.pillar;
}

/**
 * One pillar per step (issue #14: the whole questionnaire was one 22,500 px page): where you are, how much of each
 * pillar is answered, and the way to the others. Answers are kept as they are given, so moving between steps loses
 * nothing.
 */
export function PillarSteps({
  criteria,
  answers,
  pillar,
  onStep,
  position,
}: {
  criteria: CriteriaData;
  answers: Answers;
  pillar: number;
  onStep: (pillar: number) => void;
  position: 'top' | 'bottom';
}) {
  const { t } = useTranslation();
  const total = criteria.pillars.length;
  const current = criteria.pillars.find((p) => p.number === pillar);
  if (position === 'bottom')
    return (
      <div className="button-group pillar-steps__move">
        {pillar > 1 && (
          <Button variant="secondary" onClick={() => onStep(pillar - 1)}>
            {t('worksurface.steps.previous')}
          </Button>
        )}
        {pillar < total && <Button onClick={() => onStep(pillar + 1)}>{t('worksurface.steps.next')}</Button>}
      </div>
    );
  return (
    <nav className="pillar-steps" aria-label={t('worksurface.steps.label')}>
      <p className="pillar-steps__where">
        {t('worksurface.steps.step', { n: pillar, total })}
        {current && <span className="visually-hidden">: {current.name}</span>}
      </p>
      <ol className="pillar-steps__list">
        {criteria.pillars.map((p) => {
          const answered = answeredCount(answers, pillarCriterionIds(p.number));
          return (
            <li key={p.number} className="pillar-steps__item">
              <button
                type="button"
                className="pillar-steps__button"
                aria-current={p.number === pillar ? 'step' : undefined}
                onClick={() => onStep(p.number)}
              >
                <span className="pillar-steps__name">
                  {t('assessment.pillarCaption', { number: p.number })}
                </span>
                <span className="pillar-steps__count">
                  {t('worksurface.steps.answered', { answered, total: CRITERIA_PER_PILLAR })}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
