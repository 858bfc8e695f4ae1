import { MODERATION_REASONS } from '@musyawarah/core/consultation/vocabulary';
import {
  Button,
  ButtonGroup,
  ErrorNotice,
  languageLabel,
  LinkButton,
  Loading,
  ModalDialog,
  NotificationBanner,
  Tag,
  useFormat,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import { DismissReports } from './DismissReports';
import { ReportHistory } from './ReportHistory';
import { english, useServerMessage, type RoundDetail } from './shared';

type Contribution = Outputs['contributions']['moderationQueue'][number];
type Question = RoundDetail['questions'][number];
const FILTERS = ['all', 'reported', 'unanswered', 'hidden'] as const;
type Filter = (typeof FILTERS)[number];

export function ModerationQueue({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  // Local state answers the click at once; the URL follows (a router navigation, which settles a moment later).
  const [filter, setFilter] = useState<Filter>(() =>
    (FILTERS as readonly string[]).includes(params.get('show') ?? '')
      ? (params.get('show') as Filter)
      : 'all',
  );
  const queue = useQuery(trpc.contributions.moderationQueue.queryOptions({ roundId: round.id }));
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error'; n: number } | null>(null);
  const say = (text: string, tone: 'success' | 'error' = 'success') =>
    setNotice((prev) => ({ text, tone, n: (prev?.n ?? 0) + 1 }));

  const rows =
    queue.data?.filter((c) =>
      filter === 'reported'
        ? c.openReports > 0
        : filter === 'unanswered'
          ? c.awaitingResponse
          : filter === 'hidden'
            ? c.hidden
            : true,
    ) ?? [];
  const counts = {
    all: queue.data?.length ?? 0,
    reported: queue.data?.filter((c) => c.openReports > 0).length ?? 0,
    unanswered: queue.data?.filter((c) => c.awaitingResponse).length ?? 0,
    hidden: queue.data?.filter((c) => c.hidden).length ?? 0,
  };

  return (
    <>
      {notice && (
        <NotificationBanner tone={notice.tone} focusOnMount key={notice.n}>
          <p>{notice.text}</p>
        </NotificationBanner>
      )}
      <AddTheme round={round} onDone={say} />
      <fieldset className="fieldset consult-filter">
        <legend className="legend">{t('consultations.moderation.show')}</legend>
        <div className="choices choices--inline">
          {FILTERS.map((f) => (
            <div className="choice" key={f}>
              <input
                id={`moderation-filter-${f}`}
                type="radio"
                name="moderation-filter"
                className="choice__input"
                checked={filter === f}
                onChange={() => {
                  setFilter(f);
                  setParams(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      if (f === 'all') next.delete('show');
                      else next.set('show', f);
                      return next;
                    },
                    { replace: true, preventScrollReset: true },
                  );
                }}
              />
              <label className="choice__label" htmlFor={`moderation-filter-${f}`}>
                {f === 'unanswered'
                  ? t('worksurface.moderation.unanswered', { count: counts[f] })
                  : t(`consultations.moderation.filter.${f}`, { count: counts[f] })}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />
      ) : rows.length === 0 ? (
        <p>
          {filter === 'unanswered'
            ? t('worksurface.moderation.emptyUnanswered')
            : t(`consultations.moderation.empty.${filter}`)}
        </p>
      ) : (
        <ol className="consult-queue list-plain" aria-label={t('consultations.moderation.listLabel')}>
          {rows.map((c) => (
            <li key={c.id}>
              <ContributionCard round={round} contribution={c} onDone={say} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function AddTheme({
  round,
  onDone,
}: {
  round: RoundDetail;
  onDone: (text: string, tone?: 'success' | 'error') => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const id = useId();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(
    trpc.rounds.addTheme.mutationOptions({
      onSuccess: async (theme) => {
        setLabel('');
        setError(null);
        await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
        onDone(t('consultations.moderation.themeAdded', { label: theme.label }));
      },
      onError: (e) => {
        const fieldErrors = (e as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors;
        setError(fieldErrors?.label ? t('consultations.moderation.themeExists') : serverMessage(e));
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) {
      setError(t('consultations.moderation.themeRequired'));
      return;
    }
    add.mutate({ roundId: round.id, label: label.trim() });
  };
  return (
    <form
      className="consult-inline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('consultations.moderation.addTheme')}
    >
      <div className={error ? 'form-group form-group--error' : 'form-group'}>
        <label className="label" htmlFor={id}>
          {t('consultations.moderation.newTheme')}
        </label>
        <div className="hint" id={`${id}-hint`}>
          {round.themes.length
            ? t('consultations.moderation.existingThemes', {
                list: round.themes.map((th) => th.label).join(', '),
              })
            : t('consultations.moderation.noThemes')}
        </div>
        {error && (
          <p className="field-error" id={`${id}-error`}>
            <span className="visually-hidden">{t('layout.errorPrefix')}</span> {error}
          </p>
        )}
        <div className="consult-inline-form__row">
          <input
            id={id}
            className="input input--w20"
            value={label}
            maxLength={100}
            onChange={(e) => setLabel(e.target.value)}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? true : undefined}
          />
          <Button type="submit" variant="secondary" isBusy={add.isPending}>
            {t('consultations.moderation.addTheme')}
          </Button>
        </div>
      </div>
    </form>
  );
}

function answerText(
  question: Question,
  value: unknown,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  const options = (question.options as unknown[]).map(english);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (question.kind === 'likert')
      return t('consultations.moderation.likertAnswer', { value, points: question.likert?.points ?? '' });
    return options[value] ?? String(value);
  }
  if (Array.isArray(value))
    return value.map((v: number) => options[v] ?? String(v)).join(question.kind === 'ranking' ? ' › ' : ', ');
  return '';
}

function ContributionCard({
  round,
  contribution: c,
  onDone,
}: {
  round: RoundDetail;
  contribution: Contribution;
  onDone: (text: string, tone?: 'success' | 'error') => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const headingId = useId();
  const id = useId();
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState<string>('');
  const [note, setNote] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [response, setResponse] = useState(c.response ?? '');
  const [responseError, setResponseError] = useState(false);
  const [themeIds, setThemeIds] = useState<string[]>(c.themes.map((th) => th.id));
  const reference = c.receiptReference ?? t('consultations.moderation.noReference');

  const refresh = async () => {
    await queryClient.invalidateQueries({
      queryKey: trpc.contributions.moderationQueue.queryKey({ roundId: round.id }),
    });
    await queryClient.invalidateQueries({
      queryKey: trpc.rounds.participation.queryKey({ roundId: round.id }),
    });
  };
  const onError = (e: unknown) => onDone(serverMessage(e), 'error');
  const hide = useMutation(
    trpc.contributions.hide.mutationOptions({
      onSuccess: async () => {
        setHiding(false);
        await refresh();
        onDone(t('consultations.moderation.hidden', { reference }));
      },
      onError: (e) => {
        setHiding(false);
        onError(e);
      },
    }),
  );
  const unhide = useMutation(
    trpc.contributions.unhide.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t('consultations.moderation.unhidden', { reference }));
      },
      onError,
    }),
  );
  const respond = useMutation(
    trpc.contributions.respond.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t('consultations.moderation.responded', { reference }));
      },
      onError,
    }),
  );
  const setThemes = useMutation(
    trpc.contributions.setThemes.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t('consultations.moderation.themesSaved', { reference }));
      },
      onError,
    }),
  );

  const confirmHide = () => {
    if (!reason) {
      setReasonError(true);
      document.getElementById(`${id}-reason-${MODERATION_REASONS[0]}`)?.focus();
      return;
    }
    hide.mutate({
      contributionId: c.id,
      reason: reason as (typeof MODERATION_REASONS)[number],
      note: note || undefined,
    });
  };
  const submitResponse = (event: FormEvent) => {
    event.preventDefault();
    if (!response.trim()) {
      setResponseError(true);
      return;
    }
    setResponseError(false);
    respond.mutate({ contributionId: c.id, text: response.trim() });
  };
  // Moderators see who wrote it; whether the name is shown publicly is said next to it.
  const who = c.authorName
    ? c.namedPublicly
      ? c.authorName
      : t('consultations.moderation.notNamedPublicly', { name: c.authorName })
    : t('consultations.moderation.anonymous');
  const answered = round.questions.filter((q) => {
    const v = (c.answers as Record<string, unknown>)[q.id];
    return v !== undefined && v !== null && v !== '';
  });

  return (
    <article
      className={c.hidden ? 'consult-card consult-card--hidden' : 'consult-card'}
      aria-labelledby={headingId}
    >
      <h3 className="heading-s consult-card__title" id={headingId}>
        {reference}
        <span className="text-secondary consult-card__by"> {who}</span>
      </h3>
      <p className="consult-card__tags">
        {c.hidden && (
          <Tag tone="grey">
            {t('consultations.moderation.hiddenTag', {
              reason: c.hiddenReason ? t(`consultations.reason.${c.hiddenReason}`) : '',
            })}
          </Tag>
        )}
        {c.openReports > 0 && (
          <Tag tone="red">{t('consultations.moderation.reportedTag', { count: c.openReports })}</Tag>
        )}
        {c.facilitated && <Tag tone="yellow">{t('consultations.moderation.facilitatedTag')}</Tag>}
      </p>
      <p className="text-secondary text-small">
        {[
          c.stakeholderGroup ? t(`common.stakeholderGroups.${c.stakeholderGroup}`) : null,
          c.memberState ? t(`common.memberStates.${c.memberState}`) : null,
          c.organisationName,
          languageLabel(c.writtenIn),
          c.submittedAt ? format.dateTime(c.submittedAt) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {c.items.length > 0 && (
        <ul className="consult-items list-plain">
          {c.items.map((item, index) => (
            <li key={index} lang={c.writtenIn}>
              <strong>{t(`consultations.feedbackType.${item.type}`)}</strong>
              {item.actionId && <span className="text-secondary"> ({item.actionId})</span>}: {item.text}
            </li>
          ))}
        </ul>
      )}
      {answered.length > 0 && (
        <dl className="consult-answers">
          {answered.map((q) => (
            <div key={q.id}>
              <dt>{english(q.prompt)}</dt>
              <dd lang={c.writtenIn}>{answerText(q, (c.answers as Record<string, unknown>)[q.id], t)}</dd>
            </div>
          ))}
        </dl>
      )}

      <ButtonGroup>
        {c.hidden ? (
          <Button
            variant="secondary"
            isBusy={unhide.isPending}
            onClick={() => unhide.mutate({ contributionId: c.id })}
          >
            {t('consultations.moderation.unhide')}
            <span className="visually-hidden"> {reference}</span>
          </Button>
        ) : (
          <Button
            variant="warning"
            onClick={() => {
              setReason('');
              setNote('');
              setReasonError(false);
              setHiding(true);
            }}
          >
            {t('consultations.moderation.hide')}
            <span className="visually-hidden"> {reference}</span>
          </Button>
        )}
      </ButtonGroup>
      {c.openReports > 0 && !c.hidden && (
        <DismissReports contributionId={c.id} reference={reference} onDone={onDone} refresh={refresh} />
      )}
      <ReportHistory reports={c.reports} />

      <form onSubmit={submitResponse} noValidate className="consult-response">
        <div className={responseError ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={`${id}-response`}>
            {t('consultations.moderation.response')}
            <span className="visually-hidden"> {reference}</span>
          </label>
          <div className="hint" id={`${id}-response-hint`}>
            {t('consultations.moderation.responseHint')}
          </div>
          {responseError && (
            <p className="field-error" id={`${id}-response-error`}>
              <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
              {t('consultations.moderation.responseRequired')}
            </p>
          )}
          <textarea
            id={`${id}-response`}
            className={responseError ? 'textarea textarea--error' : 'textarea'}
            rows={3}
            value={response}
            onChange={(e) => setResponse(e.target.value)}
            aria-describedby={`${id}-response-hint${responseError ? ` ${id}-response-error` : ''}`}
            aria-invalid={responseError ? true : undefined}
          />
        </div>
        <Button type="submit" variant="secondary" size="small" isBusy={respond.isPending}>
          {c.response
            ? t('consultations.moderation.updateResponse')
            : t('consultations.moderation.publishResponse')}
          <span className="visually-hidden"> {reference}</span>
        </Button>
      </form>

      {round.themes.length > 0 && (
        <fieldset className="fieldset consult-themes">
          <legend className="legend">
            {t('consultations.moderation.themes')}
            <span className="visually-hidden"> {reference}</span>
          </legend>
          <div className="choices choices--inline">
            {round.themes.map((theme) => (
              <div className="choice choice--small" key={theme.id}>
                <input
                  id={`${id}-theme-${theme.id}`}
                  type="checkbox"
                  className="choice__input"
                  checked={themeIds.includes(theme.id)}
                  onChange={(e) =>
                    setThemeIds((prev) =>
                      e.target.checked ? [...prev, theme.id] : prev.filter((x) => x !== theme.id),
                    )
                  }
                />
                <label className="choice__label" htmlFor={`${id}-theme-${theme.id}`}>
                  {theme.label}
                </label>
              </div>
            ))}
          </div>
          <Button
            variant="secondary"
            size="small"
            isBusy={setThemes.isPending}
            onClick={() => setThemes.mutate({ contributionId: c.id, themeIds })}
          >
            {t('consultations.moderation.saveThemes')}
            <span className="visually-hidden"> {reference}</span>
          </Button>
        </fieldset>
      )}

      <ModalDialog
        isOpen={hiding}
        onOpenChange={setHiding}
        title={t('consultations.moderation.hideTitle', { reference })}
        tone="warning"
      >
        <p>{t('consultations.moderation.hideBody')}</p>
        <div className={reasonError ? 'form-group form-group--error' : 'form-group'}>
          <fieldset className="fieldset">
            <legend className="legend">{t('consultations.moderation.reason')}</legend>
            {reasonError && (
              <p className="field-error">
                <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
                {t('consultations.moderation.reasonRequired')}
              </p>
            )}
            <div className="choices">
              {MODERATION_REASONS.map((r) => (
                <div className="choice" key={r}>
                  <input
                    id={`${id}-reason-${r}`}
                    type="radio"
                    name={`${id}-reason`}
                    className="choice__input"
                    value={r}
                    checked={reason === r}
                    onChange={() => setReason(r)}
                  />
                  <label className="choice__label" htmlFor={`${id}-reason-${r}`}>
                    {t(`consultations.reason.${r}`)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-note`}>
            {t('consultations.moderation.note')} <span className="optional">{t('layout.optional')}</span>
          </label>
          <div className="hint" id={`${id}-note-hint`}>
            {t('consultations.moderation.noteHint')}
          </div>
          <textarea
            id={`${id}-note`}
            className="textarea"
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby={`${id}-note-hint`}
          />
        </div>
        <ButtonGroup>
          <Button variant="warning" isBusy={hide.isPending} onClick={confirmHide}>
            {t('consultations.moderation.confirmHide')}
          </Button>
          <LinkButton onClick={() => setHiding(false)}>{t('consultations.actions.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </article>
  );
}
