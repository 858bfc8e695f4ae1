import {
  Button,
  ButtonGroup,
  isoToLocal,
  LinkButton,
  localToIso,
  ModalDialog,
  useFormat,
  useNotice,
  userTimeZone,
  utcEquivalent,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { useServerMessage, type RoundDetail } from './shared';

type Action = 'publish' | 'unpublish' | 'close_early' | 'reopen';

/** Which actions a phase allows (core's `canTransitionRound`); publishing the summary lives in the summary editor. */
export const ACTIONS_BY_PHASE: Record<string, Action[]> = {
  draft: ['publish'],
  upcoming: ['unpublish'],
  open: ['close_early'],
  closed: ['reopen'],
  summary_published: [],
};

/** A suggested new closing time when reopening: a week from now. */
const inAWeek = () => isoToLocal(new Date(Date.now() + 7 * 24 * 3600 * 1000));

export function Transitions({ round }: { round: RoundDetail }) {
  const notice = useNotice();
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [closesAt, setClosesAt] = useState('');
  const [closesAtError, setClosesAtError] = useState<string | null>(null);
  const inputId = useId();
  const transition = useMutation(
    trpc.rounds.transition.mutationOptions({
      onSuccess: async (_data, { action }) => {
        setConfirming(null);
        await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
        notice.success(t(`consultations.actions.done.${action}`));
      },
      onError: (error) => {
        if (confirming === 'reopen' && (error as { data?: { fieldErrors?: unknown } }).data?.fieldErrors) {
          setClosesAtError(t('consultations.actions.closesInPast'));
          return;
        }
        setConfirming(null);
        notice.error(serverMessage(error));
        // Refused most often because the round moved on elsewhere: show it as it is now, with the actions it allows.
        void queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
      },
    }),
  );
  const actions = ACTIONS_BY_PHASE[round.phase] ?? [];

  const confirm = () => {
    if (!confirming) return;
    if (confirming === 'reopen') {
      const iso = localToIso(closesAt);
      if (!iso) {
        setClosesAtError(t('consultations.actions.closesAtRequired'));
        return;
      }
      setClosesAtError(null);
      transition.mutate({ roundId: round.id, action: 'reopen', closesAt: iso });
      return;
    }
    transition.mutate({ roundId: round.id, action: confirming });
  };

  const open = (action: Action) => {
    notice.clear();
    setClosesAtError(null);
    if (action === 'reopen') setClosesAt(inAWeek());
    setConfirming(action);
  };

  const utc = utcEquivalent(closesAt, i18n.language);
  return (
    <>
      {actions.length > 0 && (
        <ButtonGroup>
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === 'close_early' || action === 'unpublish' ? 'warning' : 'primary'}
              onClick={() => open(action)}
            >
              {t(`consultations.actions.${action}`)}
            </Button>
          ))}
        </ButtonGroup>
      )}
      <ModalDialog
        isOpen={confirming !== null}
        onOpenChange={(isOpen) => !isOpen && setConfirming(null)}
        title={confirming ? t(`consultations.actions.confirmTitle.${confirming}`) : ''}
        tone={confirming === 'close_early' || confirming === 'unpublish' ? 'warning' : 'default'}
      >
        {confirming && (
          <p>
            {t(`consultations.actions.confirmBody.${confirming}`, {
              opensAt: format.dateTime(round.opensAt),
              closesAt: format.dateTime(round.closesAt),
            })}
          </p>
        )}
        {confirming === 'reopen' && (
          <div className={closesAtError ? 'form-group form-group--error' : 'form-group'}>
            <label className="label" htmlFor={inputId}>
              {t('consultations.actions.newClosesAt')}
            </label>
            <div className="hint" id={`${inputId}-hint`}>
              {t('consultations.time.inZone', { zone: userTimeZone() })}
            </div>
            {closesAtError && (
              <p className="field-error" id={`${inputId}-error`}>
                <span className="visually-hidden">{t('layout.errorPrefix')}</span> {closesAtError}
              </p>
            )}
            <input
              id={inputId}
              type="datetime-local"
              className="input input--w20"
              value={closesAt}
              onChange={(e) => setClosesAt(e.target.value)}
              aria-describedby={`${inputId}-hint ${inputId}-utc${closesAtError ? ` ${inputId}-error` : ''}`}
              aria-invalid={closesAtError ? true : undefined}
            />
            <p className="hint date-time-utc" id={`${inputId}-utc`} aria-live="polite">
              {utc ? t('consultations.time.utc', { time: utc }) : ''}
            </p>
          </div>
        )}
        <ButtonGroup>
          <Button
            variant={confirming === 'close_early' || confirming === 'unpublish' ? 'warning' : 'primary'}
            isBusy={transition.isPending}
            onClick={confirm}
          >
            {confirming ? t(`consultations.actions.confirm.${confirming}`) : ''}
          </Button>
          <LinkButton onClick={() => setConfirming(null)}>{t('consultations.actions.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
