import { ACCOMMODATIONS, MODERATION_REASONS } from '@musyawarah/core/consultation/vocabulary';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  ErrorNotice,
  InsetText,
  LinkButton,
  Loading,
  ModalDialog,
  NotificationBanner,
  SummaryList,
  Tag,
  errorStatus,
  languageAutonym,
  languageLabel,
  mapServerError,
  useDocumentTitle,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../session';
import { useTRPC } from '../../trpc';
import { Breadcrumbs } from '../catalogue/Breadcrumbs';
import { useHashFocus } from '../catalogue/hash';
import './consultations.css';
import {
  asEvent,
  inAudience,
  isUuid,
  readerTimeZone,
  useConsultationMessage,
  useLocalized,
  useRound,
  useZonedFormat,
  type PublicContribution,
  type RoundDetail,
  type RoundEvent,
} from './data';
import { BackgroundDocuments, useRecordVisit } from './BackgroundDocuments';
import { CancelRegistration } from './CancelRegistration';
import { ReadInSelector, ReadingLanguageProvider } from './reading-language';
import { PhaseTag, TimeLeft } from './RoundCard';
import { RoundNotFound } from './RoundNotFound';
import { Follow } from '../notifications/Follow';

/** `/consultations/:id`: the round, its event, the public record and the call to give feedback. */
export function RoundPage() {
  const { id = '' } = useParams();
  if (!isUuid(id)) return <RoundNotFound />;
  return <RoundLoader id={id} />;
}

function RoundLoader({ id }: { id: string }) {
  const round = useRound(id);
  if (round.isPending) return <Loading />;
  if (round.isError) {
    if (errorStatus(round.error) === 404) return <RoundNotFound />;
    return <ErrorNotice error={round.error} onRetry={() => void round.refetch()} />;
  }
  return (
    <ReadingLanguageProvider languages={round.data.languages}>
      <RoundView round={round.data} />
    </ReadingLanguageProvider>
  );
}

function RoundView({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const format = useZonedFormat();
  const title = pick(round.title);
  const description = pick(round.description);
  const event = asEvent(round.event);
  useDocumentTitle(title.text);
  useHashFocus(true);
  useRecordVisit(round.id);

  const rows = [
    { key: 'phase', label: t('consultations.round.phase'), value: <PhaseTag phase={round.phase} /> },
    { key: 'opens', label: t('consultations.round.opens'), value: format(round.opensAt) },
    {
      key: 'closes',
      label:
        round.phase === 'open' || round.phase === 'upcoming'
          ? t('consultations.round.closes')
          : t('consultations.card.closed'),
      value: (
        <>
          {format(round.closesAt)}
          {round.phase === 'open' && (
            <>
              <br />
              <strong>
                <TimeLeft closesAt={round.closesAt} />
              </strong>
            </>
          )}
        </>
      ),
    },
    {
      key: 'format',
      label: t('consultations.round.format'),
      value: t(`consultations.format.${round.format}`),
    },
    {
      key: 'actions',
      label: t('consultations.round.actions'),
      value:
        round.actionIds.length === 0 ? (
          t('consultations.round.noActions')
        ) : (
          <ul className="list-inline">
            {round.actionIds.map((actionId) => (
              <li key={actionId}>
                <Link to={`/actions/${actionId}`}>{actionId}</Link>
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'languages',
      label: t('consultations.round.languages'),
      value: round.languages.map((code) => languageLabel(code)).join(', '),
    },
    {
      key: 'states',
      label: t('consultations.round.memberStates'),
      value:
        round.memberStates.length === 0
          ? t('consultations.round.allStates')
          : round.memberStates.map((code) => t(`common.memberStates.${code}`)).join(', '),
    },
  ];

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/consultations', label: t('consultations.list.title') },
          { label: title.text },
        ]}
      />
      <div className="two-thirds">
        <h1 className="heading-xl" tabIndex={-1} data-page-heading="">
          <span className="caption">{t(`consultations.format.${round.format}`)}</span>
          <span lang={title.language}>{title.text}</span>
        </h1>
        <Follow subjectType="round" subjectId={round.id} name={title.text} />
        <ReadInSelector />
        {(title.fallback || description.fallback) && (
          <p className="hint">{t('consultations.round.shownIn', { language: languageAutonym('en') })}</p>
        )}
        <div className="prose round-description" lang={description.language}>
          {paragraphs(description.text)}
        </div>
        <SummaryList rows={rows} />
        <p className="hint">{t('consultations.round.timeZone', { zone: readerTimeZone() })}</p>
        <CallToAction round={round} />
      </div>

      {round.summary && <WhatWeHeard summary={round.summary} />}

      {round.questions.length > 0 && round.phase !== 'summary_published' && (
        <section aria-labelledby="what-we-ask" className="two-thirds">
          <h2 className="heading-l" id="what-we-ask">
            {t('consultations.round.questionsTitle')}
          </h2>
          <ol className="question-preview">
            {round.questions.map((q) => {
              const prompt = pick(q.prompt);
              return (
                <li key={q.id} lang={prompt.language}>
                  {prompt.text}
                  {q.required && <span className="hint"> {t('consultations.round.requiredQuestion')}</span>}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <BackgroundDocuments roundId={round.id} />

      {event && <EventSection round={round} event={event} />}

      <PublicRecord round={round} />
    </>
  );
}

export function paragraphs(text: string) {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p, i) => <p key={i}>{p}</p>);
}

function CallToAction({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useZonedFormat();
  const respond = `/consultations/${round.id}/respond`;
  if (round.phase === 'upcoming') {
    return (
      <InsetText>
        <p>{t('consultations.round.opensLater', { date: format(round.opensAt) })}</p>
      </InsetText>
    );
  }
  if (round.phase !== 'open') {
    return (
      <InsetText>
        <p>{t('consultations.round.closedOn', { date: format(round.closesAt) })}</p>
      </InsetText>
    );
  }
  const groups = round.invitedGroups.map((g) => t(`common.stakeholderGroups.${g}`)).join(', ');
  const audienceNote =
    round.audience === 'invited_groups'
      ? t('consultations.round.audienceInvited', { groups })
      : round.audience === 'board'
        ? t('consultations.round.audienceBoard')
        : null;
  if (me.data && !inAudience(round, me.data.stakeholderGroup)) {
    return (
      <InsetText>
        <p>{audienceNote}</p>
        <p>{t('consultations.round.notInAudience')}</p>
      </InsetText>
    );
  }
  return (
    <div className="call-to-action">
      {audienceNote && <p>{audienceNote}</p>}
      {me.data ? (
        <ButtonLink to={respond} size="start">
          {t('consultations.round.giveFeedback')}
        </ButtonLink>
      ) : (
        <>
          <ButtonLink to={`/sign-in?next=${encodeURIComponent(respond)}`} size="start">
            {t('consultations.round.giveFeedback')}
          </ButtonLink>
          <p className="hint">
            {t('consultations.round.signInNeeded')}{' '}
            <Link to="/register">{t('consultations.round.register')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

function WhatWeHeard({ summary }: { summary: Record<string, string> }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const text = pick(summary);
  return (
    <section aria-labelledby="what-we-heard" className="two-thirds what-we-heard">
      <h2 className="heading-l" id="what-we-heard" tabIndex={-1}>
        {t('consultations.summary.title')}
      </h2>
      <div className="prose" lang={text.language}>
        {paragraphs(text.text)}
      </div>
    </section>
  );
}

function EventSection({ round, event }: { round: RoundDetail; event: RoundEvent }) {
  const { t } = useTranslation();
  const format = useZonedFormat();
  const offered = event.accommodationsOffered ?? [];
  const here = readerTimeZone();
  const rows = [
    {
      key: 'mode',
      label: t('consultations.event.mode'),
      value: t(`consultations.event.modes.${event.mode}`),
    },
    {
      key: 'when',
      label: t('consultations.event.when'),
      value: (
        <>
          {format(event.startsAt, event.timezone)} – {format(event.endsAt, event.timezone, 'time')}
          {event.timezone !== here && (
            <>
              <br />
              <span className="hint">
                {t('consultations.event.yourTime', {
                  start: format(event.startsAt, here),
                  end: format(event.endsAt, here, 'time'),
                })}
              </span>
            </>
          )}
        </>
      ),
    },
    ...(event.venue ? [{ key: 'venue', label: t('consultations.event.venue'), value: event.venue }] : []),
    ...(event.link
      ? [
          {
            key: 'link',
            label: t('consultations.event.link'),
            value: (
              <a href={event.link} rel="noopener noreferrer" target="_blank">
                {event.link}
                <span className="visually-hidden"> {t('consultations.event.newTab')}</span>
              </a>
            ),
          },
        ]
      : []),
    {
      key: 'accommodations',
      label: t('consultations.event.offered'),
      value:
        offered.length === 0 ? (
          t('consultations.event.noneOffered')
        ) : (
          <ul className="list-bullet">
            {offered.map((a) => (
              <li key={a}>{t(`consultations.accommodations.${a}`)}</li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <section aria-labelledby="event" className="two-thirds">
      <h2 className="heading-l" id="event">
        {t('consultations.event.title')}
      </h2>
      <SummaryList rows={rows} />
      <Registration round={round} offered={offered} />
    </section>
  );
}

function Registration({ round, offered }: { round: RoundDetail; offered: string[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const location = useLocation();
  const tm = useConsultationMessage();
  const id = useId();
  const [needs, setNeeds] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const queryClient = useQueryClient();
  const pick = useLocalized();
  const [cancelled, setCancelled] = useState(0);
  const register = useMutation(
    trpc.contributions.registerForEvent.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.contributions.myRegistration.queryKey({ roundId: round.id }),
        }),
    }),
  );
  // A registration made earlier (another visit, another device) is shown instead of the form.
  const existing = useQuery(
    trpc.contributions.myRegistration.queryOptions({ roundId: round.id }, { enabled: !!me.data }),
  );
  // New registrations are taken while the round is upcoming or open; a registration can be cancelled until the event.
  const takesRegistrations = round.phase === 'open' || round.phase === 'upcoming';
  const error = register.error ? mapServerError(register.error) : null;
  // Offered first; anyone may still say they need something else.
  const others = ACCOMMODATIONS.filter((a) => !offered.includes(a));

  if (!me.data) {
    if (!takesRegistrations) return null;
    return (
      <p>
        <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + '#event')}`}>
          {t('consultations.event.signInToRegister')}
        </Link>
      </p>
    );
  }
  const registered = existing.data ?? (register.data ? { ...register.data, canCancel: false } : null);
  if (registered) {
    return (
      <>
        <NotificationBanner tone="success" focusOnMount={!!register.data}>
          <p className="notification__heading">{t(`consultations.event.result.${registered.status}`)}</p>
          {needs.length > 0 && <p>{t('consultations.event.needsNoted')}</p>}
        </NotificationBanner>
        {registered.canCancel && (
          <CancelRegistration
            roundId={round.id}
            eventName={pick(round.title).text}
            onCancelled={() => {
              register.reset();
              setNeeds([]);
              setOther('');
              setCancelled((n) => n + 1);
            }}
          />
        )}
      </>
    );
  }
  if (!takesRegistrations) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate({
      roundId: round.id,
      accommodationsNeeded: needs as never,
      otherNeeds: other.trim() || undefined,
    });
  };
  return (
    <>
      {cancelled > 0 && (
        <NotificationBanner tone="success" focusOnMount key={cancelled}>
          <p className="notification__heading">{t('consultations.event.cancelledNotice')}</p>
        </NotificationBanner>
      )}
      <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="registration">
        <h3 className="heading-m" id={`${id}-title`}>
          {t('consultations.event.registerTitle')}
        </h3>
        {error && (
          <div className="error-summary" role="alert">
            <h4 className="error-summary__title">{t('layout.errorSummary.title')}</h4>
            <p>{tm(error.message ?? error.fieldErrors[0]?.key ?? 'errors.internal')}</p>
          </div>
        )}
        <div className="form-group">
          <fieldset className="fieldset" aria-describedby={`${id}-hint`}>
            <legend className="legend">{t('consultations.event.needsLegend')}</legend>
            <div className="hint" id={`${id}-hint`}>
              {t('consultations.event.needsHint')}
            </div>
            {[offered, others].map((list, group) =>
              list.length === 0 ? null : (
                <div className="choices registration__group" key={group}>
                  {group === 1 && offered.length > 0 && (
                    <p className="registration__subhead">{t('consultations.event.askFor')}</p>
                  )}
                  {list.map((a) => (
                    <div className="choice" key={a}>
                      <input
                        className="choice__input"
                        type="checkbox"
                        id={`${id}-${a}`}
                        checked={needs.includes(a)}
                        onChange={(e) =>
                          setNeeds((n) => (e.target.checked ? [...n, a] : n.filter((x) => x !== a)))
                        }
                      />
                      <label className="choice__label" htmlFor={`${id}-${a}`}>
                        {t(`consultations.accommodations.${a}`)}
                      </label>
                    </div>
                  ))}
                </div>
              ),
            )}
          </fieldset>
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-other`}>
            {t('consultations.event.otherNeeds')} <span className="optional">{t('layout.optional')}</span>
          </label>
          <textarea
            id={`${id}-other`}
            className="textarea"
            rows={3}
            maxLength={1000}
            value={other}
            onChange={(e) => setOther(e.target.value)}
          />
        </div>
        <Button type="submit" isBusy={register.isPending}>
          {t('consultations.event.register')}
        </Button>
      </form>
    </>
  );
}

function PublicRecord({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.contributions.listPublic.queryOptions({ roundId: round.id }));
  const [reporting, setReporting] = useState<PublicContribution | null>(null);
  const [reported, setReported] = useState<string[]>([]);
  return (
    <section aria-labelledby="public-record" className="public-record">
      <h2 className="heading-l" id="public-record">
        {t('consultations.record.title')}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{t('consultations.record.none')}</p>
      ) : (
        <>
          <p className="two-thirds">{t('consultations.record.intro', { count: list.data.length })}</p>
          <ul className="contribution-list">
            {list.data.map((c) => (
              <PublicContributionItem
                key={c.id}
                round={round}
                contribution={c}
                reported={reported.includes(c.id)}
                onReport={() => setReporting(c)}
              />
            ))}
          </ul>
        </>
      )}
      <ReportDialog
        contribution={reporting}
        onClose={() => setReporting(null)}
        onReported={(id) => setReported((r) => [...r, id])}
      />
    </section>
  );
}

function PublicContributionItem({
  round,
  contribution: c,
  reported,
  onReport,
}: {
  round: RoundDetail;
  contribution: PublicContribution;
  reported: boolean;
  onReport: () => void;
}) {
  const { t } = useTranslation();
  const format = useZonedFormat();
  const pick = useLocalized();
  const me = useMe();
  const location = useLocation();
  const answers = (c.answers ?? {}) as Record<string, unknown>;
  const who = c.authorName
    ? c.organisationName
      ? t('consultations.record.namedOrg', { name: c.authorName, organisation: c.organisationName })
      : c.authorName
    : t('consultations.record.anonymous');
  const headingId = `contribution-${c.id}`;
  return (
    <li className="contribution" aria-labelledby={headingId}>
      <h3 className="heading-s contribution__who" id={headingId}>
        {who}
      </h3>
      <p className="contribution__meta">
        {[
          c.stakeholderGroup ? t(`common.stakeholderGroups.${c.stakeholderGroup}`) : null,
          c.memberState ? t(`common.memberStates.${c.memberState}`) : null,
          c.submittedAt ? format(c.submittedAt) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {c.themes.length > 0 && (
        <p className="contribution__themes">
          <span className="visually-hidden">{t('consultations.record.themes')} </span>
          {c.themes.map((th) => (
            <Tag key={th.id} tone="grey">
              {th.label}
            </Tag>
          ))}
        </p>
      )}
      <div lang={c.writtenIn ?? undefined}>
        {round.questions
          .filter((q) => answers[q.id] !== undefined && answers[q.id] !== null && answers[q.id] !== '')
          .map((q) => (
            <div key={q.id} className="contribution__answer">
              <p className="contribution__prompt" lang={pick(q.prompt).language}>
                {pick(q.prompt).text}
              </p>
              <p>{answerText(q, answers[q.id], pick, t)}</p>
            </div>
          ))}
        {c.items.map((item, i) => (
          <div key={i} className="contribution__item">
            <Tag tone="blue">{t(`consultations.itemType.${item.type}`)}</Tag>
            {item.actionId && (
              <>
                {' '}
                <Link to={`/actions/${item.actionId}`}>{item.actionId}</Link>
              </>
            )}
            <p>{item.text}</p>
          </div>
        ))}
      </div>
      {c.response && (
        <div className="contribution__response">
          <h4 className="heading-s">{t('consultations.record.response')}</h4>
          <p>{c.response}</p>
        </div>
      )}
      <p className="contribution__report">
        {reported ? (
          <span role="status">{t('consultations.report.thanks')}</span>
        ) : me.data ? (
          <LinkButton onClick={onReport}>
            {t('consultations.report.button')}
            <span className="visually-hidden"> — {who}</span>
          </LinkButton>
        ) : (
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + '#public-record')}`}>
            {t('consultations.report.signIn')}
          </Link>
        )}
      </p>
    </li>
  );
}

export function answerText(
  q: RoundDetail['questions'][number],
  value: unknown,
  pick: ReturnType<typeof useLocalized>,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const option = (i: unknown) =>
    typeof i === 'number' && q.options[i] ? pick(q.options[i]).text : String(i);
  switch (q.kind) {
    case 'free_text':
      return String(value);
    case 'single_choice':
      return option(value);
    case 'multiple_choice':
      return Array.isArray(value) ? value.map(option).join(', ') : '';
    case 'ranking':
      return Array.isArray(value) ? value.map((v, i) => `${i + 1}. ${option(v)}`).join('  ') : '';
    case 'likert':
      return t('consultations.answer.likertValue', {
        value,
        points: q.likert?.points ?? 5,
        min: q.likert ? pick(q.likert.minLabel).text : '',
        max: q.likert ? pick(q.likert.maxLabel).text : '',
      });
    default:
      return String(value);
  }
}

function ReportDialog({
  contribution,
  onClose,
  onReported,
}: {
  contribution: PublicContribution | null;
  onClose: () => void;
  onReported: (id: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const tm = useConsultationMessage();
  const id = useId();
  const [reason, setReason] = useState<string>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  const report = useMutation(trpc.contributions.report.mutationOptions());
  const close = () => {
    setReason('');
    setNote('');
    setMissing(false);
    report.reset();
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!contribution) return;
    if (!reason) {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    try {
      await report.mutateAsync({
        contributionId: contribution.id,
        reason: reason as never,
        note: note.trim() || undefined,
      });
      onReported(contribution.id);
      close();
    } catch {
      // Shown below from report.error.
    }
  };
  const error = report.error ? mapServerError(report.error) : null;
  return (
    <ModalDialog
      isOpen={contribution !== null}
      onOpenChange={(open) => !open && close()}
      title={t('consultations.report.title')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('consultations.report.intro')}</p>
        {error && (
          <p className="field-error" role="alert">
            {tm(error.message ?? 'errors.internal')}
          </p>
        )}
        <div className={`form-group${missing ? ' form-group--error' : ''}`}>
          <fieldset className="fieldset" aria-describedby={missing ? `${id}-error` : undefined}>
            <legend className="legend">{t('consultations.report.reason')}</legend>
            {missing && (
              <p className="field-error" id={`${id}-error`}>
                <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
                {t('consultations.report.reasonMissing')}
              </p>
            )}
            <div className="choices">
              {MODERATION_REASONS.map((r, i) => (
                <div className="choice" key={r}>
                  <input
                    ref={i === 0 ? reasonRef : undefined}
                    className="choice__input"
                    type="radio"
                    name={`${id}-reason`}
                    id={`${id}-${r}`}
                    value={r}
                    checked={reason === r}
                    onChange={() => {
                      setReason(r);
                      setMissing(false);
                    }}
                  />
                  <label className="choice__label" htmlFor={`${id}-${r}`}>
                    {t(`consultations.report.reasons.${r}`)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-note`}>
            {t('consultations.report.note')} <span className="optional">{t('layout.optional')}</span>
          </label>
          <textarea
            id={`${id}-note`}
            className="textarea"
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" isBusy={report.isPending}>
            {t('consultations.report.send')}
          </Button>
          <LinkButton onClick={close}>{t('consultations.report.cancel')}</LinkButton>
        </ButtonGroup>
      </form>
    </ModalDialog>
  );
}
