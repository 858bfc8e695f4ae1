import { Button, Form, SelectField, TextAreaField } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useZonedFormat } from '../data';
import { type MemberSession } from './types';
import { resolved } from './resolver';

export interface InputValues {
  agendaItemId: string | undefined;
  actionId: string | undefined;
  text: string;
}

export function Input({ session, onDone }: { session: MemberSession; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useZonedFormat();
  // '' (not undefined) so a reset also clears what the selects show.
  const empty: InputValues = { agendaItemId: '', actionId: '', text: '' };
  const form = useForm<InputValues>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: empty,
    resolver: (values) =>
      resolved(values, values.text.trim() ? {} : { text: 'boards.memberSession.inputRequired' }),
  });
  const submit = useMutation(trpc.boards.submitInput.mutationOptions());
  // One key per point, kept until it is stored: sending again after a lost answer stores it once.
  const idempotencyKey = useRef(crypto.randomUUID());
  const agendaTitle = (id: string | null) => session.agenda.find((a) => a.id === id)?.title;
  const actions = [
    ...new Set([...session.actionIds, ...session.agenda.flatMap((a) => (a.actionId ? [a.actionId] : []))]),
  ];
  return (
    <section className="boards-section" aria-labelledby="input-heading">
      <h2 className="heading-l" id="input-heading">
        {t('boards.memberSession.inputHeading')}
      </h2>
      <p>{t('boards.memberSession.inputLead')}</p>
      {session.myInputs.length > 0 && (
        <>
          <h3 className="heading-m">
            {t('boards.memberSession.yourInputs', { count: session.myInputs.length })}
          </h3>
          <ul className="boards-list">
            {session.myInputs.map((i) => (
              <li key={i.id}>
                <p className="text-secondary">
                  {format(i.createdAt)}
                  {i.agendaItemId && agendaTitle(i.agendaItemId)
                    ? ` · ${t('boards.memberSession.onItem', { item: agendaTitle(i.agendaItemId) })}`
                    : ''}
                  {i.actionId ? ` · ${i.actionId}` : ''}
                </p>
                <p className="boards-pre">{i.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {session.inputOpen ? (
        <Form
          form={form}
          id="input"
          onSubmit={async (v) => {
            await submit.mutateAsync({
              sessionId: session.id,
              agendaItemId: v.agendaItemId || undefined,
              actionId: v.actionId || undefined,
              text: v.text,
              idempotencyKey: idempotencyKey.current,
            });
            idempotencyKey.current = crypto.randomUUID();
            form.reset(empty);
            await queryClient.invalidateQueries({
              queryKey: trpc.boards.memberSession.queryKey({ sessionId: session.id }),
            });
            onDone(t('boards.memberSession.inputSent'));
          }}
        >
          {session.agenda.length > 0 && (
            <SelectField
              name="agendaItemId"
              label={t('boards.memberSession.agendaItem')}
              options={session.agenda.map((a) => ({ value: a.id, label: a.title }))}
              placeholder={t('boards.memberSession.generalInput')}
              optional
            />
          )}
          {actions.length > 0 && (
            <SelectField
              name="actionId"
              label={t('boards.memberSession.action')}
              options={actions.map((a) => ({ value: a, label: a }))}
              placeholder={t('boards.memberSession.noAction')}
              optional
            />
          )}
          <TextAreaField
            name="text"
            label={t('boards.memberSession.inputText')}
            hint={t('boards.memberSession.inputHint')}
            rows={6}
          />
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('boards.memberSession.sendInput')}
          </Button>
        </Form>
      ) : (
        <p className="hint">{t('boards.memberSession.inputClosed')}</p>
      )}
    </section>
  );
}
