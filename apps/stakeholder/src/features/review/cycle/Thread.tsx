import { ErrorNotice, LinkButton, Loading, useFormat, useNoticeBeside } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { type Cycle, type ParticipantEdit, type Comment } from './types';
import { CommentForm } from './CommentForm';

/** The comments on one edit, as threads; anyone allowed in the cycle can write and reply in the comment period. */
export function Thread({
  cycle,
  edit,
  n,
  canComment,
}: {
  cycle: Cycle;
  edit: ParticipantEdit;
  n: number;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const comments = useQuery(trpc.review.comments.queryOptions({ editId: edit.id }));
  const notice = useNoticeBeside({ headingLevel: 5 });
  return (
    <section aria-labelledby={`thread-${edit.id}`}>
      <h4 className="heading-s" id={`thread-${edit.id}`}>
        {t('reviews.comments.heading', { count: comments.data?.length ?? edit.commentCount })}
      </h4>
      {comments.isPending ? (
        <Loading />
      ) : comments.isError ? (
        <ErrorNotice error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.length === 0 ? (
        <p>{t('reviews.comments.none')}</p>
      ) : (
        <CommentTree
          cycle={cycle}
          editId={edit.id}
          comments={comments.data}
          parentId={null}
          canComment={canComment}
        />
      )}
      {canComment && (
        <CommentForm
          cycle={cycle}
          editId={edit.id}
          formId={`comment-${n}`}
          label={t('reviews.comments.add')}
          notice={notice}
        />
      )}
      {notice.region}
    </section>
  );
}

export function CommentTree({
  cycle,
  editId,
  comments,
  parentId,
  canComment,
}: {
  cycle: Cycle;
  editId: string;
  comments: Comment[];
  parentId: string | null;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  // The reply form closes once the reply is stored, so its outcome is said beside the comment it answers.
  const notice = useNoticeBeside({ headingLevel: 5 });
  const [repliedTo, setRepliedTo] = useState<string | null>(null);
  // With the form, the button that sent the reply goes: focus returns to the "Reply" button it was opened with, rather
  // than falling back to the top of the page. A new object per reply, so a second reply to one comment refocuses too.
  const [closedAfterReply, setClosedAfterReply] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (closedAfterReply) document.getElementById(`reply-open-${closedAfterReply.id}`)?.focus();
  }, [closedAfterReply]);
  const level = comments.filter((c) => (c.parentId ?? null) === parentId);
  if (level.length === 0) return null;
  const authorOf = (c: Comment) =>
    c.author
      ? c.author.memberState && c.author.role === 'member_state'
        ? t('reviews.comments.authorFromState', {
            name: c.author.name,
            state: t(`common.memberStates.${c.author.memberState}`),
          })
        : c.author.name
      : t('reviews.comments.someone');
  return (
    <ul className="review-thread">
      {level.map((c) => (
        <li key={c.id} className="review-comment">
          <p className="review-comment__meta">
            {t('reviews.comments.meta', { author: authorOf(c), date: format.dateTime(c.createdAt) })}
            {c.confidential && <> · {t('reviews.comments.confidentialTag')}</>}
          </p>
          <p className="review-pre">{c.body}</p>
          {c.answer && (
            <div className="review-inline-form">
              <p className="heading-s">{t('reviews.answer')}</p>
              <p className="review-pre">{c.answer}</p>
            </div>
          )}
          {canComment &&
            (replyingTo === c.id ? (
              <CommentForm
                cycle={cycle}
                editId={editId}
                parentId={c.id}
                formId={`reply-${c.id}`}
                label={t('reviews.comments.replyTo', { author: authorOf(c) })}
                notice={notice}
                onSend={() => setRepliedTo(c.id)}
                onDone={() => {
                  setReplyingTo(null);
                  setClosedAfterReply({ id: c.id });
                }}
              />
            ) : (
              <LinkButton id={`reply-open-${c.id}`} onClick={() => setReplyingTo(c.id)}>
                {t('reviews.comments.reply')}
                <span className="visually-hidden">
                  {' '}
                  {t('reviews.comments.toAuthor', { author: authorOf(c) })}
                </span>
              </LinkButton>
            ))}
          {repliedTo === c.id && notice.region}
          <CommentTree
            cycle={cycle}
            editId={editId}
            comments={comments}
            parentId={c.id}
            canComment={canComment}
          />
        </li>
      ))}
    </ul>
  );
}
