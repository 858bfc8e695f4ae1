import { phaseAllows } from '@musyawarah/core/review/rules';
import { ErrorNotice, InsetText, Loading, errorStatus } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Me } from '../../../trpc';
import { DiffLegend, EditDiff } from '@musyawarah/ui';
import { useDay, useEditTitle, useServerMessage } from '../shared';
import { type Cycle } from './types';
import { StatePosition } from './StatePosition';
import { Thread } from './Thread';

/** The edits as participants read them in the comment period, with their state's position and the threads. */
export function CommentPeriod({ cycle, me }: { cycle: Cycle; me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const serverMessage = useServerMessage();
  const edits = useQuery({
    ...trpc.review.edits.queryOptions({ cycleId: cycle.id }),
    retry: (n, e) => errorStatus(e) !== 403 && n < 2,
  });
  const title = useEditTitle();
  const day = useDay();
  if (edits.isPending) return <Loading />;
  if (edits.isError) {
    if (errorStatus(edits.error) === 403)
      return (
        <InsetText>
          <p>{serverMessage(edits.error)}</p>
        </InsetText>
      );
    return <ErrorNotice error={edits.error} onRetry={() => void edits.refetch()} />;
  }
  const representative = me.role === 'member_state' && me.memberState ? me.memberState : null;
  // The server's rule for commenting and recording a position (both in the comment period only).
  const commenting = phaseAllows(cycle.stage, 'comment').ok;
  return (
    <section aria-labelledby="edits-heading">
      <h2 className="heading-l" id="edits-heading">
        {t('reviews.cycle.editsHeading', { count: edits.data.edits.length })}
      </h2>
      <div className="two-thirds">
        {representative && commenting && (
          <p>
            {t('reviews.cycle.representativeIntro', { state: t(`common.memberStates.${representative}`) })}
          </p>
        )}
        {commenting ? (
          <p>
            {t('reviews.cycle.commentIntro', {
              date: day(cycle.phases.find((p) => p.phase === 'comment_period')?.plannedEnd),
            })}
          </p>
        ) : (
          <InsetText>
            <p>{t('reviews.cycle.commentsClosed')}</p>
          </InsetText>
        )}
        <DiffLegend />
      </div>
      {edits.data.edits.length === 0 && <p>{t('reviews.cycle.noEdits')}</p>}
      <ol className="review-list-plain">
        {edits.data.edits.map((edit, index) => (
          <li key={edit.id}>
            <article className="review-card" aria-labelledby={`edit-${edit.id}`}>
              <h3 className="heading-m review-card__title" id={`edit-${edit.id}`}>
                {title(edit.payload, index + 1)}
              </h3>
              {edit.diff ? (
                <EditDiff diff={edit.diff} />
              ) : (
                <p className="hint">{t('reviews.edit.doesNotApply')}</p>
              )}
              <h4 className="heading-s">{t('reviews.edit.rationale')}</h4>
              <p className="review-pre">{edit.rationale}</p>
              {representative && (
                <StatePosition
                  edit={edit}
                  memberState={representative}
                  canRecord={commenting}
                  n={index + 1}
                />
              )}
              <Thread cycle={cycle} edit={edit} n={index + 1} canComment={commenting} />
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
