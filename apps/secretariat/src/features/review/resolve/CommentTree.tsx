import { Button, ButtonGroup, useFormat, useServerMessage } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import type { Comment } from './types';

export function CommentTree({
  comments,
  parentId,
  canAnswer,
}: {
  comments: Comment[];
  parentId: string | null;
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const level = comments.filter((c) => (c.parentId ?? null) === parentId);
  const authorOf = (c: Comment) =>
    c.author
      ? c.author.memberState
        ? t('reviews.comments.authorFromState', {
            name: c.author.name,
            state: t(`common.memberStates.${c.author.memberState}`),
          })
        : c.author.name
      : t('reviews.comments.someone');
  if (level.length === 0) return null;
  return (
    <ul className="review-thread">
      {level.map((c) => (
        <li key={c.id} className="review-comment">
          <p className="review-comment__meta">
            {t('reviews.comments.meta', { author: authorOf(c), date: format.dateTime(c.createdAt) })}
            {c.confidential && <> · {t('reviews.comments.confidentialTag')}</>}
          </p>
          <p className="review-pre">{c.body}</p>
          <AnswerBlock kind="comment" id={c.id} answer={c.answer} canAnswer={canAnswer} label={authorOf(c)} />
          <CommentTree comments={comments} parentId={c.id} canAnswer={canAnswer} />
        </li>
      ))}
    </ul>
  );
}

/** The Secretariat's answer to one position or comment: shown when given, else a short form. */
export function AnswerBlock({
  kind,
  id,
  answer,
  canAnswer,
  label,
}: {
  kind: 'position' | 'comment';
  id: string;
  answer: string | null;
  canAnswer: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(answer ?? '');
  const [error, setError] = useState<string | null>(null);
  const options = {
    onSuccess: async () => {
      setEditing(false);
      setError(null);
      await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
    },
    onError: (e: unknown) => setError(serverMessage(e)),
  };
  const answerPosition = useMutation(trpc.review.answerPosition.mutationOptions(options));
  const answerComment = useMutation(trpc.review.answerComment.mutationOptions(options));
  const pending = answerPosition.isPending || answerComment.isPending;
  const inputId = `answer-${id}`;
  if (!editing) {
    return (
      <div className="review-inline-form">
        {answer ? (
          <>
            <p className="heading-s">{t('reviews.resolve.answer')}</p>
            <p className="review-pre">{answer}</p>
          </>
        ) : (
          <p className="hint">{t('reviews.resolve.notAnswered')}</p>
        )}
        {canAnswer && (
          <Button variant="secondary" size="small" onClick={() => setEditing(true)}>
            {answer ? t('reviews.resolve.changeAnswer') : t('reviews.resolve.giveAnswer')}
            <span className="visually-hidden"> {label}</span>
          </Button>
        )}
      </div>
    );
  }
  const submit = () => {
    if (!text.trim()) {
      setError(t('reviews.resolve.answerRequired'));
      return;
    }
    if (kind === 'position') answerPosition.mutate({ id, answer: text });
    else answerComment.mutate({ id, answer: text });
  };
  return (
    <div
      className={error ? 'review-inline-form form-group form-group--error' : 'review-inline-form form-group'}
    >
      <label className="label" htmlFor={inputId}>
        {t('reviews.resolve.answerLabel', { to: label })}
      </label>
      {error && (
        <p className="field-error" id={`${inputId}-error`}>
          <span className="visually-hidden">{t('layout.errorPrefix')}</span> {error}
        </p>
      )}
      <textarea
        id={inputId}
        className={error ? 'textarea textarea--error' : 'textarea'}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
      />
      <ButtonGroup>
        <Button size="small" isBusy={pending} onClick={submit}>
          {t('reviews.resolve.saveAnswer')}
        </Button>
        <Button variant="secondary" size="small" onClick={() => setEditing(false)}>
          {t('reviews.common.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
