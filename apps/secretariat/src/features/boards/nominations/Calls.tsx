import { callInput } from '@musyawarah/core/boards/schemas';
import {
  Button,
  ButtonGroup,
  DateTimeField,
  ErrorNotice,
  Form,
  formSchema,
  LinkButton,
  Loading,
  localToIso,
  TextAreaField,
  useFormat,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import type { BoardDetail } from '../BoardPage';
import { useServerMessage } from '../shared';

interface CallFormValues {
  boardId: string;
  description: { en: string };
  opensAt: string;
  closesAt: string;
}

/** The call form holds the user's wall times (datetime-local); the schema wants instants with their offset. */
const callFormSchema = formSchema(
  (v: CallFormValues) => ({ ...v, opensAt: localToIso(v.opensAt), closesAt: localToIso(v.closesAt) }),
  callInput,
);

export function Calls({ board, onDone }: { board: BoardDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const calls = useQuery(trpc.boards.calls.queryOptions({ boardId: board.id }));
  const [opening, setOpening] = useState(false);
  return (
    <>
      <h3 className="heading-m">{t('boards.calls.heading')}</h3>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <ErrorNotice error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.length === 0 ? (
        <p>{t('boards.calls.none')}</p>
      ) : (
        <ul className="list-plain">
          {calls.data.map((c) => (
            <li key={c.id}>
              {t(c.open ? 'boards.calls.open' : 'boards.calls.closed', {
                opens: format.dateTime(c.opensAt),
                closes: format.dateTime(c.closesAt),
                count: c.nominations,
              })}
              {c.open && (
                <>
                  {' '}
                  <CloseCall callId={c.id} onDone={onDone} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {board.status !== 'dissolved' &&
        (opening ? (
          <OpenCall
            board={board}
            onCancel={() => setOpening(false)}
            onDone={() => {
              setOpening(false);
              onDone(t('boards.calls.opened'));
            }}
          />
        ) : (
          <Button variant="secondary" onClick={() => setOpening(true)}>
            {t('boards.calls.openCall')}
          </Button>
        ))}
    </>
  );
}

function CloseCall({ callId, onDone }: { callId: string; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const close = useMutation(
    trpc.boards.closeCall.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.calls.closedNotice'));
      },
      onError: (error) => onDone(serverMessage(error)),
    }),
  );
  return (
    <LinkButton
      tone="warning"
      onClick={() => close.mutate({ callId })}
      aria-disabled={close.isPending || undefined}
    >
      {t('boards.calls.closeNow')}
    </LinkButton>
  );
}

function OpenCall({
  board,
  onDone,
  onCancel,
}: {
  board: BoardDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(callFormSchema, {
    defaultValues: { boardId: board.id, description: { en: '' }, opensAt: '', closesAt: '' },
  });
  const create = useMutation(trpc.boards.createCall.mutationOptions());
  return (
    <section className="board-inline-form" aria-labelledby="open-call-heading">
      <h4 className="heading-s" id="open-call-heading">
        {t('boards.calls.openCall')}
      </h4>
      <Form
        form={form}
        id="call"
        onSubmit={async () => {
          // Times as typed, with the user's offset: the schema's parsed Dates would lose it.
          const raw = form.getValues();
          await create.mutateAsync({
            boardId: board.id,
            description: raw.description,
            opensAt: localToIso(raw.opensAt) ?? raw.opensAt,
            closesAt: localToIso(raw.closesAt) ?? raw.closesAt,
          });
          await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
          onDone();
        }}
      >
        <TextAreaField
          name="description.en"
          label={t('boards.calls.description')}
          hint={t('boards.calls.descriptionHint')}
          rows={4}
        />
        <DateTimeField name="opensAt" label={t('boards.calls.opensAt')} />
        <DateTimeField name="closesAt" label={t('boards.calls.closesAt')} />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('boards.calls.submit')}
          </Button>
          <LinkButton onClick={onCancel}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </Form>
    </section>
  );
}
