import type { SessionInput } from '@musyawarah/core/boards/schemas';
import { Button, ButtonGroup, ErrorNotice, Form, Loading, noticeOnArrival, Page } from '@musyawarah/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useTRPC } from '../../trpc';
import '../consultations/consultations.css';
import './boards.css';
import {
  emptySession,
  sessionFormSchema,
  sessionToForm,
  sessionRequest,
  type SessionFormValues,
} from './sessionForm';
import { SessionFields } from './SessionFields';
import { english } from './shared';

const FORM_ID = 'session';

export function NewSessionPage() {
  const { t } = useTranslation();
  const { boardId = '' } = useParams();
  const trpc = useTRPC();
  const board = useQuery(trpc.boards.adminGet.queryOptions({ boardId }));
  const sessions = useQuery(trpc.boards.sessions.queryOptions({ boardId }));
  return (
    <Page
      title={t('boards.sessionEditor.newTitle')}
      caption={board.data ? english(board.data.name) : undefined}
      backLink={{ to: `/boards/${boardId}?tab=sessions`, label: t('boards.board.back') }}
    >
      {board.isPending || sessions.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorNotice error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <SessionForm
          boardId={boardId}
          boardActions={board.data.actionIds}
          initial={emptySession(boardId, (sessions.data?.length ?? 0) === 0)}
        />
      )}
    </Page>
  );
}

export function EditSessionPage() {
  const { t } = useTranslation();
  const { boardId = '', sessionId = '' } = useParams();
  const trpc = useTRPC();
  const board = useQuery(trpc.boards.adminGet.queryOptions({ boardId }));
  const session = useQuery(trpc.boards.session.queryOptions({ sessionId }));
  return (
    <Page
      title={t('boards.sessionEditor.editTitle')}
      caption={session.data ? english(session.data.title) : undefined}
      backLink={{ to: `/boards/${boardId}/sessions/${sessionId}`, label: t('boards.session.back') }}
    >
      {board.isPending || session.isPending ? (
        <Loading />
      ) : board.isError || session.isError ? (
        <ErrorNotice error={board.error ?? session.error} onRetry={() => void session.refetch()} />
      ) : (
        <SessionForm
          boardId={boardId}
          sessionId={sessionId}
          boardActions={board.data.actionIds}
          initial={sessionToForm(session.data)}
        />
      )}
    </Page>
  );
}

function SessionForm({
  boardId,
  sessionId,
  boardActions,
  initial,
}: {
  boardId: string;
  sessionId?: string;
  boardActions: readonly string[];
  initial: SessionFormValues;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<SessionFormValues, unknown, SessionInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: initial,
    resolver: zodResolver(sessionFormSchema),
  });
  const create = useMutation(trpc.boards.createSession.mutationOptions());
  const update = useMutation(trpc.boards.updateSession.mutationOptions());
  const onSubmit = async (checked: SessionInput) => {
    const input = sessionRequest(checked, form.getValues());
    const saved = sessionId
      ? await update.mutateAsync({ sessionId, session: input })
      : await create.mutateAsync(input);
    await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
    void navigate(`/boards/${boardId}/sessions/${saved.id}`, {
      state: noticeOnArrival.success({
        key: sessionId ? 'boards.session.notice.saved' : 'boards.session.notice.created',
      }),
    });
  };
  return (
    <Form form={form} id={FORM_ID} onSubmit={onSubmit}>
      <SessionFields formId={FORM_ID} boardActions={boardActions} />
      <ButtonGroup>
        <Button type="submit" isBusy={form.formState.isSubmitting}>
          {sessionId ? t('boards.sessionEditor.save') : t('boards.sessionEditor.create')}
        </Button>
        <Link to={sessionId ? `/boards/${boardId}/sessions/${sessionId}` : `/boards/${boardId}?tab=sessions`}>
          {t('boards.cancel')}
        </Link>
      </ButtonGroup>
    </Form>
  );
}
