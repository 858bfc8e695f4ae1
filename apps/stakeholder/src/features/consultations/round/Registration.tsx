import { ACCOMMODATIONS, type Accommodation } from '@musyawarah/core/consultation/vocabulary';
import { Button, NotificationBanner, mapServerError } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../../../session';
import { useTRPC } from '../../../trpc';
import { useConsultationMessage, useLocalized, type RoundDetail } from '../data';
import { CancelRegistration } from '../CancelRegistration';

export function Registration({ round, offered }: { round: RoundDetail; offered: Accommodation[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const location = useLocation();
  const tm = useConsultationMessage();
  const id = useId();
  const [needs, setNeeds] = useState<Accommodation[]>([]);
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
      accommodationsNeeded: needs,
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
