import {
  Button,
  ButtonGroup,
  LinkButton,
  ModalDialog,
  NotificationBanner,
  WarningText,
  useMessage,
  useNotice,
  useServerMessage,
  type Notices,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import type { Cycle } from './CyclePage';

/**
 * "Close without adopting": offered only when the API would accept it (`cycle.canClose`). When another edition has
 * superseded the cycle's base — the cycle can then never be adopted — it says so and proposes "Superseded by edition N"
 * as the reason; otherwise a reason is required. Confirmed in a dialog; the reason is shown on the public record.
 */
export function CloseCycle({
  cycle,
  onDone,
  notices,
  explain = true,
}: {
  cycle: Cycle;
  onDone?: (text: string) => void;
  /** Where a refused close is said (the adoption screen's, beside its actions); else the page's notice. */
  notices?: Notices;
  /** Say why closing is the way forward (the adoption screen already does, in its list of problems). */
  explain?: boolean;
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const superseded =
    cycle.currentEditionNumber !== null && cycle.currentEditionNumber !== cycle.baseEditionNumber;
  const [open, setOpen] = useState(false);
  const [useSuperseded, setUseSuperseded] = useState(superseded);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const pageNotice = useNotice();
  const notice = notices ?? pageNotice;
  const reasonId = useId();
  const checkId = useId();
  const close = useMutation(
    trpc.review.closeCycle.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
        onDone?.(t('reviews.close.done'));
      },
      onError: (error) => {
        const fieldErrors = (error as { data?: { fieldErrors?: Record<string, string[]> } }).data
          ?.fieldErrors;
        const field = fieldErrors?.reason?.[0] ?? fieldErrors?.superseded?.[0];
        if (field) {
          setReasonError(field);
          return;
        }
        setOpen(false);
        notice.error(serverMessage(error));
        void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      },
    }),
  );
  if (!cycle.canClose) return null;
  return (
    <div className="review-close">
      {superseded && explain && (
        <WarningText>
          {t('reviews.close.superseded', {
            base: cycle.baseEditionNumber,
            current: cycle.currentEditionNumber,
          })}
        </WarningText>
      )}
      <ButtonGroup>
        <Button
          variant={superseded ? 'primary' : 'secondary'}
          onClick={() => {
            notice.clear();
            setReasonError(null);
            setUseSuperseded(superseded);
            setOpen(true);
          }}
        >
          {t('reviews.close.button')}
        </Button>
      </ButtonGroup>
      <ModalDialog isOpen={open} onOpenChange={setOpen} title={t('reviews.close.title')} tone="warning">
        <p>{t('reviews.close.body')}</p>
        {superseded && (
          <div className="form-group">
            <div className="choice">
              <input
                id={checkId}
                className="choice__input"
                type="checkbox"
                checked={useSuperseded}
                onChange={(e) => {
                  setUseSuperseded(e.target.checked);
                  setReasonError(null);
                }}
              />
              <label className="choice__label" htmlFor={checkId}>
                {t('reviews.close.supersededLabel', { number: cycle.currentEditionNumber })}
                <span className="choice__hint">{t('reviews.close.supersededHint')}</span>
              </label>
            </div>
          </div>
        )}
        <div className={reasonError ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={reasonId}>
            {useSuperseded ? t('reviews.close.reasonExtra') : t('reviews.close.reason')}
            {useSuperseded && <span className="optional"> {t('layout.optional')}</span>}
          </label>
          <div className="hint" id={`${reasonId}-hint`}>
            {t('reviews.close.reasonHint')}
          </div>
          {reasonError && (
            <p className="field-error" id={`${reasonId}-error`}>
              <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
              {tm(reasonError, { form: 'closeCycle', path: 'reason' })}
            </p>
          )}
          <textarea
            id={reasonId}
            className={reasonError ? 'textarea textarea--error' : 'textarea'}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={`${reasonId}-hint${reasonError ? ` ${reasonId}-error` : ''}`}
          />
        </div>
        <ButtonGroup>
          <Button
            variant="warning"
            isBusy={close.isPending}
            onClick={() => {
              setReasonError(null);
              close.mutate({
                cycleId: cycle.id,
                expectedVersion: cycle.version,
                superseded: useSuperseded,
                reason: reason.trim() || undefined,
              });
            }}
          >
            {t('reviews.close.confirm')}
          </Button>
          <LinkButton onClick={() => setOpen(false)}>{t('reviews.common.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </div>
  );
}

/** The closed cycle's notice: when, and the reason shown publicly. */
export function ClosedNotice({ cycle }: { cycle: Cycle }) {
  const { t, i18n } = useTranslation();
  if (!cycle.closure) return null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(cycle.closure.closedAt),
  );
  return (
    <NotificationBanner tone="important">
      <p className="notification__heading">{t('reviews.close.closed', { date })}</p>
      {cycle.closure.supersededBy !== null && (
        <p>{t('reviews.close.supersededReason', { number: cycle.closure.supersededBy })}</p>
      )}
      {cycle.closure.reason && <p>{cycle.closure.reason}</p>}
    </NotificationBanner>
  );
}
