import { canTransitionBoard } from '@musyawarah/core/boards/rules';
import { BOARD_STATUSES, type BoardStatus } from '@musyawarah/core/boards/vocabulary';
import { Button, ButtonGroup, LinkButton, ModalDialog, useNotice } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import type { BoardDetail } from './BoardPage';
import { useServerMessage } from './shared';

/** Moves a board forward in its life (forming → active → dissolved); dissolving ends every seat, so it asks first. */
export function BoardTransitions({ board }: { board: BoardDetail }) {
  const notice = useNotice();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [confirming, setConfirming] = useState<BoardStatus | null>(null);
  const transition = useMutation(
    trpc.boards.transition.mutationOptions({
      onSuccess: async (_data, { status }) => {
        setConfirming(null);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        notice.success(t(`boards.transition.done.${status}`));
      },
      onError: (error) => {
        setConfirming(null);
        notice.error(serverMessage(error));
        // Refused most often because the board moved on elsewhere: show it as it is now, with the actions it allows.
        void queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
      },
    }),
  );
  const next = BOARD_STATUSES.filter((s) => canTransitionBoard(board.status, s));
  // A refusal is said in the region wrapping this part (BoardPage), which stays when no move is left.
  if (next.length === 0) return null;
  return (
    <>
      <ButtonGroup>
        {next.map((status) => (
          <Button
            key={status}
            variant={status === 'dissolved' ? 'warning' : 'primary'}
            onClick={() => setConfirming(status)}
          >
            {t(`boards.transition.to.${status}`)}
          </Button>
        ))}
      </ButtonGroup>
      <ModalDialog
        isOpen={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={confirming ? t(`boards.transition.confirmTitle.${confirming}`) : ''}
        tone={confirming === 'dissolved' ? 'warning' : 'default'}
      >
        {confirming && <p>{t(`boards.transition.confirmBody.${confirming}`)}</p>}
        <ButtonGroup>
          <Button
            variant={confirming === 'dissolved' ? 'warning' : 'primary'}
            isBusy={transition.isPending}
            onClick={() => confirming && transition.mutate({ boardId: board.id, status: confirming })}
          >
            {confirming ? t(`boards.transition.to.${confirming}`) : ''}
          </Button>
          <LinkButton onClick={() => setConfirming(null)}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
