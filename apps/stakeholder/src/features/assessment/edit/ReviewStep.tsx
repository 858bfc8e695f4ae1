import { Button, ButtonGroup } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CRITERION_COUNT } from '../answers';
import type { CriteriaData, PillarScore } from '../data';
import { REVIEW_STEP } from '../PillarSteps';
import { ScoreTable } from '../Scores';
import { FORM_ID } from './formId';
import { MissingSummary } from './MissingSummary';
import { stepHeadingId } from './useEditorStep';

/** The editor's last step: the scores so far, the questions still without an answer (with links), then submit. */
export function ReviewStep({
  assessmentId,
  criteria,
  scores,
  unanswered,
  submitRefused,
  refusedToken,
  canSubmit,
  onSubmit,
}: {
  assessmentId: string;
  criteria: CriteriaData;
  scores: readonly PillarScore[] | undefined;
  unanswered: string[];
  /** The last attempt to submit was refused for unanswered questions: list them as errors. */
  submitRefused: boolean;
  refusedToken: number;
  canSubmit: boolean;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const answered = CRITERION_COUNT - unanswered.length;
  return (
    <section aria-labelledby={stepHeadingId(FORM_ID, REVIEW_STEP)} className="review-step">
      <h2 className="heading-l" id={stepHeadingId(FORM_ID, REVIEW_STEP)}>
        {t('worksurface.steps.review')}
      </h2>
      <p className="two-thirds">{t('worksurface.steps.reviewIntro')}</p>
      {unanswered.length === 0 ? (
        <p className="inset-text">{t('worksurface.steps.allAnswered')}</p>
      ) : (
        <MissingSummary ids={unanswered} criteria={criteria} asError={submitRefused} token={refusedToken} />
      )}
      <ScoreTable
        criteria={criteria}
        pillars={scores}
        caption={t('assessment.edit.scoresCaption')}
        pillarLink={(pillar) => ({ search: `?step=${pillar}` })}
      />
      <div className="two-thirds submit-section">
        <p>{t('assessment.submit.body', { answered, total: CRITERION_COUNT })}</p>
        <ButtonGroup>
          <Button onClick={onSubmit} disabled={!canSubmit}>
            {t('assessment.submit.button')}
          </Button>
          <Link to={`/assessment/${assessmentId}`}>{t('assessment.edit.resultsSoFar')}</Link>
        </ButtonGroup>
      </div>
    </section>
  );
}
