import { Button, DataTable, errorKey, NoticeRegion, Tag, useFormat, useNotice } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../trpc';

type Mail = Outputs['mail']['outbox'][number];
type Job = Outputs['jobs']['list']['jobs'][number];

const MAIL_TONE = {
  kept: 'blue',
  queued: 'grey',
  retried: 'grey',
  failed: 'yellow',
  sent: 'green',
  dead: 'red',
} as const;

const JOB_TONE = { queued: 'grey', running: 'blue', done: 'green', dead: 'red' } as const;

export function MailStatusTag({ mail }: { mail: Pick<Mail, 'status'> }) {
  const { t } = useTranslation();
  return <Tag tone={MAIL_TONE[mail.status]}>{t(`jobs.mailStatus.${mail.status}`)}</Tag>;
}

/** The translated refusal, or the generic error: the server answers with keys (errors.jobNotRetryable, errors.*). */
function useRefusal() {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    const key = errorKey(error);
    return t(key && i18n.exists(key) ? key : 'errors.internal');
  };
}

/**
 * "Retry now" for a mail that failed or was given up. What happened is said beside the button, below the message's
 * details (at the top of the page it would be out of sight on a phone); the region stays once the button is gone.
 */
export function RetryMailButton({ mail }: { mail: Pick<Mail, 'id' | 'status' | 'subject'> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refusal = useRefusal();
  const notice = useNotice();
  const retry = useMutation(
    trpc.mail.retry.mutationOptions({
      onSuccess: async () => {
        notice.success(t('jobs.retried'));
        await queryClient.invalidateQueries({ queryKey: trpc.mail.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() });
      },
      onError: (error) => notice.error(refusal(error)),
    }),
  );
  return (
    <div>
      <NoticeRegion />
      {(mail.status === 'failed' || mail.status === 'dead') && (
        <Button
          variant="secondary"
          isBusy={retry.isPending}
          onClick={() => retry.mutate({ mailId: mail.id })}
        >
          {t('jobs.retryNow')}
        </Button>
      )}
    </div>
  );
}

/** Jobs that need a person: given up (dead) or waiting to retry after an error. Empty when all is well. */
export function JobProblems() {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refusal = useRefusal();
  const notice = useNotice();
  const problems = useQuery(trpc.jobs.list.queryOptions({ filter: 'problems', limit: 50 }));
  const retry = useMutation(
    trpc.jobs.retry.mutationOptions({
      onSuccess: async () => {
        notice.success(t('jobs.retried'));
        await queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.mail.pathKey() });
      },
      onError: (error) => notice.error(refusal(error)),
    }),
  );
  if (!problems.data) return null;
  const { jobs, counts } = problems.data;
  return (
    <section aria-labelledby="job-problems">
      <h2 className="heading-m" id="job-problems">
        {t('jobs.problemsTitle')}
      </h2>
      <p className="text-secondary">
        {t('jobs.counts', { queued: counts.queued, running: counts.running, dead: counts.dead })}
      </p>
      <NoticeRegion />
      {jobs.length === 0 ? (
        <p>{t('jobs.noProblems')}</p>
      ) : (
        <DataTable<Job>
          caption={t('jobs.problemsCaption', { count: jobs.length })}
          captionHidden
          rows={jobs}
          rowKey={(j) => j.id}
          columns={[
            {
              key: 'kind',
              header: t('jobs.columns.kind'),
              rowHeader: true,
              cell: (j) => t(`jobs.kinds.${j.kind.replace('.', '_')}`, { defaultValue: j.kind }),
            },
            {
              key: 'status',
              header: t('jobs.columns.status'),
              cell: (j) => (
                <Tag tone={JOB_TONE[j.status]}>
                  {t(j.status === 'queued' ? 'jobs.jobStatus.retrying' : `jobs.jobStatus.${j.status}`)}
                </Tag>
              ),
            },
            {
              key: 'attempts',
              header: t('jobs.columns.attempts'),
              cell: (j) => t('jobs.attemptsOf', { done: j.attempts, max: j.maxAttempts }),
            },
            {
              key: 'next',
              header: t('jobs.columns.nextAttempt'),
              cell: (j) =>
                j.status === 'queued' ? (
                  <time dateTime={format.isoString(j.runAt)}>{format.dateTime(j.runAt)}</time>
                ) : (
                  t('jobs.none')
                ),
            },
            {
              key: 'error',
              header: t('jobs.columns.lastError'),
              cell: (j) => <span className="mono">{j.lastError}</span>,
            },
            {
              key: 'retry',
              header: t('jobs.columns.action'),
              cell: (j) => (
                <Button
                  variant="secondary"
                  size="small"
                  isBusy={retry.isPending && retry.variables.jobId === j.id}
                  onClick={() => retry.mutate({ jobId: j.id })}
                  aria-label={t('jobs.retryJob', {
                    kind: t(`jobs.kinds.${j.kind.replace('.', '_')}`, { defaultValue: j.kind }),
                  })}
                >
                  {t('jobs.retryNow')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
