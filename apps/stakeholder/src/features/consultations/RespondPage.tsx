import {
  Button,
  ErrorNotice,
  ErrorSummary,
  Loading,
  NotificationBanner,
  Page,
  WarningText,
  errorKey,
  errorStatus,
  fieldId,
  mapServerError,
  type Message,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { RequireSignIn, useMe } from '../../session';
import { useTRPC, type Me } from '../../trpc';
import { useCatalogueIds } from '../catalogue/data';
import './consultations.css';
import {
  hasFallback,
  inAudience,
  isUuid,
  resolveMessageKey,
  useConsultationMessage,
  useLocalized,
  useRound,
  useZonedFormat,
  type Draft,
  type RoundDetail,
} from './data';
import { clearSubmissionKey, pendingSubmissionKey, submissionKey } from './idempotency';
import { ReadInSelector, ReadingLanguageProvider } from './reading-language';
import { QuestionField, type AnswerValue } from './QuestionField';
import { RoundNotFound } from './RoundNotFound';
import { FORM_ID, AUTOSAVE_DELAY_MS } from './respond/formId';
import {
  type Item,
  type About,
  type Values,
  hasGroup,
  initialValues,
  payload,
  validate,
} from './respond/values';
import { type SaveState, SaveStatus } from './respond/SaveStatus';
import { NotOpen } from './respond/NotOpen';
import { DeadlinePassed } from './respond/DeadlinePassed';
import { EarlierSubmissions } from './respond/EarlierSubmissions';
import { AboutYou } from './respond/AboutYou';
import { FeedbackItem } from './respond/FeedbackItem';

/** `/consultations/:id/respond`: the answer form, saved as it is filled in, submitted once. */
export function RespondPage() {
  const { id = '' } = useParams();
  if (!isUuid(id)) return <RoundNotFound />;
  return (
    <RequireSignIn>
      <RespondLoader roundId={id} />
    </RequireSignIn>
  );
}

function RespondLoader({ roundId }: { roundId: string }) {
  const trpc = useTRPC();
  const me = useMe();
  const round = useRound(roundId);
  const draft = useQuery({
    ...trpc.contributions.myDraft.queryOptions({ roundId }),
    staleTime: 0,
    gcTime: 0,
  });
  if (round.isPending || draft.isPending || !me.data) return <Loading />;
  if (round.isError) {
    if (errorStatus(round.error) === 404) return <RoundNotFound />;
    return <ErrorNotice error={round.error} onRetry={() => void round.refetch()} />;
  }
  if (draft.isError) return <ErrorNotice error={draft.error} onRetry={() => void draft.refetch()} />;
  if (round.data.phase !== 'open' || !inAudience(round.data, me.data.stakeholderGroup))
    return <NotOpen round={round.data} />;
  return (
    <ReadingLanguageProvider languages={round.data.languages}>
      <RespondForm round={round.data} draft={draft.data} me={me.data} />
    </ReadingLanguageProvider>
  );
}

function RespondForm({ round, draft, me }: { round: RoundDetail; draft: Draft | null; me: Me }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pick = useLocalized();
  const format = useZonedFormat();
  const tm = useConsultationMessage();
  const exists = useCallback((key: string) => i18n.exists(key) || hasFallback(key), [i18n]);
  const title = pick(round.title);

  const [values, setValues] = useState<Values>(() => initialValues(round, draft, me, i18n.language));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const [closedBy, setClosedBy] = useState<'save' | 'submit' | null>(null);
  const closed = closedBy !== null;
  const [submitting, setSubmitting] = useState(false);
  // A submission was sent and no answer came (lost connection, reload): until the next attempt says what happened, the
  // draft is not saved, since the API may already have turned it into the submission.
  const [unsure, setUnsure] = useState(() => pendingSubmissionKey(round.id) !== null);

  // ── autosave ──
  const { mutateAsync: mutateDraft } = useMutation(trpc.contributions.saveDraft.mutationOptions());
  const [save, setSave] = useState<SaveState>(
    draft ? { kind: 'saved', at: draft.updatedAt } : { kind: 'idle' },
  );
  const pending = useRef<Values | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const stopped = useRef(unsure);

  /** Saves what is pending, one request at a time; changes made meanwhile go out next. A failure keeps them. */
  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (running.current) await running.current;
    while (pending.current && !stopped.current) {
      const next = pending.current;
      pending.current = null;
      // `update` queues only values with a group; a draft cannot be stored without one.
      if (!hasGroup(next)) continue;
      setSave({ kind: 'saving' });
      const attempt = (async (): Promise<boolean> => {
        try {
          const saved = await mutateDraft(payload(round.id, next));
          if (!pending.current) setSave({ kind: 'saved', at: saved.savedAt });
          return true;
        } catch (error) {
          if (errorKey(error) === 'round.closed') {
            // Said by the save status (a live region); focus stays where the participant is typing.
            stopped.current = true;
            setClosedBy((c) => c ?? 'save');
          }
          // Keep the unsaved changes (unless newer ones arrived meanwhile) for the next change or "Try again".
          pending.current ??= next;
          setSave({ kind: 'error', error });
          return false;
        }
      })();
      running.current = attempt.then(() => undefined);
      const ok = await attempt;
      running.current = null;
      if (!ok) return;
    }
  }, [round.id, mutateDraft]);

  const update = (next: Values) => {
    setValues(next);
    if (stopped.current) return;
    if (!next.about.stakeholderGroup) {
      // A draft needs the participant's group; say so instead of failing every save.
      window.clearTimeout(timer.current);
      pending.current = null;
      setSave({ kind: 'needsGroup' });
      return;
    }
    pending.current = next;
    setSave((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  };

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if ((pending.current || running.current) && !stopped.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (pending.current && !stopped.current) void flush();
    };
  }, [flush]);

  const clearError = (path: string) => {
    if (errors[path]) setErrors(({ [path]: _removed, ...rest }) => rest);
  };
  const setAnswer = (questionId: string, value: AnswerValue) => {
    clearError(`answers.${questionId}`);
    update({ ...values, answers: { ...values.answers, [questionId]: value } });
  };
  const setItem = (index: number, item: Item) => {
    clearError(`items.${index}.text`);
    update({ ...values, items: values.items.map((x, i) => (i === index ? item : x)) });
  };
  const setAbout = (about: Partial<About>) => update({ ...values, about: { ...values.about, ...about } });

  // ── submit ──
  const submitMutation = useMutation(trpc.contributions.submit.mutationOptions());
  const inFlight = useRef(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // A second press while the first request runs does nothing; a retry later reuses the stored key.
    if (inFlight.current) return;
    setMessage(null);
    // After an attempt whose answer never arrived, the API is asked first: it may already hold the feedback (the draft
    // it came from is then gone) and answers with that receipt; if not, it checks everything as usual.
    const found: Record<string, string> = pendingSubmissionKey(round.id) ? {} : validate(round, values);
    // Nothing can be sent without the participant's group, not even that retry (the API would refuse it too).
    if (!hasGroup(values)) found.stakeholderGroup ??= 'validation.required';
    if (Object.keys(found).length > 0 || !hasGroup(values)) {
      setErrors(found);
      setFocusToken((n) => n + 1);
      return;
    }
    setErrors({});
    inFlight.current = true;
    setSubmitting(true);
    // No draft save may land after the submission (it would start a new draft).
    window.clearTimeout(timer.current);
    stopped.current = true;
    pending.current = null;
    if (running.current) await running.current.catch(() => undefined);
    const idempotencyKey = submissionKey(round.id);
    try {
      const receipt = await submitMutation.mutateAsync({ ...payload(round.id, values), idempotencyKey });
      clearSubmissionKey(round.id);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.contributions.mine.queryKey() }),
        queryClient.invalidateQueries({
          queryKey: trpc.contributions.listPublic.queryKey({ roundId: round.id }),
        }),
        queryClient.invalidateQueries({ queryKey: trpc.rounds.listPublic.queryKey() }),
      ]);
      queryClient.removeQueries({ queryKey: trpc.contributions.myDraft.queryKey({ roundId: round.id }) });
      void navigate(`/consultations/${round.id}/receipt/${encodeURIComponent(receipt.receiptReference)}`, {
        state: { submittedAt: receipt.submittedAt, contributionId: receipt.id },
      });
    } catch (error) {
      const mapped = mapServerError(error, exists);
      const key = errorKey(error);
      const deadline = key === 'round.closed' || key === 'round.notOpenYet';
      if (deadline) {
        // The banner above the form says so, and takes focus.
        stopped.current = true;
        setClosedBy('submit');
        setErrors({});
        setMessage(null);
        return;
      }
      const status = errorStatus(error);
      if (mapped.network || status === null || status >= 500) {
        // Outcome unknown: keep the key for the retry, keep autosave off.
        setUnsure(true);
      } else {
        // The API answered and refused: nothing was stored under this key. Back to editing, saved as before.
        clearSubmissionKey(round.id);
        setUnsure(false);
        stopped.current = false;
        pending.current = values;
        timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
      }
      const fieldErrors: Record<string, string> = {};
      for (const f of mapped.fieldErrors) fieldErrors[f.path] = resolveMessageKey(f.key, exists);
      setErrors(fieldErrors);
      setMessage(
        mapped.message ? { ...mapped.message, key: resolveMessageKey(mapped.message.key, exists) } : null,
      );
      setFocusToken((n) => n + 1);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const ids = useCatalogueIds();
  const mine = useQuery(trpc.contributions.mine.queryOptions());
  const earlier = (mine.data ?? []).filter(
    (c) => c.roundId === round.id && c.status === 'submitted' && c.receiptReference,
  );
  const actionOptions = (ids.data ?? []).flatMap((a) => [
    { value: a.id, label: `${a.id} — ${a.title}` },
    ...a.subActionIds.map((s) => ({ value: s, label: `${s} (${a.id})` })),
  ]);

  const summaryItems = Object.entries(errors).map(([path, key]) => ({
    path,
    message: resolveMessageKey(key, exists),
  }));
  const ordered = summaryItems.sort((a, b) => order(a.path) - order(b.path));
  function order(path: string): number {
    if (path.startsWith('answers.')) return round.questions.findIndex((q) => `answers.${q.id}` === path);
    if (path.startsWith('items')) return 1000 + (Number(path.split('.')[1]) || 0);
    return 2000;
  }

  return (
    <Page
      title={t('consultations.respond.title')}
      caption={title.text}
      documentTitle={t('consultations.respond.documentTitle', { title: title.text })}
      backLink={{ to: `/consultations/${round.id}`, label: t('consultations.respond.backToRound') }}
    >
      <p>{t('consultations.respond.deadline', { date: format(round.closesAt) })}</p>
      <ReadInSelector />
      {closedBy && <DeadlinePassed closedBy={closedBy} />}
      {!draft && !unsure && !closed && earlier.length > 0 && (
        <EarlierSubmissions roundId={round.id} earlier={earlier} />
      )}
      {draft && !closed && (
        <NotificationBanner>
          <p>{t('consultations.respond.restored', { date: format(draft.updatedAt) })}</p>
        </NotificationBanner>
      )}
      {unsure && !closed && <WarningText>{t('consultations.respond.resuming')}</WarningText>}
      <SaveStatus state={unsure ? { kind: 'paused' } : save} onRetry={() => void flush()} />
      <ErrorSummary formId={FORM_ID} message={message} items={ordered} focusToken={focusToken} />
      <form
        id={FORM_ID}
        noValidate
        onSubmit={(e) => void onSubmit(e)}
        aria-label={t('consultations.respond.title')}
      >
        {round.questions.length > 0 && (
          <section aria-labelledby="questions-heading">
            <h2 className="heading-l" id="questions-heading">
              {t('consultations.respond.questionsHeading')}
            </h2>
            {round.questions.map((q, index) => (
              <QuestionField
                key={q.id}
                formId={FORM_ID}
                index={index}
                question={q}
                value={values.answers[q.id]}
                error={errors[`answers.${q.id}`]}
                onChange={(value) => setAnswer(q.id, value)}
              />
            ))}
          </section>
        )}

        <section aria-labelledby="items-heading" className="feedback-items">
          <h2 className="heading-l" id="items-heading">
            {t('consultations.respond.itemsHeading')}
          </h2>
          <p className="hint" id={fieldId(FORM_ID, 'items')} tabIndex={-1}>
            {t('consultations.respond.itemsHint')}
          </p>
          {errors.items && (
            <p className="field-error">
              <span className="visually-hidden">{t('layout.errorPrefix')}</span> {tm(errors.items)}
            </p>
          )}
          {values.items.map((item, index) => (
            <FeedbackItem
              key={index}
              index={index}
              item={item}
              errors={errors}
              actionOptions={actionOptions}
              onChange={(next) => setItem(index, next)}
              onRemove={() => {
                update({ ...values, items: values.items.filter((_, i) => i !== index) });
                window.setTimeout(() => document.getElementById('add-item')?.focus(), 0);
              }}
            />
          ))}
          {values.items.length < 20 && (
            <Button
              variant="secondary"
              id="add-item"
              onClick={() => {
                clearError('items');
                update({
                  ...values,
                  items: [...values.items, { type: 'suggestion', text: '', actionId: '' }],
                });
                const next = values.items.length;
                window.setTimeout(
                  () => document.getElementById(fieldId(FORM_ID, `items.${next}.type`))?.focus(),
                  0,
                );
              }}
            >
              {values.items.length === 0
                ? t('consultations.respond.addItem')
                : t('consultations.respond.addAnother')}
            </Button>
          )}
        </section>

        <AboutYou
          about={values.about}
          errors={errors}
          name={me.name}
          onChange={setAbout}
          clearError={clearError}
        />

        <section aria-labelledby="send-heading">
          <h2 className="heading-l" id="send-heading">
            {t('consultations.respond.sendHeading')}
          </h2>
          <p>{t('consultations.respond.sendIntro')}</p>
          <Button type="submit" isBusy={submitting} disabled={closed}>
            {submitting ? t('consultations.respond.sending') : t('consultations.respond.send')}
          </Button>
          <p className="visually-hidden" aria-live="assertive">
            {submitting ? t('consultations.respond.sending') : ''}
          </p>
        </section>
      </form>
    </Page>
  );
}
