import {
  ButtonLink,
  ErrorNotice,
  InsetText,
  Loading,
  NoticeRegion,
  Page,
  SummaryList,
  Tag,
  useNotice,
} from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../session';
import { useTRPC } from '../../trpc';
import './consultations.css';
import { CancelRegistration } from './CancelRegistration';
import { useLocalized, useZonedFormat, type MyContribution } from './data';

/** `/my-contributions`: drafts to continue and submitted feedback with receipt, status and the Secretariat's answer. */
export function MyContributionsPage() {
  return (
    <RequireSignIn>
      <MyContributions />
    </RequireSignIn>
  );
}

function MyContributions() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const mine = useQuery({ ...trpc.contributions.mine.queryOptions(), staleTime: 0 });
  const rounds = useQuery(trpc.rounds.listPublic.queryOptions({}));
  const phaseOf = (roundId: string) => rounds.data?.find((r) => r.id === roundId)?.phase;
  const drafts = (mine.data ?? []).filter((c) => c.status === 'draft');
  const submitted = (mine.data ?? []).filter((c) => c.status !== 'draft');
  return (
    <Page title={t('consultations.mine.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('consultations.mine.lead')}</p>
        <MyEventRegistrations />
      </div>
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <InsetText>
          <p>{t('consultations.mine.none')}</p>
          <p>
            <Link to="/consultations">{t('consultations.mine.findRounds')}</Link>
          </p>
        </InsetText>
      ) : (
        <div className="two-thirds">
          {drafts.length > 0 && (
            <section aria-labelledby="drafts-heading">
              <h2 className="heading-l" id="drafts-heading">
                {t('consultations.mine.drafts')}
              </h2>
              <ul className="list-plain mine-list">
                {drafts.map((c) => (
                  <DraftEntry key={c.id} contribution={c} open={phaseOf(c.roundId) === 'open'} />
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="submitted-heading">
            <h2 className="heading-l" id="submitted-heading">
              {t('consultations.mine.submitted')}
            </h2>
            {submitted.length === 0 ? (
              <p>{t('consultations.mine.noneSubmitted')}</p>
            ) : (
              <ul className="list-plain mine-list">
                {submitted.map((c) => (
                  <SubmittedEntry key={c.id} contribution={c} />
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </Page>
  );
}

function RoundTitle({ contribution: c, id }: { contribution: MyContribution; id: string }) {
  const pick = useLocalized();
  const title = pick(c.roundTitle);
  return (
    <h3 className="heading-m mine-entry__title" id={id}>
      <Link to={`/consultations/${c.roundId}`} lang={title.language}>
        {title.text}
      </Link>
    </h3>
  );
}

function DraftEntry({ contribution: c, open }: { contribution: MyContribution; open: boolean }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const format = useZonedFormat();
  const headingId = `draft-${c.id}`;
  return (
    <li className="mine-entry" aria-labelledby={headingId}>
      <RoundTitle contribution={c} id={headingId} />
      <p>
        <Tag tone="yellow">{t('consultations.mine.draftTag')}</Tag>{' '}
        {t('consultations.mine.lastSaved', { date: format(c.updatedAt) })}
      </p>
      {open ? (
        <ButtonLink to={`/consultations/${c.roundId}/respond`} variant="secondary">
          {t('consultations.mine.continue')}
          <span className="visually-hidden"> — {pick(c.roundTitle).text}</span>
        </ButtonLink>
      ) : (
        <p>{t('consultations.mine.draftClosed')}</p>
      )}
    </li>
  );
}

function SubmittedEntry({ contribution: c }: { contribution: MyContribution }) {
  const { t } = useTranslation();
  const format = useZonedFormat();
  const headingId = `contribution-${c.id}`;
  const rows = [
    {
      key: 'reference',
      label: t('consultations.mine.reference'),
      value: c.receiptReference ? (
        <Link
          to={`/consultations/${c.roundId}/receipt/${encodeURIComponent(c.receiptReference)}`}
          className="mono"
        >
          {c.receiptReference}
        </Link>
      ) : (
        '—'
      ),
    },
    {
      key: 'submitted',
      label: t('consultations.mine.submittedAt'),
      value: c.submittedAt ? format(c.submittedAt) : '—',
    },
    {
      key: 'status',
      label: t('consultations.mine.status'),
      value: c.hidden ? (
        <>
          <Tag tone="red">{t('consultations.mine.hiddenTag')}</Tag>
          <br />
          {t('consultations.mine.hiddenReason', {
            reason: c.hiddenReason
              ? t(`consultations.report.reasons.${c.hiddenReason}`)
              : t('consultations.mine.noReason'),
          })}
        </>
      ) : (
        <Tag tone="green">{t('consultations.mine.publishedTag')}</Tag>
      ),
    },
    {
      key: 'response',
      label: t('consultations.mine.response'),
      value: c.response ? <span className="pre-line">{c.response}</span> : t('consultations.mine.noResponse'),
    },
    { key: 'review', label: t('consultations.mine.review'), value: <ReviewOutcome contributionId={c.id} /> },
  ];
  return (
    <li className="mine-entry" aria-labelledby={headingId}>
      <RoundTitle contribution={c} id={headingId} />
      <SummaryList rows={rows} />
    </li>
  );
}

/**
 * What became of the feedback in the Roadmap's review (C3.3 traceability): the proposed edits that cite it, how each
 * was resolved and the edition that adopted it.
 */
function ReviewOutcome({ contributionId }: { contributionId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const outcome = useQuery(trpc.review.outcomeOfContribution.queryOptions({ contributionId }));
  if (outcome.isPending) return <>{t('consultations.mine.reviewLoading')}</>;
  if (outcome.isError || outcome.data.edits.length === 0) return <>{t('consultations.mine.reviewNone')}</>;
  return (
    <ul className="list-plain">
      {outcome.data.edits.map((edit) => (
        <li key={edit.editId}>
          <Link to={`/review/${edit.cycleId}`}>{edit.cycleTitle}</Link>
          {': '}
          {edit.resolution
            ? t(`consultations.mine.reviewResolution.${edit.resolution.kind}`)
            : t('consultations.mine.reviewPending')}
          {edit.adoptedEditionNumber !== null && (
            <>
              {' — '}
              <Link to={`/review/editions/${edit.adoptedEditionNumber}`}>
                {t('consultations.mine.reviewAdopted', { edition: edit.adoptedEditionNumber })}
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The events the person registered for or waits for, each with "Cancel my registration" until the event starts. */
function MyEventRegistrations() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const pick = useLocalized();
  const format = useZonedFormat();
  const registrations = useQuery({ ...trpc.contributions.myRegistrations.queryOptions(), staleTime: 0 });
  const notice = useNotice();
  // Counts cancellations: the section stays (with its notice) after the last registration goes, and each one moves
  // focus to its heading, since the entry whose button was pressed has gone and focus would fall to the top of the page.
  const [cancelled, setCancelled] = useState(0);
  useEffect(() => {
    if (cancelled > 0) document.getElementById('events-heading')?.focus();
  }, [cancelled]);
  if (!registrations.data || (registrations.data.length === 0 && !cancelled)) return null;
  return (
    <section aria-labelledby="events-heading">
      <h2 className="heading-l" id="events-heading" tabIndex={-1}>
        {t('consultations.mine.events')}
      </h2>
      <NoticeRegion />
      <ul className="list-plain mine-list">
        {registrations.data.map((r) => {
          const title = pick(r.roundTitle);
          const headingId = `registration-${r.id}`;
          return (
            <li className="mine-entry" aria-labelledby={headingId} key={r.id}>
              <h3 className="heading-m mine-entry__title" id={headingId}>
                <Link to={`/consultations/${r.roundId}#event`} lang={title.language}>
                  {title.text}
                </Link>
              </h3>
              <SummaryList
                rows={[
                  {
                    key: 'status',
                    label: t('consultations.mine.status'),
                    value: (
                      <Tag tone={r.status === 'registered' ? 'green' : 'yellow'}>
                        {t(`consultations.mine.eventStatus.${r.status}`)}
                      </Tag>
                    ),
                  },
                  {
                    key: 'when',
                    label: t('consultations.event.when'),
                    value: r.startsAt ? format(r.startsAt) : '—',
                  },
                  {
                    key: 'needs',
                    label: t('consultations.mine.eventNeeds'),
                    value:
                      r.accommodationsNeeded.length === 0 && !r.otherNeeds
                        ? t('consultations.mine.eventNoNeeds')
                        : [
                            ...r.accommodationsNeeded.map((a) => t(`consultations.accommodations.${a}`)),
                            r.otherNeeds,
                          ]
                            .filter(Boolean)
                            .join(', '),
                  },
                ]}
              />
              {r.canCancel && (
                <CancelRegistration
                  roundId={r.roundId}
                  eventName={title.text}
                  onCancelled={() => {
                    setCancelled((n) => n + 1);
                    notice.success(t('consultations.mine.eventCancelled', { title: title.text }));
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
