import {
  DataTable,
  ErrorNotice,
  Loading,
  NotificationBanner,
  Page,
  SummaryList,
  useFormat,
} from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTRPC } from '../trpc';
import { JobProblems, MailStatusTag, RetryMailButton } from './Jobs';

const OUTBOX_LIMIT = 200;

function useOutbox(failedOnly = false) {
  const trpc = useTRPC();
  return useQuery(
    trpc.mail.outbox.queryOptions(failedOnly ? { limit: OUTBOX_LIMIT, failedOnly } : { limit: OUTBOX_LIMIT }),
  );
}

/** "Failed only" lists what the overview counts as failed mail (the server's filter, not the page's). */
function MailFilter({
  failedOnly,
  onChange,
}: {
  failedOnly: boolean;
  onChange: (failedOnly: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend className="legend">{t('worksurface.mail.show')}</legend>
      <div className="choices choices--inline">
        {(['all', 'failed'] as const).map((f) => (
          <div className="choice" key={f}>
            <input
              id={`mail-filter-${f}`}
              type="radio"
              name="mail-filter"
              className="choice__input"
              checked={failedOnly === (f === 'failed')}
              onChange={() => onChange(f === 'failed')}
            />
            <label className="choice__label" htmlFor={`mail-filter-${f}`}>
              {t(`worksurface.mail.${f}`)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function MailOutboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const failedOnly = params.get('show') === 'failed';
  const outbox = useOutbox(failedOnly);
  return (
    <Page title={t('mail.title')} width="full">
      <p className="prose">{t('mail.intro')}</p>
      <JobProblems />
      <h2 className="heading-m">{t('jobs.messagesTitle')}</h2>
      <MailFilter
        failedOnly={failedOnly}
        onChange={(failed) => setParams(failed ? { show: 'failed' } : {}, { replace: true })}
      />
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <ErrorNotice error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.data.length === 0 ? (
        <p>{failedOnly ? t('worksurface.mail.noneFailed') : t('mail.none')}</p>
      ) : (
        <DataTable
          caption={t('mail.caption', { count: outbox.data.length })}
          captionHidden
          rows={outbox.data}
          rowKey={(m) => String(m.id)}
          columns={[
            {
              key: 'subject',
              header: t('mail.columns.subject'),
              rowHeader: true,
              cell: (m) => <Link to={`/mail/${m.id}`}>{m.subject}</Link>,
            },
            { key: 'to', header: t('mail.columns.to'), cell: (m) => m.toAddress },
            {
              key: 'created',
              header: t('mail.columns.created'),
              cell: (m) => (
                <time dateTime={format.isoString(m.createdAt)}>{format.dateTime(m.createdAt)}</time>
              ),
            },
            { key: 'status', header: t('mail.columns.status'), cell: (m) => <MailStatusTag mail={m} /> },
            {
              key: 'attempts',
              header: t('jobs.columns.attempts'),
              cell: (m) => (m.transport === 'outbox' ? t('jobs.none') : m.attempts),
            },
          ]}
        />
      )}
    </Page>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its web addresses made into links (confirmation and invitation links are what staff come for). */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  const out: ReactNode[] = parts.map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
  return <>{out}</>;
}

export function MailMessagePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id } = useParams();
  const outbox = useOutbox();
  const mail = outbox.data?.find((m) => String(m.id) === id);
  const back = { to: '/mail', label: t('mail.back') };

  if (outbox.isPending) {
    return (
      <Page title={t('mail.messageTitle')} backLink={back}>
        <Loading />
      </Page>
    );
  }
  if (outbox.isError) {
    return (
      <Page title={t('mail.messageTitle')} backLink={back}>
        <ErrorNotice error={outbox.error} onRetry={() => void outbox.refetch()} />
      </Page>
    );
  }
  if (!mail) {
    return (
      <Page title={t('mail.notFoundTitle')} backLink={back}>
        <p>{t('mail.notFound', { limit: OUTBOX_LIMIT })}</p>
      </Page>
    );
  }
  return (
    <Page title={mail.subject} caption={t('mail.messageTitle')} backLink={back} width="full">
      <div className="two-thirds">
        <SummaryList
          rows={[
            { key: 'to', label: t('mail.columns.to'), value: mail.toAddress },
            {
              key: 'created',
              label: t('mail.columns.created'),
              value: (
                <time dateTime={format.isoString(mail.createdAt)}>{format.dateTime(mail.createdAt)}</time>
              ),
            },
            { key: 'status', label: t('mail.columns.status'), value: <MailStatusTag mail={mail} /> },
            ...(mail.transport === 'smtp'
              ? [{ key: 'attempts', label: t('jobs.columns.attempts'), value: String(mail.attempts) }]
              : []),
            ...(mail.lastAttemptAt
              ? [
                  {
                    key: 'lastAttempt',
                    label: t('jobs.lastAttempt'),
                    value: (
                      <time dateTime={format.isoString(mail.lastAttemptAt)}>
                        {format.dateTime(mail.lastAttemptAt)}
                      </time>
                    ),
                  },
                ]
              : []),
            ...(mail.nextAttemptAt
              ? [
                  {
                    key: 'nextAttempt',
                    label: t('jobs.columns.nextAttempt'),
                    value: (
                      <time dateTime={format.isoString(mail.nextAttemptAt)}>
                        {format.dateTime(mail.nextAttemptAt)}
                      </time>
                    ),
                  },
                ]
              : []),
            ...(mail.sentAt
              ? [
                  {
                    key: 'sent',
                    label: t('mail.sentAt'),
                    value: (
                      <time dateTime={format.isoString(mail.sentAt)}>{format.dateTime(mail.sentAt)}</time>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {mail.error && mail.status !== 'sent' && (
          <NotificationBanner tone="error">
            <p>{t('mail.deliveryError')}</p>
            <p className="mono">{mail.error}</p>
          </NotificationBanner>
        )}
        <RetryMailButton mail={mail} />
        {mail.transport === 'outbox' && <p className="text-secondary">{t('mail.outboxNote')}</p>}
      </div>
      <h2 className="heading-m">{t('mail.body')}</h2>
      <div className="message-text">
        <TextWithLinks text={mail.textBody} />
      </div>
    </Page>
  );
}
