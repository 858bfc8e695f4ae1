import type { ProposedEdit } from '@musyawarah/core/editions/edits';
import type { ReactNode } from 'react';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  cx,
  ErrorNotice,
  InsetText,
  LinkButton,
  Loading,
  ModalDialog,
  Page,
  Tag,
  useServerMessage,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import { useCycle, type Cycle } from './CyclePage';
import { DiffLegend, EditDiff } from '@musyawarah/ui';
import { editLocation } from './editForm';
import '@musyawarah/ui/review.css';
import { CycleSections, ResolutionTag } from './shared';

/** An edit with every state's position and the whole thread (the Secretariat's view of the matrix). */
export type EditRow = Outputs['review']['positionsMatrix']['rows'][number];

export function useEditRows(cycleId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.review.positionsMatrix.queryOptions({ cycleId }));
}

/** `/review/cycles/:cycleId/edits`: the draft edition as its list of proposed edits, each with its diff. */
export function EditsPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const edits = useEditRows(cycleId);
  return (
    <Page
      title={t('reviews.edits.title')}
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
        <EditList cycle={cycle.data} rows={edits.data.rows} />
      )}
    </Page>
  );
}

function EditList({ cycle, rows }: { cycle: Cycle; rows: EditRow[] }) {
  const { t } = useTranslation();
  const drafting = cycle.stage === 'drafting';
  const resolving = cycle.stage === 'finalisation';
  return (
    <>
      <p className="prose">{t('reviews.edits.intro')}</p>
      <DiffLegend />
      {drafting ? (
        <ButtonLink to={`/review/cycles/${cycle.id}/edits/new`}>{t('reviews.edits.create')}</ButtonLink>
      ) : (
        <InsetText>
          <p>
            {t(`reviews.edits.stageNote.${cycle.stage}`, {
              defaultValue: t('reviews.edits.stageNote.other'),
            })}
          </p>
        </InsetText>
      )}
      {rows.length === 0 ? (
        <p>{t('reviews.edits.none')}</p>
      ) : (
        <ol className="review-list-plain">
          {rows.map(({ edit, ...row }, index) => (
            <li key={edit.id}>
              <EditCard row={{ edit, ...row }} n={index + 1}>
                {drafting && (
                  <>
                    <Link to={`/review/cycles/${cycle.id}/edits/${edit.id}/edit`}>
                      {t('reviews.edits.edit')}
                      <span className="visually-hidden"> {t('reviews.edits.number', { n: index + 1 })}</span>
                    </Link>
                    <RemoveEdit edit={edit} n={index + 1} />
                  </>
                )}
                {(resolving || cycle.stage === 'comment_period') && (
                  <Link to={`/review/cycles/${cycle.id}/edits/${edit.id}/resolve`}>
                    {resolving ? t('reviews.edits.resolve') : t('reviews.edits.answer')}
                    <span className="visually-hidden"> {t('reviews.edits.number', { n: index + 1 })}</span>
                  </Link>
                )}
              </EditCard>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** Takes an edit out of the draft edition (drafting only), after confirmation; a stale version is refused, not removed. */
function RemoveEdit({ edit, n }: { edit: EditRow['edit']; n: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = useMutation(
    trpc.review.deleteEdit.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      },
      onError: (error) => {
        setConfirming(false);
        setProblem(serverMessage(error));
        void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      },
    }),
  );
  return (
    <>
      <LinkButton
        tone="warning"
        onClick={() => {
          setProblem(null);
          setConfirming(true);
        }}
      >
        {t('reviews.edits.remove')}
        <span className="visually-hidden"> {t('reviews.edits.number', { n })}</span>
      </LinkButton>
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
      <ModalDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('reviews.edits.removeTitle', { n })}
        tone="warning"
      >
        <p>{t('reviews.edits.removeBody')}</p>
        <ButtonGroup>
          <Button
            variant="warning"
            isBusy={remove.isPending}
            onClick={() => remove.mutate({ editId: edit.id, expectedVersion: edit.version })}
          >
            {t('reviews.edits.removeConfirm')}
          </Button>
          <LinkButton onClick={() => setConfirming(false)}>{t('reviews.common.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}

/** "Edit 3: change an entry in C2.1.1" */
export function useEditTitle() {
  const { t } = useTranslation();
  return (edit: { payload: unknown }, n: number) => {
    const payload = edit.payload as ProposedEdit;
    const where = editLocation(payload);
    return t('reviews.edits.cardTitle', {
      n,
      kind: t(`reviews.kind.${payload.kind}`),
      where: where.subActionId ?? where.actionAreaId,
    });
  };
}

/** One proposed edit: what it changes (diff), why, what motivated it, its positions and its resolution. */
export function EditCard({
  row,
  n,
  headingLevel = 2,
  children,
}: {
  row: EditRow;
  n: number;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const title = useEditTitle();
  const { edit } = row;
  const responded = Object.values(row.positions).filter(Boolean).length;
  const resolution = edit.resolution?.kind ?? null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article
      className={cx(
        'review-card',
        resolution === 'rejected' && 'review-card--rejected',
        resolution && resolution !== 'rejected' && 'review-card--resolved',
      )}
      aria-labelledby={`edit-${edit.id}`}
    >
      <Heading className="heading-m review-card__title" id={`edit-${edit.id}`}>
        {title(edit, n)}
      </Heading>
      <div className="review-card__tags">
        <ResolutionTag resolution={resolution} />
        <Tag tone="grey">{t('reviews.edits.positionCount', { count: responded, total: 11 })}</Tag>
        {row.comments.length > 0 && (
          <Tag tone="grey">{t('reviews.edits.commentCount', { count: row.comments.length })}</Tag>
        )}
      </div>
      {edit.diff ? <EditDiff diff={edit.diff} /> : <p className="hint">{t('reviews.edits.doesNotApply')}</p>}
      {edit.resolution?.finalDiff && (
        <>
          <h3 className="heading-s">{t('reviews.resolve.finalAgainstBase')}</h3>
          <EditDiff diff={edit.resolution.finalDiff} />
        </>
      )}
      <h3 className="heading-s">{t('reviews.edits.rationale')}</h3>
      <p className="review-pre">{edit.rationale}</p>
      {edit.motivations.length > 0 && (
        <>
          <h3 className="heading-s">{t('reviews.edits.motivatedBy')}</h3>
          <ul>
            {edit.motivations.map((m) => (
              <li key={`${m.kind}:${m.targetId}`}>
                <Tag tone="grey">{t(`reviews.motivationKind.${m.kind}`)}</Tag> {m.note ?? m.targetId}
              </li>
            ))}
          </ul>
        </>
      )}
      {responded > 0 && row.nonRespondents.length > 0 && (
        <p className="hint">
          {t('reviews.edits.notResponded', {
            states: row.nonRespondents.map((s) => t(`common.memberStates.${s}`)).join(', '),
          })}
        </p>
      )}
      {children && <p className="review-card__actions">{children}</p>}
    </article>
  );
}
