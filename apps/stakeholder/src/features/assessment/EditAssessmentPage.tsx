import {
  Button,
  ButtonGroup,
  ErrorNotice,
  LinkButton,
  Loading,
  ModalDialog,
  NotificationBanner,
  Page,
  errorKey,
  errorStatus,
  fieldId,
  mapServerError,
  useFormat,
  usePageErrorFlag,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useTRPC, type Me } from '../../trpc';
import { Breadcrumbs } from '../catalogue/Breadcrumbs';
import { useHashFocus } from '../catalogue/hash';
import {
  CRITERION_COUNT,
  answeredCount,
  cleanAnswers,
  evidenceDrafts,
  evidencePayload,
  unansweredIds,
  type Answer,
  type Answers,
  type EvidenceDraft,
  type EvidenceDrafts,
} from './answers';
import './assessment.css';
import { useCriteria, useLiveScore, type CriteriaData, type OwnAssessment } from './data';
import { RequireMemberState } from './guards';
import { useAssessmentMessage } from './messages';
import { Questionnaire } from './Questionnaire';
import { ScoreTable } from './Scores';
import { useAutosave, type SaveState } from './useAutosave';

export const FORM_ID = 'assessment';

/** `/assessment/:id/edit`: a Member State's draft, saved as it is answered. */
export function EditAssessmentPage() {
  return <RequireMemberState>{(me) => <EditAssessment me={me} />}</RequireMemberState>;
}

function EditAssessment({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const criteria = useCriteria();
  const assessment = useQuery({
    ...trpc.assessments.getOwn.queryOptions({ id }),
    retry: false,
    staleTime: 0,
  });
  const [reloads, setReloads] = useState(0);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  // Set just before the submitted assessment lands in the cache, so the redirect below carries the notice.
  const [justSubmitted, setJustSubmitted] = useState(false);

  const reload = useCallback(async () => {
    const fresh = await assessment.refetch();
    if (fresh.data) {
      setLoadedVersion(fresh.data.version);
      setReloads((n) => n + 1);
    }
  }, [assessment]);

  if (assessment.isPending || criteria.isPending) return <Loading />;
  if (assessment.isError) {
    if (errorStatus(assessment.error) === 404 || errorStatus(assessment.error) === 400)
      return <AssessmentNotFound />;
    return <ErrorNotice error={assessment.error} onRetry={() => void assessment.refetch()} />;
  }
  if (criteria.isError) return <ErrorNotice error={criteria.error} onRetry={() => void criteria.refetch()} />;
  if (assessment.data.status !== 'draft') {
    return (
      <Navigate
        to={`/assessment/${assessment.data.id}`}
        replace
        state={justSubmitted ? { notice: 'submitted' } : undefined}
      />
    );
  }
  return (
    <DraftEditor
      key={`${reloads}-${loadedVersion ?? ''}`}
      me={me}
      assessment={assessment.data}
      criteria={criteria.data}
      reloaded={reloads > 0}
      onReload={reload}
      onSubmitted={() => setJustSubmitted(true)}
    />
  );
}

export function AssessmentNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('assessment.notFound.title')}>
      <p>{t('assessment.notFound.body')}</p>
      <p>
        <Link to="/assessment">{t('assessment.notFound.back')}</Link>
      </p>
    </Page>
  );
}

function DraftEditor({
  me,
  assessment,
  criteria,
  reloaded,
  onReload,
  onSubmitted,
}: {
  me: Me;
  assessment: OwnAssessment;
  criteria: CriteriaData;
  reloaded: boolean;
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
  useHashFocus(true);

  const onSaved = useCallback(
    (saved: OwnAssessment) => {
      queryClient.setQueryData(trpc.assessments.getOwn.queryKey({ id: saved.id }), saved);
      void queryClient.invalidateQueries({ queryKey: trpc.assessments.listOwn.queryKey() });
    },
    [queryClient, trpc],
  );
  const autosave = useAutosave(assessment.id, assessment.version, onSaved);

  const [missing, setMissing] = useState<string[]>([]);
  const [summaryToken, setSummaryToken] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submit = useMutation(trpc.assessments.submit.mutationOptions());

  const onAnswer = (id: string, value: Answer) => {
    const next = { ...answers, [id]: value };
    setAnswers(next);
    if (missing.includes(id)) setMissing((m) => m.filter((x) => x !== id));
    autosave.schedule({ answers: next, evidence: evidencePayload(evidence) });
  };
  const onEvidence = (id: string, draft: EvidenceDraft) => {
    const next = { ...evidence, [id]: draft };
    setEvidence(next);
    autosave.schedule({ answers, evidence: evidencePayload(next) });
  };

  const requestSubmit = () => {
    setSubmitError(null);
    const unanswered = unansweredIds(answers);
    if (unanswered.length > 0) {
      setMissing(unanswered);
      setSummaryToken((n) => n + 1);
      return;
    }
    setMissing([]);
    setConfirming(true);
  };

  const confirmSubmit = async () => {
    setSubmitError(null);
    const saved = await autosave.flush();
    if (!saved) {
      setConfirming(false);
      if (!autosave.isConflicted()) setSubmitError(t('assessment.submit.unsaved'));
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
      const unanswered = mapped.fieldErrors
        .filter((f) => f.path.startsWith('answers.'))
        .map((f) => f.path.slice('answers.'.length));
      if (unanswered.length > 0) {
        setMissing(unanswered);
        setSummaryToken((n) => n + 1);
      } else if (errorKey(error) === 'assessments.editConflict') {
        autosave.markConflict();
      } else {
        setSubmitError(tm(mapped.message ?? 'errors.internal'));
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
        </div>
        {reloaded && (
          <NotificationBanner tone="success" focusOnMount>
            <p>{t('assessment.edit.reloaded')}</p>
          </NotificationBanner>
        )}
        <SaveBar
          state={autosave.state}
          lastSaved={assessment.updatedAt}
          answered={answered}
          onRetry={() => void autosave.flush()}
        />
        {autosave.state.kind === 'conflict' && <ConflictBanner onReload={onReload} />}
        {submitError && (
          <NotificationBanner tone="error" focusOnMount>
            <p>{submitError}</p>
          </NotificationBanner>
        )}
        <MissingSummary ids={missing} criteria={criteria} token={summaryToken} />
        <ScoreTable
          criteria={criteria}
          pillars={score.data?.pillars}
          caption={t('assessment.edit.scoresCaption')}
          sectionPrefix={FORM_ID}
        />
        <form aria-label={title} onSubmit={(e) => e.preventDefault()} noValidate>
          <Questionnaire
            formId={FORM_ID}
            criteria={criteria}
            answers={answers}
            onAnswer={onAnswer}
            scores={score.data?.pillars}
            evidence={evidence}
            onEvidence={onEvidence}
            missing={new Set(missing)}
            anchors
          />
        </form>
        <section aria-labelledby="submit-heading" className="submit-section">
          <h2 className="heading-l" id="submit-heading">
            {t('assessment.submit.title')}
          </h2>
          <div className="two-thirds">
            <p>{t('assessment.submit.body', { answered, total: CRITERION_COUNT })}</p>
            <ButtonGroup>
              <Button onClick={requestSubmit} disabled={autosave.state.kind === 'conflict'}>
                {t('assessment.submit.button')}
              </Button>
              <Link to={`/assessment/${assessment.id}`}>{t('assessment.edit.resultsSoFar')}</Link>
            </ButtonGroup>
          </div>
        </section>
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

function SaveBar({
  state,
  lastSaved,
  answered,
  onRetry,
}: {
  state: SaveState;
  lastSaved: Date | string;
  answered: number;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const tm = useAssessmentMessage();
  let text: string;
  switch (state.kind) {
    case 'idle':
      text = t('assessment.save.idle', { date: format.dateTime(lastSaved) });
      break;
    case 'pending':
      text = t('assessment.save.pending');
      break;
    case 'saving':
      text = t('assessment.save.saving');
      break;
    case 'saved':
      text = t('assessment.save.saved', { date: format.dateTime(state.at) });
      break;
    case 'conflict':
      text = t('assessment.save.conflict');
      break;
    default:
      text = t('assessment.save.failed', {
        reason: tm(mapServerError(state.error).message ?? 'errors.internal'),
      });
  }
  const bad = state.kind === 'error' || state.kind === 'conflict';
  return (
    <div className={`save-bar${bad ? ' save-bar--error' : ''}`}>
      <p className="save-bar__status" role="status" aria-atomic="true" data-state={state.kind}>
        {text}
      </p>
      <p className="save-bar__progress">
        {t('assessment.try.answeredTotal', { answered, total: CRITERION_COUNT })}
      </p>
      {state.kind === 'error' && <LinkButton onClick={onRetry}>{t('assessment.save.retry')}</LinkButton>}
    </div>
  );
}

function ConflictBanner({ onReload }: { onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <NotificationBanner tone="error" focusOnMount heading={t('assessment.conflict.heading')}>
      <p>{t('assessment.conflict.body')}</p>
      <Button
        isBusy={busy}
        onClick={() => {
          setBusy(true);
          void onReload().finally(() => setBusy(false));
        }}
      >
        {t('assessment.conflict.reload')}
      </Button>
    </NotificationBanner>
  );
}

/** GOV.UK error summary listing the criteria still to answer, each linking to its first option. */
function MissingSummary({ ids, criteria, token }: { ids: string[]; criteria: CriteriaData; token: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const page = usePageErrorFlag();
  const visible = ids.length > 0;
  useEffect(() => {
    page?.setHasError(visible);
    return () => page?.setHasError(false);
  }, [page, visible]);
  useEffect(() => {
    if (visible && token > 0) ref.current?.focus();
  }, [token, visible]);
  if (!visible) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {t('layout.errorSummary.title')}
      </h2>
      <div className="error-summary__body">
        <p>{t('assessment.submit.missingIntro', { count: ids.length })}</p>
        <ul className="error-summary__list missing-list">
          {criteria.pillars.map((pillar) => {
            const inPillar = ids.filter(
              (id) => criteria.criteria.find((c) => c.id === id)?.pillar === pillar.number,
            );
            if (inPillar.length === 0) return null;
            return (
              <li key={pillar.number}>
                <span className="missing-list__pillar">
                  {t('assessment.pillarNamed', { number: pillar.number, name: pillar.name })}:
                </span>{' '}
                <ul className="missing-list__ids">
                  {inPillar.map((id) => {
                    const target = fieldId(FORM_ID, `answers.${id}`);
                    return (
                      <li key={id}>
                        <a
                          href={`#${target}`}
                          onClick={(event) => {
                            const input = document.getElementById(target);
                            if (!input) return;
                            event.preventDefault();
                            input.focus({ preventScroll: true });
                            (input.closest('.form-group') ?? input).scrollIntoView({ block: 'start' });
                          }}
                        >
                          <span className="visually-hidden">{t('assessment.submit.answerPrefix')} </span>
                          {id}
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
