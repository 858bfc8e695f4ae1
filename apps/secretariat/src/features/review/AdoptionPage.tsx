import {
  Button,
  ButtonGroup,
  ErrorNotice,
  InsetText,
  LinkButton,
  Loading,
  ModalDialog,
  NotificationBanner,
  Page,
  WarningText,
  useMessage,
  useNoticeBeside,
  useServerMessage,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../trpc';
import { useCycle, type Cycle } from './CyclePage';
import { useEditRows, useEditTitle, type EditRow } from './EditsPage';
import '@musyawarah/ui/review.css';
import { CycleSections } from './shared';
import { ClosedNotice, CloseCycle } from './CloseCycle';

/** `/review/cycles/:cycleId/adoption`: the draft becomes the current edition, once every edit is resolved. */
export function AdoptionPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const edits = useEditRows(cycleId);
  return (
    <Page
      title={t('reviews.adoption.title')}
      caption={cycle.data?.title.en}
      width="full"
      backLink={{ to: '/review', label: t('reviews.home.title') }}
    >
      <CycleSections cycleId={cycleId} />
      {cycle.isPending || edits.isPending ? (
        <Loading />
      ) : cycle.isError || edits.isError ? (
        <ErrorNotice
          error={cycle.error ?? edits.error}
          onRetry={() => void Promise.all([cycle.refetch(), edits.refetch()])}
        />
      ) : (
        <Adoption cycle={cycle.data} edits={edits.data.rows.map((r) => r.edit)} />
      )}
    </Page>
  );
}

function Adoption({ cycle, edits }: { cycle: Cycle; edits: EditRow['edit'][] }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [confirming, setConfirming] = useState(false);
  // The actions sit below the list of what blocks adoption: their failures are said beside them, not at the top.
  const notice = useNoticeBeside();
  const [notes, setNotes] = useState('');
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const notesId = useId();
  const titleId = useId();
  const editTitle = useEditTitle();
  const blockedId = useId();
  const adopt = useMutation(
    trpc.review.adopt.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await queryClient.invalidateQueries();
      },
      onError: (error) => {
        const fieldError = (error as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors
          ?.title?.[0];
        if (fieldError) {
          setTitleError(fieldError);
          return;
        }
        setConfirming(false);
        notice.error(serverMessage(error));
        void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      },
    }),
  );
  const readiness = cycle.readiness;
  const back = useMutation(
    trpc.review.returnToFinalisation.mutationOptions({
      onSuccess: async () => {
        notice.clear();
        await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      },
      onError: (error) => {
        notice.error(serverMessage(error));
        void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      },
    }),
  );
  const numberOf = new Map(edits.map((e, i) => [e.id, i + 1]));
  const label = (edit: EditRow['edit']) => editTitle(edit, numberOf.get(edit.id) ?? 0);

  if (cycle.stage === 'adopted') {
    const from = cycle.baseEditionNumber;
    const to = cycle.adoptedEditionNumber;
    return (
      <>
        <NotificationBanner tone="success">
          <p className="notification__heading">{t('reviews.adoption.adopted', { number: to })}</p>
          <p>{t('reviews.adoption.published')}</p>
        </NotificationBanner>
        <ul>
          <li>
            <a href={`/editions/compare?from=${from}&to=${to}`}>
              {t('reviews.adoption.compareLink', { from, to })}
            </a>
          </li>
          <li>
            <a href={`/review/editions/${to}`}>{t('reviews.adoption.youSaidLink', { number: to })}</a>
          </li>
        </ul>
      </>
    );
  }

  if (cycle.stage === 'closed') return <ClosedNotice cycle={cycle} />;

  const inAdoption = cycle.stage === 'adoption';
  const inFinalisation = cycle.stage === 'finalisation';
  const byId = new Map(edits.map((e) => [e.id, e]));
  // Resolutions change in finalisation only: in adoption the edits are named, not linked to a page the API would refuse.
  const editLink = (id: string) => {
    const edit = byId.get(id);
    if (!edit) return null;
    return inFinalisation ? (
      <Link to={`/review/cycles/${cycle.id}/edits/${id}/resolve`}>{label(edit)}</Link>
    ) : (
      label(edit)
    );
  };
  const showProblems = (inAdoption || inFinalisation) && !readiness.ok;
  return (
    <>
      <p className="prose">{t('reviews.adoption.intro', { number: cycle.baseEditionNumber })}</p>
      {!inAdoption && (
        <InsetText>
          <p>{t('reviews.adoption.notYet', { stage: t(`reviews.stage.${cycle.stage}`) })}</p>
        </InsetText>
      )}
      {showProblems && (
        <div id={blockedId}>
          {readiness.problems.map((p) => (
            <div key={p.reason}>
              {p.reason === 'review.unresolvedEdits' && (
                <>
                  <WarningText>{t('reviews.adoption.unresolved', { count: p.edits.length })}</WarningText>
                  <ul>
                    {p.edits.map((id) => (
                      <li key={id}>{editLink(id)}</li>
                    ))}
                  </ul>
                </>
              )}
              {p.reason === 'review.nothingToAdopt' && (
                <WarningText>{t('reviews.adoption.nothing')}</WarningText>
              )}
              {p.reason === 'review.baseNotCurrent' && (
                <WarningText>
                  {t('reviews.adoption.baseNotCurrent', {
                    base: cycle.baseEditionNumber,
                    current: p.currentEditionNumber,
                  })}
                </WarningText>
              )}
              {p.reason === 'review.editsCollide' && (
                <>
                  <WarningText>{t('reviews.adoption.collide', { count: p.collisions.length })}</WarningText>
                  <ul>
                    {p.collisions.map((c) => (
                      <li key={`${c.editId}-${c.conflictsWith ?? ''}`}>
                        {editLink(c.editId)}
                        {c.conflictsWith && (
                          <>
                            {' '}
                            {t('reviews.adoption.collidesWith')} {editLink(c.conflictsWith)}
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ))}
          {inFinalisation && <p>{t('reviews.adoption.fixInFinalisation')}</p>}
        </div>
      )}
      {readiness.ok && (inAdoption || inFinalisation) && (
        <p>
          {t('reviews.adoption.summary', {
            accepted: edits.filter((e) => e.resolution && e.resolution.kind !== 'rejected').length,
            rejected: edits.filter((e) => e.resolution?.kind === 'rejected').length,
          })}
        </p>
      )}
      {inAdoption && (
        <ButtonGroup>
          {readiness.ok && (
            <Button
              onClick={() => {
                notice.clear();
                if (!title)
                  setTitle(
                    t('reviews.adoption.defaultTitle', {
                      number: cycle.baseEditionNumber + 1,
                      cycle: cycle.title.en,
                    }),
                  );
                setConfirming(true);
              }}
            >
              {t('reviews.adoption.button', { number: cycle.baseEditionNumber + 1 })}
            </Button>
          )}
          <Button
            variant="secondary"
            isBusy={back.isPending}
            onClick={() => back.mutate({ cycleId: cycle.id, expectedStage: 'adoption' })}
          >
            {t('reviews.adoption.returnToFinalisation')}
          </Button>
        </ButtonGroup>
      )}
      {/* A cycle whose base was superseded can never be adopted: closing it is its way forward (offered only when allowed). */}
      <CloseCycle cycle={cycle} explain={false} notices={notice} />
      {/* Outside the actions, which a reloaded cycle may take away: a refusal stays in view. */}
      {notice.region}
      <ModalDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('reviews.adoption.confirmTitle', { number: cycle.baseEditionNumber + 1 })}
        tone="warning"
      >
        <p>{t('reviews.adoption.confirmBody', { number: cycle.baseEditionNumber + 1 })}</p>
        <div className={titleError ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={titleId}>
            {t('reviews.adoption.editionTitle')}
          </label>
          <div className="hint" id={`${titleId}-hint`}>
            {t('reviews.adoption.editionTitleHint')}
          </div>
          {titleError && (
            <p className="field-error" id={`${titleId}-error`}>
              <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
              {tm(titleError, { form: 'adopt', path: 'title' })}
            </p>
          )}
          <input
            id={titleId}
            className={titleError ? 'input input--error' : 'input'}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={`${titleId}-hint${titleError ? ` ${titleId}-error` : ''}`}
          />
        </div>
        <div className="form-group">
          <label className="label" htmlFor={notesId}>
            {t('reviews.adoption.notes')} <span className="optional">{t('layout.optional')}</span>
          </label>
          <div className="hint" id={`${notesId}-hint`}>
            {t('reviews.adoption.notesHint')}
          </div>
          <textarea
            id={notesId}
            className="textarea"
            rows={4}
            value={notes}
            aria-describedby={`${notesId}-hint`}
            onChange={(e) => setNotes(e.target.value)}
          />
        </div>
        <ButtonGroup>
          <Button
            isBusy={adopt.isPending}
            onClick={() => {
              setTitleError(null);
              adopt.mutate({ cycleId: cycle.id, title, notes: notes.trim() || undefined });
            }}
          >
            {t('reviews.adoption.confirm')}
          </Button>
          <LinkButton onClick={() => setConfirming(false)}>{t('reviews.common.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
