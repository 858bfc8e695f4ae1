import { callInput } from '@musyawarah/core/boards/schemas';
import { NOMINATION_STATUSES, SCORE_MAX, SEAT_ROLES } from '@musyawarah/core/boards/vocabulary';
import {
  Button,
  ButtonGroup,
  DateTimeField,
  ErrorNotice,
  Form,
  LinkButton,
  Loading,
  localToIso,
  ModalDialog,
  NotificationBanner,
  SummaryList,
  TextAreaField,
  useFormat,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC, type Outputs } from '../../trpc';
import type { BoardDetail } from './BoardPage';
import { english, NominationStatusTag, today, useConstituencyLabel, useServerMessage } from './shared';

type Nomination = Outputs['boards']['nominations'][number];

/** The call form holds the user's wall times (datetime-local); the schema wants instants with their offset. */
const callFormSchema = z.preprocess((values) => {
  const v = values as { opensAt?: string; closesAt?: string };
  return { ...v, opensAt: localToIso(v.opensAt), closesAt: localToIso(v.closesAt) };
}, callInput) as unknown as z.ZodType<
  z.output<typeof callInput>,
  { boardId: string; description: { en: string }; opensAt: string; closesAt: string }
>;

export function Nominations({ board }: { board: BoardDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const nominations = useQuery(trpc.boards.nominations.queryOptions({ boardId: board.id }));
  const [filter, setFilter] = useState<string>('submitted');
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const say = (text: string) => setNotice((prev) => ({ text, n: (prev?.n ?? 0) + 1 }));
  const rows = (nominations.data ?? []).filter((n) => !filter || n.status === filter);
  return (
    <>
      {notice && (
        <NotificationBanner tone="success" focusOnMount key={notice.n}>
          <p>{notice.text}</p>
        </NotificationBanner>
      )}
      <Calls board={board} onDone={say} />
      <h3 className="heading-m">{t('boards.nominations.queue')}</h3>
      <div className="board-filters">
        <div className="form-group">
          <label className="label" htmlFor="nomination-filter">
            {t('boards.nominations.show')}
          </label>
          <select
            id="nomination-filter"
            className="select"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          >
            <option value="">{t('boards.nominations.all')}</option>
            {NOMINATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`boards.nominationStatus.${s}`)} (
                {(nominations.data ?? []).filter((n) => n.status === s).length})
              </option>
            ))}
          </select>
        </div>
      </div>
      {nominations.isPending ? (
        <Loading />
      ) : nominations.isError ? (
        <ErrorNotice error={nominations.error} onRetry={() => void nominations.refetch()} />
      ) : rows.length === 0 ? (
        <p>{t('boards.nominations.none')}</p>
      ) : (
        <ul className="board-list">
          {rows.map((n) => (
            <li key={n.id}>
              <NominationEntry nomination={n} board={board} onDone={say} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Calls({ board, onDone }: { board: BoardDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const calls = useQuery(trpc.boards.calls.queryOptions({ boardId: board.id }));
  const [opening, setOpening] = useState(false);
  return (
    <>
      <h3 className="heading-m">{t('boards.calls.heading')}</h3>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <ErrorNotice error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.length === 0 ? (
        <p>{t('boards.calls.none')}</p>
      ) : (
        <ul className="list-plain">
          {calls.data.map((c) => (
            <li key={c.id}>
              {t(c.open ? 'boards.calls.open' : 'boards.calls.closed', {
                opens: format.dateTime(c.opensAt),
                closes: format.dateTime(c.closesAt),
                count: c.nominations,
              })}
              {c.open && (
                <>
                  {' '}
                  <CloseCall callId={c.id} onDone={onDone} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {board.status !== 'dissolved' &&
        (opening ? (
          <OpenCall
            board={board}
            onCancel={() => setOpening(false)}
            onDone={() => {
              setOpening(false);
              onDone(t('boards.calls.opened'));
            }}
          />
        ) : (
          <Button variant="secondary" onClick={() => setOpening(true)}>
            {t('boards.calls.openCall')}
          </Button>
        ))}
    </>
  );
}

function CloseCall({ callId, onDone }: { callId: string; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const close = useMutation(
    trpc.boards.closeCall.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.calls.closedNotice'));
      },
      onError: (error) => onDone(serverMessage(error)),
    }),
  );
  return (
    <LinkButton
      tone="warning"
      onClick={() => close.mutate({ callId })}
      aria-disabled={close.isPending || undefined}
    >
      {t('boards.calls.closeNow')}
    </LinkButton>
  );
}

function OpenCall({
  board,
  onDone,
  onCancel,
}: {
  board: BoardDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(callFormSchema, {
    defaultValues: { boardId: board.id, description: { en: '' }, opensAt: '', closesAt: '' },
  });
  const create = useMutation(trpc.boards.createCall.mutationOptions());
  return (
    <section className="board-inline-form" aria-labelledby="open-call-heading">
      <h4 className="heading-s" id="open-call-heading">
        {t('boards.calls.openCall')}
      </h4>
      <Form
        form={form}
        id="call"
        onSubmit={async () => {
          // Times as typed, with the user's offset: the schema's parsed Dates would lose it.
          const raw = form.getValues() as unknown as {
            description: { en: string };
            opensAt: string;
            closesAt: string;
          };
          await create.mutateAsync({
            boardId: board.id,
            description: raw.description,
            opensAt: localToIso(raw.opensAt) ?? raw.opensAt,
            closesAt: localToIso(raw.closesAt) ?? raw.closesAt,
          });
          await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
          onDone();
        }}
      >
        <TextAreaField
          name="description.en"
          label={t('boards.calls.description')}
          hint={t('boards.calls.descriptionHint')}
          rows={4}
        />
        <DateTimeField name="opensAt" label={t('boards.calls.opensAt')} />
        <DateTimeField name="closesAt" label={t('boards.calls.closesAt')} />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('boards.calls.submit')}
          </Button>
          <LinkButton onClick={onCancel}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </Form>
    </section>
  );
}

function NominationEntry({
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

function Accept({
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
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<(typeof SEAT_ROLES)[number]>('member');
  const [starts, setStarts] = useState(() => (today() < board.lifeStartsOn ? board.lifeStartsOn : today()));
  const [ends, setEnds] = useState(board.lifeEndsOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useMutation(
    trpc.boards.acceptNomination.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.nominations.accepted', { name: n.nomineeName }));
      },
      onError: (error) => {
        const fieldErrors =
          (error as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors ?? {};
        const mapped = Object.fromEntries(
          Object.entries(fieldErrors).map(([k, v]) => [k, v[0] ?? 'validation.invalid']),
        );
        setErrors(mapped);
        setProblem(Object.keys(mapped).length ? null : serverMessage(error));
      },
    }),
  );
  return (
    <>
      <Button
        onClick={() => {
          setErrors({});
          setProblem(null);
          setOpen(true);
        }}
      >
        {t('boards.nominations.accept')}
        <span className="visually-hidden"> {n.nomineeName}</span>
      </Button>
      <ModalDialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t('boards.nominations.acceptTitle', { name: n.nomineeName })}
      >
        <p>{t('boards.nominations.acceptBody')}</p>
        {problem && (
          <p className="field-error">
            <span className="visually-hidden">{t('layout.errorPrefix')}</span> {problem}
          </p>
        )}
        <div className="form-group">
          <label className="label" htmlFor={`${id}-role`}>
            {t('boards.seats.role')}
          </label>
          <select
            id={`${id}-role`}
            className="select"
            value={role}
            onChange={(e) => setRole(SEAT_ROLES.find((r) => r === e.target.value) ?? 'member')}
          >
            {SEAT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`boards.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <DateInput
          id={`${id}-starts`}
          label={t('boards.seats.termStartsOn')}
          value={starts}
          onChange={setStarts}
          error={errors.termStartsOn}
        />
        <DateInput
          id={`${id}-ends`}
          label={t('boards.seats.termEndsOn')}
          value={ends}
          onChange={setEnds}
          error={errors.termEndsOn}
        />
        <ButtonGroup>
          <Button
            isBusy={accept.isPending}
            onClick={() =>
              accept.mutate({
                nominationId: n.id,
                role,
                termStartsOn: starts,
                termEndsOn: ends,
              })
            }
          >
            {t('boards.nominations.acceptConfirm')}
          </Button>
          <LinkButton onClick={() => setOpen(false)}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}

/** A date input with its error next to it, for the small dialogs that do not use a full form. */
function DateInput({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const tm = useServerMessageKey();
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('layout.errorPrefix')}</span> {tm(error)}
        </p>
      )}
      <input
        id={id}
        type="date"
        className={error ? 'input input--w20 input--error' : 'input input--w20'}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function useServerMessageKey() {
  const { t, i18n } = useTranslation();
  return (key: string) => (i18n.exists(key) ? t(key) : t('validation.invalid'));
}

function Decline({ nomination: n, onDone }: { nomination: Nomination; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const tm = useServerMessageKey();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decline = useMutation(
    trpc.boards.declineNomination.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.nominations.declined', { name: n.nomineeName }));
      },
      onError: (e) => {
        const key = (e as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors
          ?.reason?.[0];
        setError(key ? tm(key) : serverMessage(e));
      },
    }),
  );
  const submit = () => {
    if (!reason.trim()) {
      setError(tm('board.validation.reasonRequired'));
      return;
    }
    decline.mutate({ nominationId: n.id, reason });
  };
  return (
    <>
      <Button
        variant="warning"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('boards.nominations.decline')}
        <span className="visually-hidden"> {n.nomineeName}</span>
      </Button>
      <ModalDialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t('boards.nominations.declineTitle', { name: n.nomineeName })}
        tone="warning"
      >
        <div className={error ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={`${id}-reason`}>
            {t('boards.nominations.declineReason')}
          </label>
          <div className="hint" id={`${id}-hint`}>
            {t('boards.nominations.declineHint')}
          </div>
          {error && (
            <p className="field-error" id={`${id}-error`}>
              <span className="visually-hidden">{t('layout.errorPrefix')}</span> {error}
            </p>
          )}
          <textarea
            id={`${id}-reason`}
            className={error ? 'textarea textarea--error' : 'textarea'}
            rows={4}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <ButtonGroup>
          <Button variant="warning" isBusy={decline.isPending} onClick={submit}>
            {t('boards.nominations.declineConfirm')}
          </Button>
          <LinkButton onClick={() => setOpen(false)}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
