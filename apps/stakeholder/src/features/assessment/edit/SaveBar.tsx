import { LinkButton, mapServerError, useFormat } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { CRITERION_COUNT } from '../answers';
import { useAssessmentMessage } from '../messages';
import { type SaveState } from '../useAutosave';

export function SaveBar({
  state,
  lastSaved,
  answered,
  onRetry,
}: {
  state: SaveState;
  lastSaved: Date | string;
  answered: number;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const tm = useAssessmentMessage();
  let text: string;
  switch (state.kind) {
    case 'idle':
      text = t('assessment.save.idle', { date: format.dateTime(lastSaved) });
      break;
    case 'pending':
      text = t('assessment.save.pending');
      break;
    case 'saving':
      text = t('assessment.save.saving');
      break;
    case 'saved':
      text = t('assessment.save.saved', { date: format.dateTime(state.at) });
      break;
    case 'conflict':
      text = t('assessment.save.conflict');
      break;
    case 'error':
    case 'stopped':
      text = t('assessment.save.failed', {
        reason: tm(mapServerError(state.error).message ?? 'errors.internal'),
      });
      break;
    default:
      // An assessment draft is never paused or incomplete: the saver is not asked for either.
      text = t('assessment.save.pending');
  }
  const bad = state.kind === 'error' || state.kind === 'conflict';
  return (
    <div className={`save-bar${bad ? ' save-bar--error' : ''}`}>
      <p className="save-bar__status" role="status" aria-atomic="true" data-state={state.kind}>
        {text}
      </p>
      <p className="save-bar__progress">
        {t('assessment.try.answeredTotal', { answered, total: CRITERION_COUNT })}
      </p>
      {state.kind === 'error' && <LinkButton onClick={onRetry}>{t('assessment.save.retry')}</LinkButton>}
    </div>
  );
}
