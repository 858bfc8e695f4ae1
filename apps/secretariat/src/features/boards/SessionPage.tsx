import { minutesInput } from '@musyawarah/core/boards/schemas';
import { ATTENDANCE_STATUSES, MINUTES_VISIBILITIES } from '@musyawarah/core/boards/vocabulary';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  DataTable,
  ErrorNotice,
  Form,
  languageAutonym,
  LinkButton,
  Loading,
  ModalDialog,
  NotificationBanner,
  Page,
  RadioGroupField,
  SummaryList,
  TextAreaField,
  useFormat,
  userTimeZone,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import '../consultations/consultations.css';
import './boards.css';
import { english, useServerMessage } from './shared';

type SessionDetail = Outputs['boards']['session'];
type Invitation = SessionDetail['invitations'][number];

export function SessionPage() {
  const { t } = useTranslation();
  const { boardId = '', sessionId = '' } = useParams();
  const trpc = useTRPC();
  const location = useLocation();
  const session = useQuery(trpc.boards.session.queryOptions({ sessionId }));
  const initialNotice = (location.state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(
    initialNotice
      ? { text: t(`boards.session.notice.${initialNotice === 'created' ? 'created' : 'saved'}`), n: 0 }
      : null,
  );
  const say = (text: string) => setNotice((prev) => ({ text, n: (prev?.n ?? 0) + 1 }));
  return (
    <Page
      title={session.data ? english(session.data.title) : t('boards.session.loading')}
      caption={t('boards.session.caption')}
      width="full"
      backLink={{ to: `/boards/${boardId}?tab=sessions`, label: t('boards.board.back') }}
    >
      {notice && (
        <NotificationBanner tone="success" focusOnMount={notice.n > 0} key={notice.n}>
          <p>{notice.text}</p>
        </NotificationBanner>
      )}
      {session.isPending ? (
        <Loading />
      ) : session.isError ? (
        <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />
      ) : (
        <SessionBody session={session.data} boardId={boardId} onDone={say} />
      )}
    </Page>
  );
}

function SessionBody({
  session,
  boardId,
  onDone,
}: {
  session: SessionDetail;
  boardId: string;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <div className="two-thirds">
        <SummaryList
          rows={[
            {
              key: 'kind',
              label: t('boards.sessionEditor.kind'),
              value: t(`boards.sessionKind.${session.kind}`),
            },
            {
              key: 'method',
              label: t('boards.sessionEditor.method'),
              value: t(`boards.sessionMethod.${session.method}`),
            },
            {
              key: 'when',
              label: t('boards.session.when'),
              value: (
                <>
                  {t('boards.session.fromTo', {
                    from: format.dateTime(session.startsAt),
                    to: format.dateTime(session.endsAt),
                  })}{' '}
                  <span className="text-secondary">
                    {t('boards.session.inZone', { zone: userTimeZone() })}
                  </span>
                </>
              ),
            },
            {
              key: 'mode',
              label: t('boards.sessionEditor.mode'),
              value: t(`boards.sessionMode.${session.mode}`),
            },
            ...(session.venue
              ? [{ key: 'venue', label: t('boards.sessionEditor.venue'), value: session.venue }]
              : []),
            ...(session.link
              ? [
                  {
                    key: 'link',
                    label: t('boards.sessionEditor.link'),
                    value: <a href={session.link}>{session.link}</a>,
                  },
                ]
              : []),
            {
              key: 'languages',
              label: t('boards.sessionEditor.languages'),
              value: session.languages.map(languageAutonym).join(', '),
            },
            {
              key: 'accommodations',
              label: t('boards.sessionEditor.accommodations'),
              value: session.accommodations.length
                ? session.accommodations.map((a) => t(`consultations.accommodation.${a}`)).join(', ')
                : t('boards.session.noAccommodations'),
            },
            {
              key: 'agenda',
              label: t('boards.sessionEditor.agendaHeading'),
              value: session.agenda.length ? (
                <ol className="list">
                  {session.agenda.map((a) => (
                    <li key={a.id}>
                      {a.title}
                      {a.actionId ? ` (${a.actionId})` : ''}
                    </li>
                  ))}
                </ol>
              ) : (
                t('boards.session.noAgenda')
              ),
            },
            {
              key: 'actions',
              label: t('boards.board.actions'),
              value: session.actionIds.length ? session.actionIds.join(', ') : t('boards.board.noActions'),
            },
          ]}
        />
        <ButtonLink variant="secondary" to={`/boards/${boardId}/sessions/${session.id}/edit`}>
          {t('boards.session.edit')}
        </ButtonLink>
      </div>
      <Invitations session={session} onDone={onDone} />
      <Attendance
        key={`attendance-${session.invitations.map((i) => `${i.userId}:${i.attendance ?? ''}`).join(',')}`}
        session={session}
        onDone={onDone}
      />
      <Minutes key={`minutes-${session.minutesPublishedAt ?? ''}`} session={session} onDone={onDone} />
      <Inputs session={session} />
      <Survey session={session} />
    </>
  );
}

function Invitations({ session, onDone }: { session: SessionDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [problem, setProblem] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const withdraw = useMutation(
    trpc.boards.withdrawInvitation.mutationOptions({
      onSuccess: async () => {
        setProblem(null);
        const name = withdrawing?.name ?? '';
        setWithdrawing(null);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.session.withdrawn', { name }));
      },
      onError: (error) => {
        setWithdrawing(null);
        setProblem(serverMessage(error));
      },
    }),
  );
  const invite = useMutation(
    trpc.boards.invite.mutationOptions({
      onSuccess: async (result) => {
        setProblem(null);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.session.invited', { count: result.invited }));
      },
      onError: (error) => setProblem(serverMessage(error)),
    }),
  );
  return (
    <section aria-labelledby="invitations-heading">
      <h2 className="heading-l" id="invitations-heading">
        {t('boards.session.invitationsHeading')}
      </h2>
      {problem && (
        <NotificationBanner tone="error" focusOnMount>
          <p>{problem}</p>
        </NotificationBanner>
      )}
      <p>{t('boards.session.invitationsHint')}</p>
      <Button
        variant="secondary"
        isBusy={invite.isPending}
        onClick={() => invite.mutate({ sessionId: session.id, userIds: [] })}
      >
        {t('boards.session.inviteAll')}
      </Button>
      {session.invitations.length === 0 ? (
        <p>{t('boards.session.noInvitations')}</p>
      ) : (
        <DataTable<Invitation>
          caption={t('boards.session.invitationsCaption')}
          captionHidden
          rows={session.invitations}
          rowKey={(i) => i.userId}
          columns={[
            {
              key: 'name',
              header: t('boards.seats.columns.member'),
              rowHeader: true,
              cell: (i) => (
                <>
                  {i.name}
                  {!i.seated && (
                    <>
                      <br />
                      <span className="text-secondary">{t('boards.session.leftBoard')}</span>
                    </>
                  )}
                </>
              ),
            },
            {
              key: 'rsvp',
              header: t('boards.session.rsvp'),
              cell: (i) => (i.rsvp ? t(`boards.rsvp.${i.rsvp}`) : t('boards.rsvp.none')),
            },
            {
              key: 'needs',
              header: t('boards.session.needs'),
              cell: (i) =>
                [...i.accommodationsNeeded.map((a) => t(`consultations.accommodation.${a}`)), i.otherNeeds]
                  .filter(Boolean)
                  .join(', ') || t('boards.session.noNeeds'),
            },
            {
              key: 'withdraw',
              header: t('boards.session.actions'),
              cell: (i) =>
                i.attendance === 'present' ? null : (
                  <LinkButton onClick={() => setWithdrawing(i)}>
                    {t('boards.session.withdraw')}
                    <span className="visually-hidden">
                      {' '}
                      {t('boards.session.withdrawOf', { name: i.name })}
                    </span>
                  </LinkButton>
                ),
            },
          ]}
        />
      )}
      <ModalDialog
        isOpen={withdrawing !== null}
        onOpenChange={(open) => !open && setWithdrawing(null)}
        title={t('boards.session.withdrawTitle', { name: withdrawing?.name ?? '' })}
      >
        <p>{t('boards.session.withdrawBody')}</p>
        <ButtonGroup>
          <Button
            variant="warning"
            isBusy={withdraw.isPending}
            onClick={() =>
              withdrawing && withdraw.mutate({ sessionId: session.id, userId: withdrawing.userId })
            }
          >
            {t('boards.session.withdrawConfirm')}
          </Button>
          <LinkButton onClick={() => setWithdrawing(null)}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </section>
  );
}

/** One row of radios per invited member; saved together. Walk-ins are members invited afterwards. */
function Attendance({ session, onDone }: { session: SessionDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [values, setValues] = useState<Record<string, (typeof ATTENDANCE_STATUSES)[number] | undefined>>(() =>
    Object.fromEntries(session.invitations.map((i) => [i.userId, i.attendance ?? undefined])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const record = useMutation(
    trpc.boards.recordAttendance.mutationOptions({
      onSuccess: async () => {
        setProblem(null);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.attendance.saved'));
      },
      onError: (error) => setProblem(serverMessage(error)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const records = Object.entries(values).flatMap(([userId, status]) =>
      status ? [{ userId, status }] : [],
    );
    if (records.length === 0) {
      setProblem(t('boards.attendance.noneChosen'));
      return;
    }
    record.mutate({ sessionId: session.id, records });
  };
  const started = session.held;
  return (
    <section aria-labelledby="attendance-heading">
      <h2 className="heading-l" id="attendance-heading">
        {t('boards.attendance.heading')}
      </h2>
      {session.participation.rate !== null && (
        <p>
          {t('boards.attendance.rate', {
            rate: session.participation.rate,
            present: session.participation.present,
            invited: session.participation.invited,
          })}
        </p>
      )}
      {!started && <p className="hint">{t('boards.attendance.notYet')}</p>}
      {session.invitations.length === 0 ? (
        <p>{t('boards.attendance.inviteFirst')}</p>
      ) : (
        <form onSubmit={submit} aria-labelledby="attendance-heading" noValidate>
          {problem && (
            <NotificationBanner tone="error" focusOnMount>
              <p>{problem}</p>
            </NotificationBanner>
          )}
          {session.invitations.map((i) => (
            <fieldset className="fieldset board-row" key={i.userId}>
              <legend className="legend">{i.name}</legend>
              <div className="choices choices--inline">
                {ATTENDANCE_STATUSES.map((status) => {
                  const id = `attendance-${i.userId}-${status}`;
                  return (
                    <div className="choice" key={status}>
                      <input
                        id={id}
                        type="radio"
                        className="choice__input"
                        name={`attendance-${i.userId}`}
                        value={status}
                        checked={values[i.userId] === status}
                        onChange={() => setValues((prev) => ({ ...prev, [i.userId]: status }))}
                      />
                      <label className="choice__label" htmlFor={id}>
                        {t(`boards.attendance.status.${status}`)}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
          <Button type="submit" isBusy={record.isPending}>
            {t('boards.attendance.save')}
          </Button>
        </form>
      )}
    </section>
  );
}

function Minutes({ session, onDone }: { session: SessionDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const form = useZodForm(minutesInput, {
    defaultValues: {
      sessionId: session.id,
      minutes: session.minutes ?? '',
      outcomes: session.outcomes ?? '',
      visibility: session.minutesVisibility ?? 'members',
      publish: false,
    },
  });
  const save = useMutation(trpc.boards.saveMinutes.mutationOptions());
  const [publish, setPublish] = useState(false);
  return (
    <section aria-labelledby="minutes-heading">
      <h2 className="heading-l" id="minutes-heading">
        {t('boards.minutes.heading')}
      </h2>
      <p>
        {session.minutesPublishedAt
          ? t(`boards.minutes.publishedOn.${session.minutesVisibility}`, {
              date: format.dateTime(session.minutesPublishedAt),
            })
          : t('boards.minutes.notPublishedYet')}
      </p>
      <div className="two-thirds">
        <Form
          form={form}
          id="minutes"
          onSubmit={async (values) => {
            await save.mutateAsync({ ...values, publish });
            await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
            onDone(t(publish ? 'boards.minutes.publishedNotice' : 'boards.minutes.savedNotice'));
          }}
        >
          <TextAreaField name="minutes" label={t('boards.minutes.minutes')} rows={8} />
          <TextAreaField
            name="outcomes"
            label={t('boards.minutes.outcomes')}
            hint={t('boards.minutes.outcomesHint')}
            rows={5}
            optional
          />
          <RadioGroupField
            name="visibility"
            legend={t('boards.minutes.visibility')}
            options={MINUTES_VISIBILITIES.map((v) => ({
              value: v,
              label: t(`boards.minutes.visibilityOption.${v}`),
            }))}
          />
          <ButtonGroup>
            <Button type="submit" onClick={() => setPublish(true)} isBusy={form.formState.isSubmitting}>
              {t('boards.minutes.publish')}
            </Button>
            <Button
              type="submit"
              variant="secondary"
              onClick={() => setPublish(false)}
              isBusy={form.formState.isSubmitting}
            >
              {t('boards.minutes.saveDraft')}
            </Button>
          </ButtonGroup>
        </Form>
      </div>
    </section>
  );
}

function Inputs({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agendaTitle = (id: string | null) => session.agenda.find((a) => a.id === id)?.title;
  return (
    <section aria-labelledby="inputs-heading">
      <h2 className="heading-l" id="inputs-heading">
        {t('boards.inputs.heading')}
      </h2>
      {session.inputs.length === 0 ? (
        <p>{t('boards.inputs.none')}</p>
      ) : (
        <ul className="board-list">
          {session.inputs.map((input) => (
            <li key={input.id}>
              <p className="text-secondary">
                {t('boards.inputs.meta', {
                  name: input.name ?? t('boards.inputs.formerMember'),
                  date: format.dateTime(input.createdAt),
                })}
                {input.agendaItemId && agendaTitle(input.agendaItemId) && (
                  <>
                    {' · '}
                    {t('boards.inputs.onItem', { item: agendaTitle(input.agendaItemId) })}
                  </>
                )}
                {input.actionId && (
                  <>
                    {' · '}
                    {input.actionId}
                  </>
                )}
              </p>
              <p className="board-pre">{input.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The satisfaction and trust survey: only aggregates, and not even those while one or two unsigned answers could be read. */
function Survey({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const results = useQuery(trpc.boards.surveyResults.queryOptions({ sessionId: session.id }));
  return (
    <section aria-labelledby="survey-heading">
      <h2 className="heading-l" id="survey-heading">
        {t('boards.survey.heading')}
      </h2>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <>
          <SurveyState results={results.data} />
          <SurveyResults results={results.data} />
        </>
      )}
    </section>
  );
}

/** Whether members can still answer; closing early lets the results show (aggregates wait for a closed survey). */
function SurveyState({ results }: { results: Outputs['boards']['surveyResults'] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const serverMessage = useServerMessage();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const close = useMutation(
    trpc.boards.closeSurvey.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
      },
      onError: (error) => {
        setOpen(false);
        setProblem(serverMessage(error));
      },
    }),
  );
  return (
    <>
      {problem && (
        <NotificationBanner tone="error" focusOnMount>
          <p>{problem}</p>
        </NotificationBanner>
      )}
      <p>
        {results.surveyClosedAt
          ? t('boards.survey.closedOn', { date: format.dateTime(results.surveyClosedAt) })
          : results.surveyOpen
            ? t('boards.survey.open')
            : t('boards.survey.notOpen')}
      </p>
      {results.surveyOpen && (
        <>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t('boards.survey.close')}
          </Button>
          <ModalDialog isOpen={open} onOpenChange={setOpen} title={t('boards.survey.closeTitle')}>
            <p>{t('boards.survey.closeBody')}</p>
            <ButtonGroup>
              <Button isBusy={close.isPending} onClick={() => close.mutate({ sessionId: results.sessionId })}>
                {t('boards.survey.close')}
              </Button>
              <LinkButton onClick={() => setOpen(false)}>{t('boards.cancel')}</LinkButton>
            </ButtonGroup>
          </ModalDialog>
        </>
      )}
    </>
  );
}

function SurveyResults({ results }: { results: Outputs['boards']['surveyResults'] }) {
  const { t } = useTranslation();
  const summaries = [
    { key: 'satisfaction', summary: results.satisfaction },
    { key: 'trust', summary: results.trust },
  ].filter(
    (r): r is { key: string; summary: NonNullable<typeof results.satisfaction> } => r.summary !== null,
  );
  return (
    <>
      <p>{t('boards.survey.responses', { count: results.responses })}</p>
      {results.suppressed && <p>{t('boards.survey.suppressed')}</p>}
      {summaries.length > 0 && (
        <DataTable
          caption={t('boards.survey.caption')}
          rows={summaries}
          rowKey={(r) => r.key}
          columns={[
            {
              key: 'question',
              header: t('boards.survey.question'),
              rowHeader: true,
              cell: (r) => t(`boards.survey.${r.key}`),
            },
            {
              key: 'mean',
              header: t('boards.survey.mean'),
              className: 'numeric',
              cell: (r) => r.summary.mean ?? '—',
            },
            ...[1, 2, 3, 4, 5].map((score) => ({
              key: `s${score}`,
              header: t('boards.survey.scoreColumn', { score }),
              className: 'numeric',
              cell: (r: { summary: { distribution: number[] } }) => r.summary.distribution[score - 1] ?? 0,
            })),
          ]}
        />
      )}
      {results.signed.length > 0 && (
        <>
          <h3 className="heading-m">{t('boards.survey.signedHeading')}</h3>
          <ul className="board-list">
            {results.signed.map((r, index) => (
              <li key={r.userId ?? index}>
                <p>
                  <strong>{r.name}</strong>:{' '}
                  {t('boards.survey.signedScores', { satisfaction: r.satisfaction, trust: r.trust })}
                </p>
                {r.comment && <p className="board-pre">{r.comment}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {results.anonymousComments.length > 0 && (
        <>
          <h3 className="heading-m">{t('boards.survey.anonymousHeading')}</h3>
          <ul className="board-list">
            {results.anonymousComments.map((comment, index) => (
              <li key={index} className="board-pre">
                {comment}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
