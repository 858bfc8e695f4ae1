import type { BoardInput } from '@musyawarah/core/boards/schemas';
import { Button, ButtonGroup, ErrorNotice, Form, Loading, noticeOnArrival, Page } from '@musyawarah/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import '../consultations/consultations.css';
import { BoardFields } from './BoardFields';
import { boardFormSchema, boardToForm, emptyBoard, type BoardFormValues } from './boardForm';
import './boards.css';
import { ConflictReload } from '../review/ConflictReload';
import { english, useServerMessage } from './shared';

const FORM_ID = 'board';
type BoardDetail = Outputs['boards']['adminGet'];

export function NewBoardPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('boards.editor.newTitle')} backLink={{ to: '/boards', label: t('boards.list.title') }}>
      <BoardForm initial={emptyBoard()} />
    </Page>
  );
}

export function EditBoardPage() {
  const { t } = useTranslation();
  const { boardId = '' } = useParams();
  const trpc = useTRPC();
  const board = useQuery(trpc.boards.adminGet.queryOptions({ boardId }));
  return (
    <Page
      title={t('boards.editor.editTitle')}
      caption={board.data ? english(board.data.name) : undefined}
      backLink={{ to: `/boards/${boardId}`, label: t('boards.board.back') }}
    >
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorNotice error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <BoardForm key={board.data.version} board={board.data} initial={boardToForm(board.data)} />
      )}
    </Page>
  );
}

function BoardForm({ board, initial }: { board?: BoardDetail; initial: BoardFormValues }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const form = useForm<BoardFormValues, unknown, BoardInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: initial,
    resolver: zodResolver(boardFormSchema),
  });
  const create = useMutation(trpc.boards.create.mutationOptions());
  const update = useMutation(trpc.boards.update.mutationOptions());

  const onSubmit = async (values: BoardInput) => {
    // What the shared schema accepted (calendar dates and numbers, no instants): the API parses it again.
    const input = values;
    // A refusal (a conflict too) is thrown to the form's error summary, which offers the reload beside a conflict.
    const saved = board
      ? await update.mutateAsync({
          boardId: board.id,
          expectedVersion: board.version,
          board: input,
        })
      : await create.mutateAsync(input);
    await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
    void navigate(`/boards/${saved.id}`, {
      state: noticeOnArrival.success({
        key: board ? 'boards.board.notice.saved' : 'boards.board.notice.created',
      }),
    });
  };

  return (
    <>
      <Form
        form={form}
        id={FORM_ID}
        onSubmit={onSubmit}
        serverMessage={serverMessage}
        renderMessageExtra={(key) =>
          board && key === 'board.editConflict' ? (
            <ConflictReload
              label={t('boards.editor.reload')}
              // The page keys this form by the board's version: the reloaded board starts a fresh form.
              onReload={() =>
                void queryClient.invalidateQueries({
                  queryKey: trpc.boards.adminGet.queryKey({ boardId: board.id }),
                })
              }
            />
          ) : null
        }
      >
        <BoardFields formId={FORM_ID} />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {board ? t('boards.editor.save') : t('boards.editor.create')}
          </Button>
          <Link to={board ? `/boards/${board.id}` : '/boards'}>{t('boards.editor.cancel')}</Link>
        </ButtonGroup>
      </Form>
    </>
  );
}
