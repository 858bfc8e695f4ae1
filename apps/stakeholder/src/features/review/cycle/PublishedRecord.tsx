import { useFormat } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { DiffLegend, EditDiff } from '@musyawarah/ui';
import { PositionTag, ResolutionTag, useEditTitle } from '../shared';
import { type RecordEdit } from './types';

/** After adoption: every edit, how it was resolved and answered, the positions of the states and the public comments. */
export function PublishedRecord({ edits }: { edits: RecordEdit[] }) {
  const { t } = useTranslation();
  const title = useEditTitle();
  const format = useFormat();
  return (
    <section aria-labelledby="record-heading">
      <h2 className="heading-l" id="record-heading">
        {t('reviews.record.heading')}
      </h2>
      <DiffLegend />
      <ol className="review-list-plain">
        {edits.map((edit, index) => (
          <li key={edit.id}>
            <article className="review-card" aria-labelledby={`record-${edit.id}`}>
              <h3 className="heading-m review-card__title" id={`record-${edit.id}`}>
                {title(edit.payload, index + 1)}
              </h3>
              <p className="review-card__tags">
                <ResolutionTag kind={edit.resolution?.kind} />
              </p>
              {edit.resolution?.finalDiff ? (
                <EditDiff diff={edit.resolution.finalDiff} />
              ) : (
                edit.diff && <EditDiff diff={edit.diff} />
              )}
              <h4 className="heading-s">{t('reviews.edit.rationale')}</h4>
              <p className="review-pre">{edit.rationale}</p>
              {edit.resolution && (
                <>
                  <h4 className="heading-s">{t('reviews.record.answer')}</h4>
                  <p className="review-pre">{edit.resolution.answer}</p>
                </>
              )}
              {edit.positions.length > 0 && (
                <>
                  <h4 className="heading-s">{t('reviews.record.positions')}</h4>
                  <ul>
                    {edit.positions.map((p) => (
                      <li key={p.id}>
                        {t(`common.memberStates.${p.memberState}`)}: <PositionTag kind={p.kind} />{' '}
                        {p.text && <span className="review-pre">{p.text}</span>}
                        {p.answer && (
                          <p className="hint">{t('reviews.record.answered', { answer: p.answer })}</p>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {edit.comments.length > 0 && (
                <>
                  <h4 className="heading-s">
                    {t('reviews.comments.heading', { count: edit.comments.length })}
                  </h4>
                  <ul>
                    {edit.comments.map((c) => (
                      <li key={c.id}>
                        <span className="review-comment__meta">
                          {t('reviews.comments.meta', {
                            author: c.author?.name ?? t('reviews.comments.someone'),
                            date: format.dateTime(c.createdAt),
                          })}
                        </span>
                        <p className="review-pre">{c.body}</p>
                        {c.answer && (
                          <p className="hint">{t('reviews.record.answered', { answer: c.answer })}</p>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
