import { SEAT_ROLES } from '@musyawarah/core/boards/vocabulary';
import { Button, ButtonGroup, LinkButton, ModalDialog } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import type { BoardDetail } from '../BoardPage';
import { today, useServerMessage } from '../shared';
import type { Nomination } from './types';
import { useServerMessageKey } from './useServerMessageKey';

export function Accept({
  nomination: n,
  board,
  onDone,
}: {
  nomination: Nomination;
  board: BoardDetail;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<(typeof SEAT_ROLES)[number]>('member');
  const [starts, setStarts] = useState(() => (today() < board.lifeStartsOn ? board.lifeStartsOn : today()));
  const [ends, setEnds] = useState(board.lifeEndsOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useMutation(
    trpc.boards.acceptNomination.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.nominations.accepted', { name: n.nomineeName }));
      },
      onError: (error) => {
        const fieldErrors =
          (error as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors ?? {};
        const mapped = Object.fromEntries(
          Object.entries(fieldErrors).map(([k, v]) => [k, v[0] ?? 'validation.invalid']),
        );
        setErrors(mapped);
        setProblem(Object.keys(mapped).length ? null : serverMessage(error));
      },
    }),
  );
  return (
    <>
      <Button
        onClick={() => {
          setErrors({});
          setProblem(null);
          setOpen(true);
        }}
      >
        {t('boards.nominations.accept')}
        <span className="visually-hidden"> {n.nomineeName}</span>
      </Button>
      <ModalDialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t('boards.nominations.acceptTitle', { name: n.nomineeName })}
      >
        <p>{t('boards.nominations.acceptBody')}</p>
        {problem && (
          <p className="field-error">
            <span className="visually-hidden">{t('layout.errorPrefix')}</span> {problem}
          </p>
        )}
        <div className="form-group">
          <label className="label" htmlFor={`${id}-role`}>
            {t('boards.seats.role')}
          </label>
          <select
            id={`${id}-role`}
            className="select"
            value={role}
            onChange={(e) => setRole(SEAT_ROLES.find((r) => r === e.target.value) ?? 'member')}
          >
            {SEAT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`boards.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <DateInput
          id={`${id}-starts`}
          label={t('boards.seats.termStartsOn')}
          value={starts}
          onChange={setStarts}
          error={errors.termStartsOn}
        />
        <DateInput
          id={`${id}-ends`}
          label={t('boards.seats.termEndsOn')}
          value={ends}
          onChange={setEnds}
          error={errors.termEndsOn}
        />
        <ButtonGroup>
          <Button
            isBusy={accept.isPending}
            onClick={() =>
              accept.mutate({
                nominationId: n.id,
                role,
                termStartsOn: starts,
                termEndsOn: ends,
              })
            }
          >
            {t('boards.nominations.acceptConfirm')}
          </Button>
          <LinkButton onClick={() => setOpen(false)}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}

/** A date input with its error next to it, for the small dialogs that do not use a full form. */
function DateInput({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const tm = useServerMessageKey();
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('layout.errorPrefix')}</span> {tm(error)}
        </p>
      )}
      <input
        id={id}
        type="date"
        className={error ? 'input input--w20 input--error' : 'input input--w20'}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
