import { ACCOMMODATIONS } from '@musyawarah/core/consultation/vocabulary';
import { RSVP_RESPONSES, SURVEY_SCALE } from '@musyawarah/core/boards/vocabulary';
import {
  Button,
  ErrorNotice,
  Form,
  InsetText,
  Loading,
  NotificationBanner,
  Page,
  RadioGroupField,
  SelectField,
  SummaryList,
  TextField,
  errorStatus,
  languageLabel,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm, type FieldErrors, type FieldValues, type ResolverResult } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSignIn } from '../../session';
import { useTRPC, type Outputs } from '../../trpc';
import { MinutesText } from './BoardPage';
import './boards.css';
import { isUuid, useLocalized, useZonedFormat } from './data';
import { Checkboxes, FieldsFor, TextArea } from './fields';

type MemberSession = Outputs['boards']['memberSession'];

/** `/boards/sessions/:sessionId`: a session of my board: reply, send input for the agenda, answer the survey after it. */
export function MemberSessionPage() {
  const { sessionId = '' } = useParams();
  return (
    <RequireSignIn>
      {isUuid(sessionId) ? <SessionLoader sessionId={sessionId} /> : <SessionNotFound />}
    </RequireSignIn>
  );
}

function SessionNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('boards.memberSession.notFoundTitle')}>
      <p>{t('boards.memberSession.notFoundBody')}</p>
      <p>
        <Link to="/boards/mine">{t('boards.mine.title')}</Link>
      </p>
    </Page>
  );
}

function SessionLoader({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const session = useQuery({
    ...trpc.boards.memberSession.queryOptions({ sessionId }),
    retry: false,
    staleTime: 0,
  });
  if (session.isPending) return <Loading />;
  if (session.isError) {
    if (errorStatus(session.error) === 404) return <SessionNotFound />;
    return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  }
  return <SessionView session={session.data} />;
}

function useNotice() {
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  return [notice, (text: string) => setNotice((prev) => ({ text, n: (prev?.n ?? 0) + 1 }))] as const;
}

function SessionView({ session }: { session: MemberSession }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const format = useZonedFormat();
  const title = pick(session.title);
  const [notice, say] = useNotice();
  return (
    <Page
      title={title.text}
      caption={t(`boards.sessionKind.${session.kind}`)}
      backLink={{ to: '/boards/mine', label: t('boards.mine.title') }}
    >
      {notice && (
        <NotificationBanner tone="success" focusOnMount key={notice.n}>
          <p>{notice.text}</p>
        </NotificationBanner>
      )}
      <SummaryList
        rows={[
          { key: 'starts', label: t('boards.memberSession.starts'), value: format(session.startsAt) },
          { key: 'ends', label: t('boards.memberSession.ends'), value: format(session.endsAt) },
          {
            key: 'method',
            label: t('boards.memberSession.method'),
            value: t(`boards.sessionMethod.${session.method}`),
          },
          {
            key: 'mode',
            label: t('boards.memberSession.mode'),
            value: t(`boards.sessionMode.${session.mode}`),
          },
          ...(session.venue
            ? [{ key: 'venue', label: t('boards.memberSession.venue'), value: session.venue }]
            : []),
          ...(session.link
            ? [
                {
                  key: 'link',
                  label: t('boards.memberSession.link'),
                  value: <a href={session.link}>{session.link}</a>,
                },
              ]
            : []),
          {
            key: 'languages',
            label: t('boards.memberSession.languages'),
            value: session.languages.map((code) => languageLabel(code)).join(', '),
          },
          {
            key: 'accommodations',
            label: t('boards.memberSession.accommodations'),
            value: session.accommodations.length
              ? session.accommodations.map((a) => t(`consultations.accommodations.${a}`)).join(', ')
              : t('boards.memberSession.noAccommodations'),
          },
          {
            key: 'agenda',
            label: t('boards.memberSession.agenda'),
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
              t('boards.memberSession.noAgenda')
            ),
          },
        ]}
      />
      <Rsvp session={session} onDone={say} />
      <Input session={session} onDone={say} />
      <Survey session={session} onDone={say} />
      {session.minutes && (
        <section className="boards-section" aria-labelledby="minutes-heading">
          <h2 className="heading-l" id="minutes-heading">
            {t('boards.board.minutes')}
          </h2>
          <MinutesText minutes={session.minutes} />
        </section>
      )}
    </Page>
  );
}

interface RsvpValues {
  response: string | undefined;
  accommodationsNeeded: string[] | string | false;
  otherNeeds: string;
}

/**
 * A react-hook-form resolver result from the few checks these small forms make before sending (the API checks them
 * again and its field errors show the same way).
 */
function resolved<T extends FieldValues>(values: T, errors: Record<string, string>): ResolverResult<T> {
  if (Object.keys(errors).length === 0) return { values, errors: {} };
  return {
    values: {},
    errors: Object.fromEntries(
      Object.entries(errors).map(([k, message]) => [k, { type: 'validate', message }]),
    ) as FieldErrors<T>,
  };
}

const list = (v: string[] | string | false | undefined): string[] =>
  Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];

function Rsvp({ session, onDone }: { session: MemberSession; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitation = session.invitation;
  const form = useForm<RsvpValues>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: {
      response: invitation?.rsvp ?? undefined,
      accommodationsNeeded: invitation?.accommodationsNeeded ?? [],
      otherNeeds: invitation?.otherNeeds ?? '',
    },
    resolver: (values) =>
      resolved(values, values.response ? {} : { response: 'boards.memberSession.rsvpRequired' }),
  });
  const rsvp = useMutation(trpc.boards.rsvp.mutationOptions());
  return (
    <section className="boards-section" aria-labelledby="rsvp-heading">
      <h2 className="heading-l" id="rsvp-heading">
        {t('boards.memberSession.rsvpHeading')}
      </h2>
      {!invitation ? (
        <p>{t('boards.memberSession.notInvited')}</p>
      ) : (
        <>
          <p>
            {invitation.rsvp
              ? t('boards.memberSession.yourReply', { reply: t(`boards.rsvp.${invitation.rsvp}`) })
              : t('boards.memberSession.noReplyYet')}
          </p>
          {session.rsvpOpen ? (
            <Form
              form={form}
              id="rsvp"
              onSubmit={async (v) => {
                await rsvp.mutateAsync({
                  sessionId: session.id,
                  response: v.response as never,
                  accommodationsNeeded: list(v.accommodationsNeeded) as never,
                  otherNeeds: v.otherNeeds || undefined,
                });
                await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
                onDone(t('boards.memberSession.rsvpSaved'));
              }}
            >
              <FieldsFor formId="rsvp">
                <RadioGroupField
                  name="response"
                  legend={t('boards.memberSession.attending')}
                  options={RSVP_RESPONSES.map((r) => ({ value: r, label: t(`boards.rsvpAnswer.${r}`) }))}
                />
                <Checkboxes
                  name="accommodationsNeeded"
                  legend={t('boards.memberSession.needs')}
                  hint={t('boards.memberSession.needsHint')}
                  options={ACCOMMODATIONS.map((a) => ({
                    value: a,
                    label: t(`consultations.accommodations.${a}`),
                  }))}
                  optional
                />
                <TextField name="otherNeeds" label={t('boards.memberSession.otherNeeds')} optional />
                <Button type="submit" isBusy={form.formState.isSubmitting}>
                  {t('boards.memberSession.sendReply')}
                </Button>
              </FieldsFor>
            </Form>
          ) : (
            <p className="hint">{t('boards.memberSession.rsvpClosed')}</p>
          )}
        </>
      )}
    </section>
  );
}

interface InputValues {
  agendaItemId: string | undefined;
  actionId: string | undefined;
  text: string;
}

function Input({ session, onDone }: { session: MemberSession; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useZonedFormat();
  // '' (not undefined) so a reset also clears what the selects show.
  const empty: InputValues = { agendaItemId: '', actionId: '', text: '' };
  const form = useForm<InputValues>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: empty,
    resolver: (values) =>
      resolved(values, values.text.trim() ? {} : { text: 'boards.memberSession.inputRequired' }),
  });
  const submit = useMutation(trpc.boards.submitInput.mutationOptions());
  // One key per point, kept until it is stored: sending again after a lost answer stores it once.
  const idempotencyKey = useRef(crypto.randomUUID());
  const agendaTitle = (id: string | null) => session.agenda.find((a) => a.id === id)?.title;
  const actions = [
    ...new Set([...session.actionIds, ...session.agenda.flatMap((a) => (a.actionId ? [a.actionId] : []))]),
  ];
  return (
    <section className="boards-section" aria-labelledby="input-heading">
      <h2 className="heading-l" id="input-heading">
        {t('boards.memberSession.inputHeading')}
      </h2>
      <p>{t('boards.memberSession.inputLead')}</p>
      {session.myInputs.length > 0 && (
        <>
          <h3 className="heading-m">
            {t('boards.memberSession.yourInputs', { count: session.myInputs.length })}
          </h3>
          <ul className="boards-list">
            {session.myInputs.map((i) => (
              <li key={i.id}>
                <p className="text-secondary">
                  {format(i.createdAt)}
                  {i.agendaItemId && agendaTitle(i.agendaItemId)
                    ? ` · ${t('boards.memberSession.onItem', { item: agendaTitle(i.agendaItemId) })}`
                    : ''}
                  {i.actionId ? ` · ${i.actionId}` : ''}
                </p>
                <p className="boards-pre">{i.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {session.inputOpen ? (
        <Form
          form={form}
          id="input"
          onSubmit={async (v) => {
            await submit.mutateAsync({
              sessionId: session.id,
              agendaItemId: v.agendaItemId || undefined,
              actionId: v.actionId || undefined,
              text: v.text,
              idempotencyKey: idempotencyKey.current,
            });
            idempotencyKey.current = crypto.randomUUID();
            form.reset(empty);
            await queryClient.invalidateQueries({
              queryKey: trpc.boards.memberSession.queryKey({ sessionId: session.id }),
            });
            onDone(t('boards.memberSession.inputSent'));
          }}
        >
          <FieldsFor formId="input">
            {session.agenda.length > 0 && (
              <SelectField
                name="agendaItemId"
                label={t('boards.memberSession.agendaItem')}
                options={session.agenda.map((a) => ({ value: a.id, label: a.title }))}
                placeholder={t('boards.memberSession.generalInput')}
                optional
              />
            )}
            {actions.length > 0 && (
              <SelectField
                name="actionId"
                label={t('boards.memberSession.action')}
                options={actions.map((a) => ({ value: a, label: a }))}
                placeholder={t('boards.memberSession.noAction')}
                optional
              />
            )}
            <TextArea
              name="text"
              label={t('boards.memberSession.inputText')}
              hint={t('boards.memberSession.inputHint')}
              rows={6}
            />
            <Button type="submit" isBusy={form.formState.isSubmitting}>
              {t('boards.memberSession.sendInput')}
            </Button>
          </FieldsFor>
        </Form>
      ) : (
        <p className="hint">{t('boards.memberSession.inputClosed')}</p>
      )}
    </section>
  );
}

interface SurveyValues {
  satisfaction: string | undefined;
  trust: string | undefined;
  comment: string;
  signed: string;
}

function Survey({ session, onDone }: { session: MemberSession; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<SurveyValues>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: { satisfaction: undefined, trust: undefined, comment: '', signed: 'false' },
    resolver: (values) =>
      resolved(values, {
        ...(values.satisfaction ? {} : { satisfaction: 'boards.memberSession.scoreRequired' }),
        ...(values.trust ? {} : { trust: 'boards.memberSession.scoreRequired' }),
      }),
  });
  const answer = useMutation(trpc.boards.answerSurvey.mutationOptions());
  const scale = () =>
    SURVEY_SCALE.map((n) => ({ value: String(n), label: t(`boards.memberSession.scale.${n}`) }));
  if (!session.invitation) return null;
  return (
    <section className="boards-section" aria-labelledby="survey" id="survey-section">
      <h2 className="heading-l" id="survey" tabIndex={-1}>
        {t('boards.memberSession.surveyHeading')}
      </h2>
      {session.surveyAnswered ? (
        <InsetText>
          <p>{t('boards.memberSession.surveyThanks')}</p>
        </InsetText>
      ) : !session.surveyOpen ? (
        <p className="hint">{t('boards.memberSession.surveyLater')}</p>
      ) : (
        <>
          <p>{t('boards.memberSession.surveyLead')}</p>
          <Form
            form={form}
            id="survey-form"
            onSubmit={async (v) => {
              await answer.mutateAsync({
                sessionId: session.id,
                satisfaction: Number(v.satisfaction),
                trust: Number(v.trust),
                comment: v.comment || undefined,
                signed: v.signed === 'true',
              });
              await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
              onDone(t('boards.memberSession.surveySent'));
            }}
          >
            <FieldsFor formId="survey-form">
              <RadioGroupField
                name="satisfaction"
                legend={t('boards.memberSession.satisfaction')}
                options={scale()}
              />
              <RadioGroupField
                name="trust"
                legend={t('boards.memberSession.trust')}
                hint={t('boards.memberSession.trustHint')}
                options={scale()}
              />
              <TextArea name="comment" label={t('boards.memberSession.comment')} rows={4} optional />
              <RadioGroupField
                name="signed"
                legend={t('boards.memberSession.signLegend')}
                hint={t('boards.memberSession.signHint')}
                options={[
                  {
                    value: 'false',
                    label: t('boards.memberSession.anonymous'),
                    hint: t('boards.memberSession.anonymousHint'),
                  },
                  {
                    value: 'true',
                    label: t('boards.memberSession.signed'),
                    hint: t('boards.memberSession.signedHint'),
                  },
                ]}
              />
              <Button type="submit" isBusy={form.formState.isSubmitting}>
                {t('boards.memberSession.sendSurvey')}
              </Button>
            </FieldsFor>
          </Form>
        </>
      )}
    </section>
  );
}
