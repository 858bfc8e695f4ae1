import { LinkButton, cx, mapServerError, type SaveState } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { useConsultationMessage, useZonedFormat } from '../data';

/** The draft saver's state in words, in a polite live region; a failed save offers to try again. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const format = useZonedFormat();
  const tm = useConsultationMessage();
  let text = '';
  switch (state.kind) {
    case 'idle':
      text = t('consultations.save.idle');
      break;
    case 'pending':
      text = t('consultations.save.pending');
      break;
    case 'saving':
      text = t('consultations.save.saving');
      break;
    case 'saved':
      text = t('consultations.save.saved', { time: format(state.at, undefined, 'time') });
      break;
    case 'incomplete':
      // A draft cannot be stored without the participant's group.
      text = t('consultations.save.needsGroup');
      break;
    case 'paused':
      text = t('consultations.save.paused');
      break;
    case 'error':
    case 'stopped':
      text = t('consultations.save.failed', {
        reason: tm(mapServerError(state.error).message ?? 'errors.internal'),
      });
  }
  return (
    <div
      className={cx(
        'save-status',
        (state.kind === 'error' || state.kind === 'stopped') && 'save-status--error',
      )}
    >
      <p
        className="save-status__text"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-state={state.kind}
      >
        {text}
      </p>
      {state.kind === 'error' && <LinkButton onClick={onRetry}>{t('consultations.save.retry')}</LinkButton>}
    </div>
  );
}
