import {
  Button,
  ButtonGroup,
  DataTable,
  ErrorNotice,
  InsetText,
  LinkButton,
  Loading,
  ModalDialog,
  NoticeRegion,
  SummaryList,
  Tag,
  useFormat,
  useNotice,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';
import { downloadText } from '../review/shared';
import { useServerMessage, type RoundDetail } from './shared';

type Registration = Outputs['contributions']['eventRegistrations']['registrations'][number];

const STATUS_TONE = { registered: 'green', waitlisted: 'yellow', cancelled: 'grey' } as const;

/**
 * Who registered for the round's event and what they need (sign language, captioning, step-free access …), against
 * the capacity, with the waitlist in the order places are offered. A cancellation frees the place for the first person
 * waiting, who is e-mailed.
 */
export function RegistrationsSection({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const serverMessage = useServerMessage();
  const view = useQuery(trpc.contributions.eventRegistrations.queryOptions({ roundId: round.id }));
  const [cancelling, setCancelling] = useState<Registration | null>(null);
  const notice = useNotice();
  const say = (text: string, tone: 'success' | 'error' = 'success') => notice[tone](text);
  const cancel = useMutation(
    trpc.contributions.cancelRegistrationFor.mutationOptions({
      onSuccess: async () => {
        say(t('consultations.registrations.cancelled', { name: cancelling?.name ?? '' }));
        setCancelling(null);
        await queryClient.invalidateQueries({
          queryKey: trpc.contributions.eventRegistrations.queryKey({ roundId: round.id }),
        });
      },
      onError: (error) => {
        setCancelling(null);
        say(serverMessage(error), 'error');
      },
    }),
  );
  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    setExporting(true);
    try {
      const file = await queryClient.fetchQuery(
        trpc.contributions.exportRegistrations.queryOptions({ roundId: round.id }, { staleTime: 0 }),
      );
      downloadText(file.filename, file.body, `${file.contentType};charset=utf-8`);
      say(t('consultations.registrations.exported', { filename: file.filename }));
    } catch (error) {
      say(serverMessage(error), 'error');
    } finally {
      setExporting(false);
    }
  };

  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  if (!data.hasEvent) {
    return (
      <InsetText>
        <p>{t('consultations.registrations.noEvent')}</p>
      </InsetText>
    );
  }
  const active = data.registrations.filter((r) => r.status !== 'cancelled');
  const cancelled = data.registrations.filter((r) => r.status === 'cancelled');
  const needs = Object.entries(data.accommodations).sort((a, b) => b[1] - a[1]);

  const columns = (withCancel: boolean) => [
    {
      key: 'name',
      header: t('consultations.registrations.columns.person'),
      rowHeader: true,
      cell: (r: Registration) => (
        <>
          {r.name}
          <br />
          <a href={`mailto:${r.email}`} className="text-secondary">
            {r.email}
          </a>
        </>
      ),
    },
    {
      key: 'organisation',
      header: t('consultations.registrations.columns.organisation'),
      cell: (r: Registration) => r.organisation ?? '—',
    },
    {
      key: 'status',
      header: t('consultations.registrations.columns.status'),
      cell: (r: Registration) => (
        <Tag tone={STATUS_TONE[r.status]}>{t(`consultations.registrations.status.${r.status}`)}</Tag>
      ),
    },
    {
      key: 'needs',
      header: t('consultations.registrations.columns.accommodations'),
      cell: (r: Registration) =>
        r.accommodationsNeeded.length === 0 && !r.otherNeeds ? (
          t('consultations.registrations.noNeeds')
        ) : (
          <>
            {r.accommodationsNeeded.length > 0 && (
              <ul className="list-plain">
                {r.accommodationsNeeded.map((a) => (
                  <li key={a}>{t(`consultations.accommodation.${a}`)}</li>
                ))}
              </ul>
            )}
            {r.otherNeeds && <p className="pre-line">{r.otherNeeds}</p>}
          </>
        ),
    },
    {
      key: 'at',
      header: t('consultations.registrations.columns.registeredAt'),
      cell: (r: Registration) => format.dateTime(r.registeredAt),
    },
    ...(withCancel && data.canCancel
      ? [
          {
            key: 'actions',
            header: t('consultations.registrations.columns.actions'),
            cell: (r: Registration) => (
              <Button variant="secondary" size="small" onClick={() => setCancelling(r)}>
                {t('consultations.registrations.cancel')}
                <span className="visually-hidden"> — {r.name}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <NoticeRegion />
      <SummaryList
        rows={[
          {
            key: 'places',
            label: t('consultations.registrations.places'),
            value:
              data.capacity === null
                ? t('consultations.registrations.registeredNoCapacity', { count: data.registered })
                : t('consultations.registrations.registeredOfCapacity', {
                    count: data.registered,
                    capacity: data.capacity,
                  }),
          },
          {
            key: 'waitlist',
            label: t('consultations.registrations.waitlist'),
            value: t('consultations.registrations.waiting', { count: data.waitlisted }),
          },
          {
            key: 'needs',
            label: t('consultations.registrations.needsSummary'),
            value:
              needs.length === 0 ? (
                t('consultations.registrations.noNeeds')
              ) : (
                <ul className="list-plain">
                  {needs.map(([a, n]) => (
                    <li key={a}>
                      {t('consultations.registrations.needCount', {
                        need: t(`consultations.accommodation.${a}`),
                        count: n,
                      })}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      <p className="hint">{t('consultations.registrations.hint')}</p>
      <div className="button-group">
        <Button variant="secondary" isBusy={exporting} onClick={() => void exportCsv()}>
          {t('consultations.registrations.export')}
        </Button>
      </div>
      {active.length === 0 ? (
        <p>{t('consultations.registrations.none')}</p>
      ) : (
        <DataTable
          caption={t('consultations.registrations.tableCaption')}
          columns={columns(true)}
          rows={active}
          rowKey={(r) => r.id}
        />
      )}
      {cancelled.length > 0 && (
        <details className="details">
          <summary className="details__summary">
            {t('consultations.registrations.cancelledHeading', { count: cancelled.length })}
          </summary>
          <div className="details__text">
            <DataTable
              caption={t('consultations.registrations.cancelledCaption')}
              captionHidden
              columns={columns(false)}
              rows={cancelled}
              rowKey={(r) => r.id}
            />
          </div>
        </details>
      )}
      <ModalDialog
        isOpen={cancelling !== null}
        onOpenChange={(open) => !open && setCancelling(null)}
        title={t('consultations.registrations.confirmTitle', { name: cancelling?.name ?? '' })}
        tone="warning"
      >
        <p>
          {cancelling?.status === 'registered' && data.waitlisted > 0
            ? t('consultations.registrations.confirmBodyPromote')
            : t('consultations.registrations.confirmBody')}
        </p>
        <ButtonGroup>
          <Button
            variant="warning"
            isBusy={cancel.isPending}
            onClick={() => cancelling && cancel.mutate({ registrationId: cancelling.id })}
          >
            {t('consultations.registrations.confirmCancel')}
          </Button>
          <LinkButton onClick={() => setCancelling(null)}>{t('consultations.registrations.keep')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
