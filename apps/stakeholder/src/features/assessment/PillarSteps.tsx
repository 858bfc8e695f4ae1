import { Button } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import {
  answeredCount,
  CRITERIA_PER_PILLAR,
  CRITERION_COUNT,
  pillarCriterionIds,
  type Answers,
} from './answers';
import type { CriteriaData } from './data';

/** The last step of the saved assessment's editor, after the pillars: what is left to answer, then submit. */
export const REVIEW_STEP = 'review';
/** A pillar (1–4), or the review step. */
export type Step = number | typeof REVIEW_STEP;

/** The pillar a criterion (`Q12`) belongs to, for a link that lands on one question. */
export function pillarOfCriterion(criteria: CriteriaData, id: string): number | undefined {
  return criteria.criteria.find((c) => c.id === id)?.pillar;
}

/**
 * One pillar per step (issue #14: the whole questionnaire was one 22,500 px page): where you are, how much of each
 * pillar is answered, and the way to the others. Answers are kept as they are given, so moving between steps loses
 * nothing. With `withReview` a last step follows the pillars (the editor's review and submit).
 */
export function PillarSteps({
  criteria,
  answers,
  step,
  onStep,
  position,
  withReview = false,
  announce = false,
}: {
  criteria: CriteriaData;
  answers: Answers;
  step: Step;
  onStep: (step: Step) => void;
  position: 'top' | 'bottom';
  withReview?: boolean;
  /** Say the new step aloud when it changes (where focus alone would not tell how far along it is). */
  announce?: boolean;
}) {
  const { t } = useTranslation();
  const total = criteria.pillars.length;
  if (position === 'bottom') {
    const previous = step === REVIEW_STEP ? total : step - 1;
    return (
      <div className="button-group pillar-steps__move">
        {previous >= 1 && (
          <Button variant="secondary" onClick={() => onStep(previous)}>
            {t('worksurface.steps.previous')}
          </Button>
        )}
        {step !== REVIEW_STEP && step < total && (
          <Button onClick={() => onStep(step + 1)}>{t('worksurface.steps.next')}</Button>
        )}
        {step === total && withReview && (
          <Button onClick={() => onStep(REVIEW_STEP)}>{t('worksurface.steps.toReview')}</Button>
        )}
      </div>
    );
  }
  const current = step === REVIEW_STEP ? undefined : criteria.pillars.find((p) => p.number === step);
  return (
    <nav className="pillar-steps" aria-label={t('worksurface.steps.label')}>
      <p
        className="pillar-steps__where"
        role={announce ? 'status' : undefined}
        aria-atomic={announce ? true : undefined}
      >
        {step === REVIEW_STEP ? (
          t('worksurface.steps.reviewStep')
        ) : (
          <>
            {t('worksurface.steps.step', { n: step, total })}
            {current && <span className="visually-hidden">: {current.name}</span>}
          </>
        )}
      </p>
      <ol className="pillar-steps__list">
        {criteria.pillars.map((p) => (
          <StepItem
            key={p.number}
            current={p.number === step}
            onClick={() => onStep(p.number)}
            name={t('assessment.pillarCaption', { number: p.number })}
            count={t('worksurface.steps.answered', {
              answered: answeredCount(answers, pillarCriterionIds(p.number)),
              total: CRITERIA_PER_PILLAR,
            })}
          />
        ))}
        {withReview && (
          <StepItem
            current={step === REVIEW_STEP}
            onClick={() => onStep(REVIEW_STEP)}
            name={t('worksurface.steps.review')}
            count={t('worksurface.steps.answered', {
              answered: answeredCount(answers),
              total: CRITERION_COUNT,
            })}
          />
        )}
      </ol>
    </nav>
  );
}

function StepItem({
  current,
  onClick,
  name,
  count,
}: {
  current: boolean;
  onClick: () => void;
  name: string;
  count: string;
}) {
  return (
    <li className="pillar-steps__item">
      <button
        type="button"
        className="pillar-steps__button"
        aria-current={current ? 'step' : undefined}
        onClick={onClick}
      >
        <span className="pillar-steps__name">{name}</span>
        <span className="pillar-steps__count">{count}</span>
      </button>
    </li>
  );
}
