import { Button, ErrorNotice, FieldError, Loading, Tag, cx, useField, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MotivationKind } from '@musyawarah/core/review/vocabulary';
import { useTRPC } from '../../trpc';
import type { EditFormValues } from './editForm';

const english = (value: unknown) =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && 'en' in value
      ? englishOf(value)
      : '';

const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What motivated an edit: consultation contributions (found round by round) and member-state assessments of this
 * cycle. Each linked item is listed with a button to remove it.
 */
export function MotivationsField({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray<EditFormValues, 'motivations'>({ name: 'motivations' });
  const { id, error } = useField('motivations');
  const linked = new Set(fields.map((f) => `${f.kind}:${f.targetId}`));
  const add = (kind: MotivationKind, targetId: string, label: string) => {
    if (!linked.has(`${kind}:${targetId}`)) append({ kind, targetId, label });
  };
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <h3 className="heading-m" id={id} tabIndex={-1}>
        {t('reviews.motivations.heading')}
      </h3>
      <p className="hint">{t('reviews.motivations.hint')}</p>
      <FieldError name="motivations" message={error} />
      {fields.length === 0 ? (
        <p>{t('reviews.motivations.none')}</p>
      ) : (
        <ul className="review-list-plain">
          {fields.map((field, index) => (
            <li key={field.id} className="review-card">
              <Tag tone="grey">{t(`reviews.motivationKind.${field.kind}`)}</Tag>{' '}
              <span className="review-pre">{field.label}</span>{' '}
              <Button variant="secondary" size="small" onClick={() => remove(index)}>
                {t('reviews.motivations.remove')}
                <span className="visually-hidden"> {field.label}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ContributionFinder
        linked={linked}
        onLink={(targetId, label) => add('contribution', targetId, label)}
      />
      <BoardSessionFinder
        linked={linked}
        onLink={(targetId, label) => add('board_session', targetId, label)}
      />
      <AssessmentFinder
        cycleId={cycleId}
        linked={linked}
        onLink={(targetId, label) => add('assessment', targetId, label)}
      />
    </div>
  );
}

function ContributionFinder({
  linked,
  onLink,
}: {
  linked: Set<string>;
  onLink: (id: string, label: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const selectId = useId();
  const [roundId, setRoundId] = useState('');
  const rounds = useQuery(trpc.rounds.adminList.queryOptions());
  const roundTitle = english(rounds.data?.find((r) => r.id === roundId)?.title);
  const contributions = useQuery({
    ...trpc.contributions.moderationQueue.queryOptions({ roundId }),
    enabled: roundId !== '',
  });
  return (
    <details className="details">
      <summary className="details__summary">{t('reviews.motivations.findContribution')}</summary>
      <div className="details__text">
        {rounds.isPending ? (
          <Loading />
        ) : rounds.isError ? (
          <ErrorNotice error={rounds.error} onRetry={() => void rounds.refetch()} />
        ) : (
          <div className="form-group">
            <label className="label" htmlFor={selectId}>
              {t('reviews.motivations.round')}
            </label>
            <select
              id={selectId}
              className="select"
              value={roundId}
              onChange={(e) => setRoundId(e.target.value)}
            >
              <option value="">{t('common.selectPlaceholder')}</option>
              {rounds.data.map((r) => (
                <option key={r.id} value={r.id}>
                  {english(r.title)}
                </option>
              ))}
            </select>
          </div>
        )}
        {roundId !== '' &&
          (contributions.isPending ? (
            <Loading />
          ) : contributions.isError ? (
            <ErrorNotice error={contributions.error} onRetry={() => void contributions.refetch()} />
          ) : contributions.data.length === 0 ? (
            <p>{t('reviews.motivations.noContributions')}</p>
          ) : (
            <ul className="review-list-plain">
              {contributions.data.map((c) => {
                const text =
                  c.items.map((i) => i.text).join(' · ') ||
                  Object.values(c.answers ?? {})
                    .filter((v) => typeof v === 'string')
                    .join(' · ');
                const label = t('reviews.motivations.contributionLabel', {
                  reference: c.receiptReference,
                  round: roundTitle,
                });
                const isLinked = linked.has(`contribution:${c.id}`);
                return (
                  <li key={c.id} className="review-card">
                    <p>
                      <strong>{c.receiptReference}</strong>{' '}
                      <span className="text-secondary">
                        {[
                          c.stakeholderGroup ? t(`common.stakeholderGroups.${c.stakeholderGroup}`) : null,
                          c.memberState ? t(`common.memberStates.${c.memberState}`) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </p>
                    <p className="review-pre">{excerpt(text, 400)}</p>
                    <Button
                      variant="secondary"
                      size="small"
                      disabled={isLinked}
                      onClick={() => onLink(c.id, label)}
                    >
                      {isLinked ? t('reviews.motivations.linked') : t('reviews.motivations.link')}
                      <span className="visually-hidden"> {c.receiptReference}</span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          ))}
      </div>
    </details>
  );
}

function AssessmentFinder({
  cycleId,
  linked,
  onLink,
}: {
  cycleId: string;
  linked: Set<string>;
  onLink: (id: string, label: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const results = useQuery(trpc.review.assessmentResults.queryOptions({ cycleId }));
  const submitted = results.data?.assessments ?? [];
  return (
    <details className="details">
      <summary className="details__summary">{t('reviews.motivations.findAssessment')}</summary>
      <div className="details__text">
        {results.isPending ? (
          <Loading />
        ) : results.isError ? (
          <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
        ) : submitted.length === 0 ? (
          <p>{t('reviews.motivations.noAssessments')}</p>
        ) : (
          <ul className="review-list-plain">
            {submitted.map((a) => {
              const label = t('reviews.motivations.assessmentLabel', {
                state: t(`common.memberStates.${a.memberState}`),
              });
              const isLinked = linked.has(`assessment:${a.id}`);
              return (
                <li key={a.id}>
                  {label}{' '}
                  <Button
                    variant="secondary"
                    size="small"
                    disabled={isLinked}
                    onClick={() => onLink(a.id, label)}
                  >
                    {isLinked ? t('reviews.motivations.linked') : t('reviews.motivations.link')}
                    <span className="visually-hidden"> {label}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </details>
  );
}

function BoardSessionFinder({
  linked,
  onLink,
}: {
  linked: Set<string>;
  onLink: (id: string, label: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const selectId = useId();
  const [boardId, setBoardId] = useState('');
  const boards = useQuery(trpc.boards.adminList.queryOptions());
  const sessions = useQuery({ ...trpc.boards.sessions.queryOptions({ boardId }), enabled: boardId !== '' });
  const boardName = english(boards.data?.find((b) => b.id === boardId)?.name);
  return (
    <details className="details">
      <summary className="details__summary">{t('reviews.motivations.findSession')}</summary>
      <div className="details__text">
        {boards.isPending ? (
          <Loading />
        ) : boards.isError ? (
          <ErrorNotice error={boards.error} onRetry={() => void boards.refetch()} />
        ) : (
          <div className="form-group">
            <label className="label" htmlFor={selectId}>
              {t('reviews.motivations.board')}
            </label>
            <select
              id={selectId}
              className="select"
              value={boardId}
              onChange={(e) => setBoardId(e.target.value)}
            >
              <option value="">{t('common.selectPlaceholder')}</option>
              {boards.data.map((b) => (
                <option key={b.id} value={b.id}>
                  {english(b.name)}
                </option>
              ))}
            </select>
          </div>
        )}
        {boardId !== '' &&
          (sessions.isPending ? (
            <Loading />
          ) : sessions.isError ? (
            <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />
          ) : sessions.data.length === 0 ? (
            <p>{t('reviews.motivations.noSessions')}</p>
          ) : (
            <ul className="review-list-plain">
              {sessions.data.map((s) => {
                const label = t('reviews.motivations.sessionLabel', {
                  session: english(s.title),
                  board: boardName,
                  date: format.date(s.startsAt),
                });
                const isLinked = linked.has(`board_session:${s.id}`);
                return (
                  <li key={s.id}>
                    {label}{' '}
                    <Button
                      variant="secondary"
                      size="small"
                      disabled={isLinked}
                      onClick={() => onLink(s.id, label)}
                    >
                      {isLinked ? t('reviews.motivations.linked') : t('reviews.motivations.link')}
                      <span className="visually-hidden"> {label}</span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          ))}
      </div>
    </details>
  );
}

/** The English text if there is one; a stored text is a string or absent. */
function englishOf(value: { en?: unknown }): string {
  return typeof value.en === 'string' ? value.en : '';
}
