import { ACCOMMODATIONS, type Accommodation } from '@musyawarah/core/consultation/vocabulary';
import { RSVP_RESPONSES, type RsvpResponse } from '@musyawarah/core/boards/vocabulary';
import { Button, Form, RadioGroupField, TextField, CheckboxesField } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { type MemberSession } from './types';
import { list, refused } from './resolver';

export interface RsvpValues {
  response: RsvpResponse | undefined;
  // A single checkbox group reports one value or false; list() makes it a list again.
  accommodationsNeeded: Accommodation[] | Accommodation | false;
  otherNeeds: string;
}

/** The database holds these as text; the API accepted only the vocabulary's values when they were stored. */
const isAccommodation = (value: string): value is Accommodation =>
  (ACCOMMODATIONS as readonly string[]).includes(value);

/** What the form hands over once its one check passed: a reply was chosen. */
interface RsvpReply extends RsvpValues {
  response: RsvpResponse;
}

export function Rsvp({ session, onDone }: { session: MemberSession; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitation = session.invitation;
  const form = useForm<RsvpValues, unknown, RsvpReply>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: {
      response: invitation?.rsvp ?? undefined,
      accommodationsNeeded: (invitation?.accommodationsNeeded ?? []).filter(isAccommodation),
      otherNeeds: invitation?.otherNeeds ?? '',
    },
    resolver: (values) =>
      values.response
        ? { values: { ...values, response: values.response }, errors: {} }
        : refused({ response: 'boards.memberSession.rsvpRequired' }),
  });
  const rsvp = useMutation(trpc.boards.rsvp.mutationOptions());
  return (
    <section className="boards-section" aria-labelledby="rsvp-heading">
      <h2 className="heading-l" id="rsvp-heading">
        {t('boards.memberSession.rsvpHeading')}
      </h2>
      {!invitation ? (
        <p>{t('boards.memberSession.notInvited')}</p>
      ) : (
        <>
          <p>
            {invitation.rsvp
              ? t('boards.memberSession.yourReply', { reply: t(`boards.rsvp.${invitation.rsvp}`) })
              : t('boards.memberSession.noReplyYet')}
          </p>
          {session.rsvpOpen ? (
            <Form
              form={form}
              id="rsvp"
              onSubmit={async (v) => {
                await rsvp.mutateAsync({
                  sessionId: session.id,
                  response: v.response,
                  accommodationsNeeded: list(v.accommodationsNeeded),
                  otherNeeds: v.otherNeeds || undefined,
                });
                await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
                onDone(t('boards.memberSession.rsvpSaved'));
              }}
            >
              <RadioGroupField
                name="response"
                legend={t('boards.memberSession.attending')}
                options={RSVP_RESPONSES.map((r) => ({ value: r, label: t(`boards.rsvpAnswer.${r}`) }))}
              />
              <CheckboxesField
                name="accommodationsNeeded"
                legend={t('boards.memberSession.needs')}
                hint={t('boards.memberSession.needsHint')}
                options={ACCOMMODATIONS.map((a) => ({
                  value: a,
                  label: t(`consultations.accommodations.${a}`),
                }))}
                optional
              />
              <TextField name="otherNeeds" label={t('boards.memberSession.otherNeeds')} optional />
              <Button type="submit" isBusy={form.formState.isSubmitting}>
                {t('boards.memberSession.sendReply')}
              </Button>
            </Form>
          ) : (
            <p className="hint">{t('boards.memberSession.rsvpClosed')}</p>
          )}
        </>
      )}
    </section>
  );
}
