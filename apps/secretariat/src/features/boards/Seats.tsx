import { seatInput } from '@musyawarah/core/boards/schemas';
import { GENDERS, SEAT_END_REASONS, SEAT_ROLES } from '@musyawarah/core/boards/vocabulary';
import {
  Button,
  ButtonGroup,
  CheckboxesField,
  CheckboxField,
  DataTable,
  ErrorNotice,
  Form,
  LinkButton,
  Loading,
  ModalDialog,
  NoticeRegion,
  RadioGroupField,
  SelectField,
  Tag,
  TextAreaField,
  TextField,
  useMemberStateOptions,
  useNotice,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';
import type { BoardDetail } from './BoardPage';
import { today, useConstituencyLabel, useConstituencyOptions, useDateText, useServerMessage } from './shared';

type Seat = Outputs['boards']['seats'][number];

export function Seats({ board }: { board: BoardDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const seats = useQuery(trpc.boards.seats.queryOptions({ boardId: board.id }));
  const say = useNotice().success;
  const [adding, setAdding] = useState(false);
  if (seats.isPending) return <Loading />;
  if (seats.isError) return <ErrorNotice error={seats.error} onRetry={() => void seats.refetch()} />;
  const current = seats.data.filter((s) => s.active);
  const history = seats.data.filter((s) => !s.active);
  return (
    <>
      <NoticeRegion />
      <p>{t('boards.list.seatsOf', { filled: current.length, capacity: board.seatCapacity })}</p>
      <h3 className="heading-m">{t('boards.seats.current')}</h3>
      {current.length === 0 ? (
        <p>{t('boards.seats.noneCurrent')}</p>
      ) : (
        <SeatTable seats={current} onDone={say} />
      )}
      {board.status !== 'dissolved' &&
        (adding ? (
          <AddSeat
            board={board}
            onDone={(text) => {
              setAdding(false);
              say(text);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('boards.seats.add')}
          </Button>
        ))}
      <h3 className="heading-m">{t('boards.seats.history')}</h3>
      {history.length === 0 ? <p>{t('boards.seats.noneEnded')}</p> : <SeatTable seats={history} ended />}
    </>
  );
}

function SeatTable({
  seats,
  ended,
  onDone,
}: {
  seats: Seat[];
  ended?: boolean;
  onDone?: (text: string) => void;
}) {
  const { t } = useTranslation();
  const label = useConstituencyLabel();
  const dateText = useDateText();
  return (
    <DataTable<Seat>
      caption={ended ? t('boards.seats.history') : t('boards.seats.current')}
      captionHidden
      rows={seats}
      rowKey={(s) => s.id}
      columns={[
        {
          key: 'name',
          header: t('boards.seats.columns.member'),
          rowHeader: true,
          cell: (s) => (
            <>
              {s.name ?? s.email}
              {s.organisation && (
                <>
                  <br />
                  <span className="text-secondary">{s.organisation}</span>
                </>
              )}
            </>
          ),
        },
        { key: 'role', header: t('boards.seats.columns.role'), cell: (s) => t(`boards.role.${s.role}`) },
        {
          key: 'constituencies',
          header: t('boards.seats.columns.constituencies'),
          cell: (s) => s.constituencies.map(label).join(', '),
        },
        {
          key: 'state',
          header: t('boards.seats.columns.memberState'),
          cell: (s) =>
            s.memberState ? t(`common.memberStates.${s.memberState}`) : t('boards.seats.noState'),
        },
        {
          key: 'term',
          header: t('boards.seats.columns.term'),
          cell: (s) =>
            ended ? (
              <>
                {t('boards.seats.termFromTo', { from: dateText(s.termStartsOn), to: dateText(s.termEndsOn) })}
                <br />
                {t('boards.seats.endedOn', {
                  date: dateText(s.endedOn),
                  reason: s.endReason ? t(`boards.endReason.${s.endReason}`) : '',
                })}
              </>
            ) : (
              t('boards.seats.termFromTo', { from: dateText(s.termStartsOn), to: dateText(s.termEndsOn) })
            ),
        },
        {
          key: 'declarations',
          header: t('boards.seats.columns.declarations'),
          cell: (s) => (
            <>
              {s.listedPublicly ? (
                <Tag tone="green">{t('boards.seats.listed')}</Tag>
              ) : (
                <Tag tone="grey">{t('boards.seats.notListed')}</Tag>
              )}
              <br />
              {s.conflictOfInterest
                ? t('boards.seats.coiDeclared', { text: s.conflictOfInterest })
                : t('boards.seats.coiNone')}
            </>
          ),
        },
        ...(ended || !onDone
          ? []
          : [
              {
                key: 'actions',
                header: t('boards.seats.columns.actions'),
                cell: (s: Seat) => <EndSeat seat={s} onDone={onDone} />,
              },
            ]),
      ]}
    />
  );
}

function AddSeat({
  board,
  onDone,
  onCancel,
}: {
  board: BoardDetail;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const constituencies = useConstituencyOptions();
  const stateOptions = useMemberStateOptions();
  const start = today() < board.lifeStartsOn ? board.lifeStartsOn : today();
  const form = useZodForm(seatInput, {
    defaultValues: {
      boardId: board.id,
      email: '',
      role: 'member',
      termStartsOn: start,
      termEndsOn: board.lifeEndsOn ?? '',
      constituencies: [],
      memberState: board.memberState ?? '',
      organisation: '',
      gender: '',
      conflictOfInterest: '',
      listedPublicly: false,
    },
  });
  const add = useMutation(trpc.boards.addSeat.mutationOptions());
  return (
    <section className="board-inline-form" aria-labelledby="add-seat-heading">
      <h3 className="heading-m" id="add-seat-heading">
        {t('boards.seats.addHeading')}
      </h3>
      <p className="hint">{t('boards.seats.addHint')}</p>
      <Form
        form={form}
        id="seat"
        onSubmit={async (values) => {
          await add.mutateAsync(values);
          await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
          onDone(t('boards.seats.added'));
        }}
      >
        <TextField
          name="email"
          type="email"
          label={t('boards.seats.email')}
          hint={t('boards.seats.emailHint')}
          width="full"
        />
        <RadioGroupField
          name="role"
          legend={t('boards.seats.role')}
          options={SEAT_ROLES.map((r) => ({ value: r, label: t(`boards.role.${r}`) }))}
        />
        <CheckboxesField
          name="constituencies"
          legend={t('boards.seats.constituencies')}
          options={constituencies}
          columns
        />
        <SelectField
          keepBlank
          name="memberState"
          label={t('boards.seats.memberState')}
          options={stateOptions}
          placeholder={t('boards.seats.noState')}
          optional
        />
        <TextField name="organisation" label={t('boards.seats.organisation')} width="full" optional />
        <SelectField
          keepBlank
          name="gender"
          label={t('boards.seats.gender')}
          hint={t('boards.seats.genderHint')}
          options={GENDERS.map((g) => ({ value: g, label: t(`boards.gender.${g}`) }))}
          placeholder={t('boards.seats.genderNotSaid')}
          optional
        />
        <TextField name="termStartsOn" type="date" label={t('boards.seats.termStartsOn')} width="20" />
        <TextField
          name="termEndsOn"
          type="date"
          label={t('boards.seats.termEndsOn')}
          hint={t('boards.seats.termHint')}
          width="20"
        />
        <TextAreaField
          name="conflictOfInterest"
          label={t('boards.seats.conflictOfInterest')}
          hint={t('boards.seats.coiHint')}
          rows={3}
          optional
        />
        <CheckboxField
          name="listedPublicly"
          label={t('boards.seats.listedPublicly')}
          hint={t('boards.seats.listedHint')}
        />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('boards.seats.addSubmit')}
          </Button>
          <LinkButton onClick={onCancel}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </Form>
    </section>
  );
}

function EndSeat({ seat, onDone }: { seat: Seat; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<(typeof SEAT_END_REASONS)[number]>('term_ended');
  const [endedOn, setEndedOn] = useState(today());
  const [problem, setProblem] = useState<string | null>(null);
  const end = useMutation(
    trpc.boards.endSeat.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.seats.ended', { name: seat.name ?? seat.email ?? '' }));
      },
      onError: (error) => setProblem(serverMessage(error)),
    }),
  );
  return (
    <>
      <LinkButton
        tone="warning"
        onClick={() => {
          setProblem(null);
          setOpen(true);
        }}
      >
        {t('boards.seats.end')}
        <span className="visually-hidden"> {seat.name ?? seat.email}</span>
      </LinkButton>
      <ModalDialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t('boards.seats.endTitle', { name: seat.name ?? seat.email ?? '' })}
        tone="warning"
      >
        <p>{t('boards.seats.endBody')}</p>
        {problem && (
          <p className="field-error">
            <span className="visually-hidden">{t('layout.errorPrefix')}</span> {problem}
          </p>
        )}
        <div className="form-group">
          <label className="label" htmlFor={`${id}-reason`}>
            {t('boards.seats.endReason')}
          </label>
          <select
            id={`${id}-reason`}
            className="select"
            value={reason}
            onChange={(e) => setReason(SEAT_END_REASONS.find((r) => r === e.target.value) ?? 'term_ended')}
          >
            {SEAT_END_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`boards.endReason.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-date`}>
            {t('boards.seats.endedOnLabel')}
          </label>
          <div className="hint" id={`${id}-date-hint`}>
            {t('boards.seats.endedOnHint')}
          </div>
          <input
            id={`${id}-date`}
            type="date"
            className="input input--w20"
            value={endedOn}
            max={today()}
            aria-describedby={`${id}-date-hint`}
            onChange={(e) => setEndedOn(e.target.value)}
          />
        </div>
        <ButtonGroup>
          <Button
            variant="warning"
            isBusy={end.isPending}
            onClick={() => end.mutate({ seatId: seat.id, reason, endedOn: endedOn || undefined })}
          >
            {t('boards.seats.endConfirm')}
          </Button>
          <LinkButton onClick={() => setOpen(false)}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
