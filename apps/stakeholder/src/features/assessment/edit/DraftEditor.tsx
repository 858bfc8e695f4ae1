import {
  Button,
  ButtonGroup,
  Details,
  LinkButton,
  ModalDialog,
  Page,
  errorKey,
  mapServerError,
  useNotice,
  useNoticeBeside,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Me } from '../../../trpc';
import { Breadcrumbs } from '../../catalogue/Breadcrumbs';
import { useHashFocus } from '../../catalogue/hash';
import {
  answeredCount,
  cleanAnswers,
  evidenceDrafts,
  evidencePayload,
  unansweredIds,
  type Answer,
  type Answers,
  type EvidenceDraft,
  type EvidenceDrafts,
} from '../answers';
import { useLiveScore, type CriteriaData, type OwnAssessment } from '../data';
import { useAssessmentMessage } from '../messages';
import { PillarSteps, REVIEW_STEP, type Step } from '../PillarSteps';
import { Questionnaire } from '../Questionnaire';
import { BandRule } from '../Scores';
import { useAutosave } from '../useAutosave';
import { ConflictBanner } from './ConflictBanner';
import { FORM_ID } from './formId';
import { ReviewStep } from './ReviewStep';
import { SaveBar } from './SaveBar';
import { useEditorStep } from './useEditorStep';

export function DraftEditor({
  me,
  assessment,
  criteria,
  onReload,
  onSubmitted,
}: {
  me: Me;
  assessment: OwnAssessment;
  criteria: CriteriaData;
  onReload: () => Promise<void>;
  /** The page then redirects to the read-only view (it sees the submitted status in the cache). */
  onSubmitted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tm = useAssessmentMessage();
  const state = t(`common.memberStates.${me.memberState}`);
  const [answers, setAnswers] = useState<Answers>(() => cleanAnswers(assessment.answers));
  const [evidence, setEvidence] = useState<EvidenceDrafts>(() => evidenceDrafts(assessment.evidence));
  const score = useLiveScore(answers);
  const { step, go } = useEditorStep(criteria, FORM_ID);
  useHashFocus(true);

  const onSaved = useCallback(
    (saved: OwnAssessment) => {
      queryClient.setQueryData(trpc.assessments.getOwn.queryKey({ id: saved.id }), saved);
      void queryClient.invalidateQueries({ queryKey: trpc.assessments.listOwn.queryKey() });
    },
    [queryClient, trpc],
  );
  const autosave = useAutosave(assessment.id, assessment.version, onSaved);

  // Counts the submits refused for unanswered questions; from the first, those questions are shown as errors.
  const [refusals, setRefusals] = useState(0);
  const [confirming, setConfirming] = useState(false);
  // A submission that failed (not a refusal for unanswered questions, which the review step lists) is said beside the
  // Submit button the dialog hands focus back to (under the review step's h2).
  const notice = useNoticeBeside({ headingLevel: 3 });
  // "You are now looking at the latest saved version": the outcome of the conflict's Reload, near the top where that
  // button was. Said by the page's notice, which outlives this editor (the page starts a fresh one for the version).
  const pageNotice = useNotice();
  const reload = async () => {
    await onReload();
    pageNotice.success(t('assessment.edit.reloaded'));
  };
  const submit = useMutation(trpc.assessments.submit.mutationOptions());

  const onAnswer = (id: string, value: Answer) => {
    const next = { ...answers, [id]: value };
    setAnswers(next);
    autosave.schedule({ answers: next, evidence: evidencePayload(evidence) });
  };
  const onEvidence = (id: string, draft: EvidenceDraft) => {
    const next = { ...evidence, [id]: draft };
    setEvidence(next);
    autosave.schedule({ answers, evidence: evidencePayload(next) });
  };

  const unanswered = unansweredIds(answers);
  const requestSubmit = () => {
    notice.clear();
    if (unanswered.length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    setConfirming(true);
  };

  // Moving to another step is a good moment to save what is pending, rather than after the quiet delay.
  const toStep = (next: Step) => {
    void autosave.flush();
    go(next);
  };

  const confirmSubmit = async () => {
    notice.clear();
    const saved = await autosave.flush();
    if (!saved) {
      setConfirming(false);
      if (!autosave.isConflicted()) notice.error(t('assessment.submit.unsaved'));
      return;
    }
    try {
      const done = await submit.mutateAsync({ id: assessment.id, expectedVersion: autosave.version() });
      void queryClient.invalidateQueries({ queryKey: trpc.assessments.listOwn.queryKey() });
      onSubmitted();
      queryClient.setQueryData(trpc.assessments.getOwn.queryKey({ id: done.id }), done);
    } catch (error) {
      setConfirming(false);
      const mapped = mapServerError(error, (key) => i18n.exists(key));
      if (mapped.fieldErrors.some((f) => f.path.startsWith('answers.'))) {
        setRefusals((n) => n + 1);
      } else if (errorKey(error) === 'assessments.editConflict') {
        autosave.markConflict();
      } else {
        notice.error(tm(mapped.message ?? 'errors.internal'));
      }
    }
  };

  const answered = answeredCount(answers);
  const title = t('assessment.saved.title', { state, year: assessment.year });

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/assessment', label: t('assessment.nav') },
          { label: t('assessment.edit.crumb', { year: assessment.year }) },
        ]}
      />
      <Page title={title} caption={t('assessment.status.draft')} width="full">
        <div className="two-thirds">
          <p className="lead">{t('assessment.edit.lead')}</p>
          {/* The scoring rules are there for whoever wants them, not in the way of answering. */}
          <Details summary={t('worksurface.steps.howScores')}>
            <p>{t('assessment.index.howScored')}</p>
            <BandRule bands={criteria.tierBands} />
            <p>{t('assessment.result.noOverall')}</p>
          </Details>
        </div>
        <SaveBar
          state={autosave.state}
          lastSaved={assessment.updatedAt}
          answered={answered}
          onRetry={() => void autosave.flush()}
        />
        {autosave.state.kind === 'conflict' && <ConflictBanner onReload={reload} />}
        <PillarSteps
          criteria={criteria}
          answers={answers}
          step={step}
          onStep={toStep}
          position="top"
          withReview
          announce
        />
        {step === REVIEW_STEP ? (
          <>
            <ReviewStep
              assessmentId={assessment.id}
              criteria={criteria}
              scores={score.data?.pillars}
              unanswered={unanswered}
              submitRefused={refusals > 0}
              refusedToken={refusals}
              canSubmit={autosave.state.kind !== 'conflict'}
              onSubmit={requestSubmit}
            />
            {notice.region}
          </>
        ) : (
          <form aria-label={title} onSubmit={(e) => e.preventDefault()} noValidate>
            <Questionnaire
              formId={FORM_ID}
              criteria={criteria}
              answers={answers}
              onAnswer={onAnswer}
              scores={score.data?.pillars}
              evidence={evidence}
              onEvidence={onEvidence}
              missing={refusals > 0 ? new Set(unanswered) : undefined}
              anchors
              onlyPillar={step}
            />
          </form>
        )}
        <PillarSteps
          criteria={criteria}
          answers={answers}
          step={step}
          onStep={toStep}
          position="bottom"
          withReview
        />
      </Page>
      <ModalDialog
        isOpen={confirming}
        onOpenChange={(open) => {
          if (!submit.isPending) setConfirming(open);
        }}
        title={t('assessment.submit.confirmTitle', { state, year: assessment.year })}
      >
        <p>{t('assessment.submit.confirmReadOnly')}</p>
        <p>{t('assessment.submit.confirmSecretariat')}</p>
        <ButtonGroup>
          <Button onClick={() => void confirmSubmit()} isBusy={submit.isPending}>
            {t('assessment.submit.confirm')}
          </Button>
          <LinkButton onClick={() => setConfirming(false)}>{t('assessment.submit.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
