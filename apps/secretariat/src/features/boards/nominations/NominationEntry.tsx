import { SCORE_MAX } from '@musyawarah/core/boards/vocabulary';
import { Button, ButtonGroup, SummaryList, useFormat } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import type { BoardDetail } from '../BoardPage';
import { english, NominationStatusTag, useConstituencyLabel, useServerMessage } from '../shared';
import type { Nomination } from './types';
import { Accept } from './Accept';
import { Decline } from './Decline';

export function NominationEntry({
  nomination: n,
  board,
  onDone,
}: {
  nomination: Nomination;
  board: BoardDetail;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useConstituencyLabel();
  const headingId = `nomination-${n.id}`;
  const score = n.score;
  return (
    <article aria-labelledby={headingId}>
      <h4 className="heading-s" id={headingId}>
        {n.nomineeName} <NominationStatusTag status={n.status} />
      </h4>
      <SummaryList
        rows={[
          { key: 'email', label: t('boards.nominations.email'), value: n.nomineeEmail },
          {
            key: 'by',
            label: t('boards.nominations.by'),
            value: n.self
              ? t('boards.nominations.selfApplied')
              : t('boards.nominations.nominatedBy', { name: n.applicant?.name ?? '' }),
          },
          { key: 'submitted', label: t('boards.nominations.submitted'), value: format.dateTime(n.createdAt) },
          {
            key: 'constituencies',
            label: t('boards.seats.columns.constituencies'),
            value: n.constituencies.map(label).join(', '),
          },
          {
            key: 'state',
            label: t('boards.seats.columns.memberState'),
            value: n.memberState ? t(`common.memberStates.${n.memberState}`) : t('boards.seats.noState'),
          },
          { key: 'organisation', label: t('boards.seats.organisation'), value: n.organisation ?? '—' },
          {
            key: 'motivation',
            label: t('boards.nominations.motivation'),
            value: <span className="board-pre">{n.motivation}</span>,
          },
          {
            key: 'score',
            label: t('boards.nominations.score'),
            value:
              score.total === null
                ? t('boards.nominations.noCriteria')
                : score.complete
                  ? t('boards.nominations.scoreTotal', { total: score.total })
                  : t('boards.nominations.scorePartial', { total: score.total, count: score.missing.length }),
          },
          ...(n.status === 'declined' && n.decisionReason
            ? [{ key: 'reason', label: t('boards.nominations.declineReason'), value: n.decisionReason }]
            : []),
        ]}
      />
      {n.status === 'submitted' && (
        <>
          {!n.nomineeHasAccount && <p className="hint">{t('boards.nominations.noAccount')}</p>}
          {n.nomineeHoldsSeat && <p className="hint">{t('boards.nominations.holdsSeat')}</p>}
          {board.selectionCriteria.length > 0 && <ScoreForm nomination={n} board={board} onDone={onDone} />}
          <ButtonGroup>
            <Accept nomination={n} board={board} onDone={onDone} />
            <Decline nomination={n} onDone={onDone} />
          </ButtonGroup>
        </>
      )}
    </article>
  );
}

function ScoreForm({
  nomination: n,
  board,
  onDone,
}: {
  nomination: Nomination;
  board: BoardDetail;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const id = useId();
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(n.scores ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(
    trpc.boards.scoreNomination.mutationOptions({
      onSuccess: async () => {
        setProblem(null);
        await queryClient.invalidateQueries({
          queryKey: trpc.boards.nominations.queryKey({ boardId: board.id }),
        });
        onDone(t('boards.nominations.scored', { name: n.nomineeName }));
      },
      onError: (error) => setProblem(serverMessage(error)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const numeric = Object.fromEntries(
      Object.entries(scores)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    save.mutate({ nominationId: n.id, scores: numeric });
  };
  return (
    <form onSubmit={submit} aria-label={t('boards.nominations.scoreFor', { name: n.nomineeName })}>
      <fieldset className="fieldset">
        <legend className="legend">{t('boards.nominations.scoreLegend', { max: SCORE_MAX })}</legend>
        {problem && (
          <p className="field-error">
            <span className="visually-hidden">{t('layout.errorPrefix')}</span> {problem}
          </p>
        )}
        <div className="board-filters">
          {board.selectionCriteria.map((c) => (
            <div className="form-group" key={c.key}>
              <label className="label" htmlFor={`${id}-${c.key}`}>
                {english(c.label)}
              </label>
              <select
                id={`${id}-${c.key}`}
                className="select"
                value={scores[c.key] ?? ''}
                onChange={(e) => setScores((prev) => ({ ...prev, [c.key]: e.target.value }))}
              >
                <option value="">{t('boards.nominations.notScored')}</option>
                {Array.from({ length: SCORE_MAX + 1 }, (_, i) => (
                  <option key={i} value={String(i)}>
                    {i}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <Button type="submit" variant="secondary" isBusy={save.isPending}>
          {t('boards.nominations.saveScores')}
        </Button>
      </fieldset>
    </form>
  );
}
