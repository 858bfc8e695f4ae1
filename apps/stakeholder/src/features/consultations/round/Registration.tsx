import { registrationInput } from '@musyawarah/core/consultation/schemas';
import { ACCOMMODATIONS, type Accommodation } from '@musyawarah/core/consultation/vocabulary';
import {
  Button,
  CheckboxesField,
  Form,
  NoticeRegion,
  NotificationBanner,
  TextAreaField,
  useNotice,
  useZodForm,
  type Option,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { z } from 'zod';
import { useMe } from '../../../session';
import { useTRPC } from '../../../trpc';
import { useLocalized, useServerMessage, type RoundDetail } from '../data';
import { CancelRegistration } from '../CancelRegistration';

// The procedure's own schema; the round is the page's, not a field.
const registrationSchema = registrationInput.omit({ roundId: true });

export function Registration({ round, offered }: { round: RoundDetail; offered: Accommodation[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const location = useLocation();
  const serverMessage = useServerMessage();
  const form = useZodForm(registrationSchema, {
    defaultValues: { accommodationsNeeded: [], otherNeeds: '' },
  });
  const queryClient = useQueryClient();
  const pick = useLocalized();
  const notice = useNotice();
  const [cancelled, setCancelled] = useState(0);
  // The dialog hands focus back to "Cancel my registration", which goes with the registration: focus moves on to the
  // heading of the form that replaces it, rather than falling back to the top of the page.
  useEffect(() => {
    if (cancelled > 0) document.getElementById('event-registration-heading')?.focus();
  }, [cancelled]);
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
  // Offered first; anyone may still say they need something else.
  const others = ACCOMMODATIONS.filter((a) => !offered.includes(a));
  const option = (a: Accommodation): Option => ({ value: a, label: t(`consultations.accommodations.${a}`) });
  // Thrown errors go to the form's error summary (and to the field the server names).
  const onSubmit = (values: z.output<typeof registrationSchema>) =>
    register.mutateAsync({ roundId: round.id, ...values });

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
        <NoticeRegion />
        <NotificationBanner tone="success" focusOnMount={!!register.data}>
          <p className="notification__heading">{t(`consultations.event.result.${registered.status}`)}</p>
          {(register.variables?.accommodationsNeeded?.length ?? 0) > 0 && (
            <p>{t('consultations.event.needsNoted')}</p>
          )}
        </NotificationBanner>
        {registered.canCancel && (
          <CancelRegistration
            roundId={round.id}
            eventName={pick(round.title).text}
            onCancelled={() => {
              register.reset();
              form.reset();
              setCancelled((n) => n + 1);
              notice.success(t('consultations.event.cancelledNotice'));
            }}
          />
        )}
      </>
    );
  }
  if (!takesRegistrations) return null;
  return (
    <>
      {/* First in both views, so it is the same region, on the page before "cancelled" is said in it. */}
      <NoticeRegion />
      <div className="registration">
        <h3 className="heading-m" id="event-registration-heading" tabIndex={-1}>
          {t('consultations.event.registerTitle')}
        </h3>
        <Form
          form={form}
          id="event-registration"
          onSubmit={onSubmit}
          serverMessage={serverMessage}
          aria-label={t('consultations.event.registerTitle')}
        >
          <CheckboxesField
            name="accommodationsNeeded"
            legend={t('consultations.event.needsLegend')}
            hint={t('consultations.event.needsHint')}
            options={offered.map(option)}
            more={{ heading: t('consultations.event.askFor'), options: others.map(option) }}
          />
          <TextAreaField
            name="otherNeeds"
            label={t('consultations.event.otherNeeds')}
            optional
            rows={3}
            maxLength={1000}
          />
          <Button type="submit" isBusy={register.isPending}>
            {t('consultations.event.register')}
          </Button>
        </Form>
      </div>
    </>
  );
}
