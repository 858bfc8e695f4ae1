import { ErrorNotice, InsetText, Loading, Page } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCycle, type Cycle } from './CyclePage';
import { DiffLegend } from '@musyawarah/ui';
import { useBaseCatalogue } from './baseCatalogue';
import { EditCard, useEditRows, type EditRow } from './EditsPage';
import { editLocation } from './editForm';
import '@musyawarah/ui/review.css';
import { CycleSections, PositionTag, ResolutionTag } from './shared';
import { CommentTree, AnswerBlock } from './resolve/CommentTree';
import { ResolutionForm } from './resolve/ResolutionForm';

/** `/review/cycles/:cycleId/edits/:editId/resolve`: answer every position and comment, then settle the edit. */
export function ResolvePage() {
  const { t } = useTranslation();
  const { cycleId = '', editId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const rows = useEditRows(cycleId);
  const index = rows.data?.rows.findIndex((r) => r.edit.id === editId) ?? -1;
  return (
    <Page
      title={t('reviews.resolve.title')}
      caption={cycle.data?.title.en}
      width="full"
      backLink={{ to: `/review/cycles/${cycleId}/edits`, label: t('reviews.edits.title') }}
    >
      <CycleSections cycleId={cycleId} />
      {cycle.isPending || rows.isPending ? (
        <Loading />
      ) : cycle.isError || rows.isError ? (
        <ErrorNotice
          error={cycle.error ?? rows.error}
          onRetry={() => void Promise.all([cycle.refetch(), rows.refetch()])}
        />
      ) : index < 0 ? (
        <ErrorNotice error={{ message: 'review.editNotFound', data: { httpStatus: 404 } }} />
      ) : (
        <ResolveBody cycle={cycle.data} row={rows.data.rows[index]!} n={index + 1} />
      )}
    </Page>
  );
}

function ResolveBody({ cycle, row, n }: { cycle: Cycle; row: EditRow; n: number }) {
  const { t } = useTranslation();
  const edit = row.edit;
  const { catalogue } = useBaseCatalogue(cycle.baseEditionNumber, [editLocation(edit.payload).actionAreaId]);
  const positions = Object.values(row.positions).filter((p) => p !== null);
  const canAnswer = cycle.stage === 'comment_period' || cycle.stage === 'finalisation';
  return (
    <>
      <DiffLegend />
      <EditCard row={row} n={n} />

      <h2 className="heading-l">{t('reviews.resolve.positionsHeading')}</h2>
      {positions.length === 0 ? (
        <p>{t('reviews.resolve.noPositions')}</p>
      ) : (
        <ul className="review-list-plain">
          {positions.map((p) => (
            <li key={p.id} className="review-card">
              <h3 className="heading-s review-card__title">
                {t(`common.memberStates.${p.memberState}`)} <PositionTag kind={p.kind} />
              </h3>
              {p.text && <p className="review-pre">{p.text}</p>}
              {p.counterProposal && (
                <>
                  <p className="heading-s">{t('reviews.resolve.counterProposal')}</p>
                  <p className="review-pre inset-text">{p.counterProposal}</p>
                </>
              )}
              <AnswerBlock
                kind="position"
                id={p.id}
                answer={p.answer}
                canAnswer={canAnswer}
                label={t(`common.memberStates.${p.memberState}`)}
              />
            </li>
          ))}
        </ul>
      )}

      <h2 className="heading-l">{t('reviews.resolve.commentsHeading')}</h2>
      {row.comments.length === 0 ? (
        <p>{t('reviews.resolve.noComments')}</p>
      ) : (
        <CommentTree comments={row.comments} parentId={null} canAnswer={canAnswer} />
      )}

      <h2 className="heading-l">{t('reviews.resolve.resolutionHeading')}</h2>
      {edit.resolution && (
        <p>
          <ResolutionTag resolution={edit.resolution.kind} />{' '}
          <span className="review-pre">{edit.resolution.answer}</span>
        </p>
      )}
      {cycle.stage === 'finalisation' && catalogue ? (
        <ResolutionForm key={edit.version} cycle={cycle} edit={edit} catalogue={catalogue} />
      ) : (
        <InsetText>
          <p>{t('reviews.resolve.notFinalisation', { stage: t(`reviews.stage.${cycle.stage}`) })}</p>
        </InsetText>
      )}
    </>
  );
}
