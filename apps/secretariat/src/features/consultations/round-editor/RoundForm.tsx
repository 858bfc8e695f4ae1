import { Button, ButtonGroup, Form, localToIso, noticeOnArrival } from '@musyawarah/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RoundInput } from '@musyawarah/core/consultation/schemas';
import { useTRPC } from '../../../trpc';
import { roundFormSchema, type RoundFormValues } from '../roundForm';
import { useServerMessage, type RoundDetail } from '../shared';
import { ConflictReload } from '../../review/ConflictReload';
import { FORM_ID } from './formId';
import { RoundFields } from './RoundFields';

/** Refusals because the round changed since the form was opened: the summary offers the latest version. */
const CONFLICTS = new Set(['round.editConflict', 'round.finished']);

export function RoundForm({
  round,
  initial,
  onReloaded,
}: {
  round?: RoundDetail;
  initial: RoundFormValues;
  onReloaded?: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const form = useForm<RoundFormValues, unknown, RoundInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: initial,
    resolver: zodResolver(roundFormSchema),
  });
  const create = useMutation(trpc.rounds.create.mutationOptions());
  const update = useMutation(trpc.rounds.update.mutationOptions());

  const onSubmit = async (values: RoundInput) => {
    // The API parses its input again: it gets what the schema accepted, the times as typed with the user's offset.
    const raw = form.getValues();
    const input = {
      ...values,
      opensAt: localToIso(raw.opensAt) ?? values.opensAt.toISOString(),
      closesAt: localToIso(raw.closesAt) ?? values.closesAt.toISOString(),
      event: values.event
        ? {
            ...values.event,
            startsAt: localToIso(raw.event.startsAt) ?? values.event.startsAt.toISOString(),
            endsAt: localToIso(raw.event.endsAt) ?? values.event.endsAt.toISOString(),
          }
        : undefined,
    };
    // A refusal (a conflict too) is thrown to the form's error summary, which offers the reload beside a conflict.
    const saved = round
      ? await update.mutateAsync({
          roundId: round.id,
          expectedVersion: round.version,
          round: input,
        })
      : await create.mutateAsync(input);
    await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
    void navigate(`/consultations/${saved.id}`, {
      state: noticeOnArrival.success({
        key: round ? 'consultations.round.notice.saved' : 'consultations.round.notice.created',
      }),
    });
  };

  const reload = async () => {
    if (!round) return;
    // The page keys this form by the round's version: the reloaded round starts a fresh form, without the refusal.
    await queryClient.invalidateQueries({ queryKey: trpc.rounds.adminGet.queryKey({ roundId: round.id }) });
    onReloaded?.();
  };

  return (
    <>
      <Form
        form={form}
        id={FORM_ID}
        onSubmit={onSubmit}
        serverMessage={serverMessage}
        renderMessageExtra={(key) =>
          round && CONFLICTS.has(key) ? (
            <ConflictReload label={t('consultations.editor.reload')} onReload={() => void reload()} />
          ) : null
        }
        onServerError={(mapped) => {
          // "People registered for this event" concerns the event as a whole: shown at the box that removes it.
          const removal = mapped.fieldErrors.find((f) => f.path === 'event');
          if (!removal) return;
          form.clearErrors('event');
          form.setError('hasEvent', { type: 'server', message: removal.key });
        }}
      >
        <RoundFields />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {round ? t('consultations.editor.save') : t('consultations.editor.create')}
          </Button>
          <Link to={round ? `/consultations/${round.id}` : '/consultations'}>
            {t('consultations.editor.cancel')}
          </Link>
        </ButtonGroup>
      </Form>
    </>
  );
}
