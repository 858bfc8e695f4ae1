import { GENDERS } from '@musyawarah/core/boards/vocabulary';
import {
  Button,
  CheckboxField,
  ErrorNotice,
  Form,
  Loading,
  NoticeRegion,
  Page,
  SelectField,
  SummaryList,
  Tag,
  TextAreaField,
  errorStatus,
  useNotice,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSignIn } from '../../session';
import { useTRPC, type Outputs } from '../../trpc';
import { BoardNotFound, MinutesText } from './BoardPage';
import './boards.css';
import { isUuid, useConstituencyLabel, useDateText, useLocalized, useZonedFormat } from './data';

type MemberBoard = Outputs['boards']['memberBoard'];

/** `/boards/mine/:boardId`: a board I sit on: my seat and declarations, fellow members, sessions and minutes, training. */
export function MemberBoardPage() {
  const { boardId = '' } = useParams();
  if (!isUuid(boardId)) return <BoardNotFound />;
  return (
    <RequireSignIn>
      <MemberBoardLoader boardId={boardId} />
    </RequireSignIn>
  );
}

function MemberBoardLoader({ boardId }: { boardId: string }) {
  const trpc = useTRPC();
  const board = useQuery({ ...trpc.boards.memberBoard.queryOptions({ boardId }), retry: false });
  if (board.isPending) return <Loading />;
  if (board.isError) {
    if (errorStatus(board.error) === 404) return <BoardNotFound />;
    return <ErrorNotice error={board.error} onRetry={() => void board.refetch()} />;
  }
  return <MemberBoardView board={board.data} />;
}

function MemberBoardView({ board }: { board: MemberBoard }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const format = useZonedFormat();
  const dateText = useDateText();
  const label = useConstituencyLabel();
  const name = pick(board.name);
  const notice = useNotice();
  return (
    <Page
      title={name.text}
      caption={t('boards.memberBoard.caption')}
      backLink={{ to: '/boards/mine', label: t('boards.mine.title') }}
    >
      <NoticeRegion />
      <p className="boards-pre">{pick(board.mandate).text}</p>

      <section className="boards-section" aria-labelledby="seat-heading">
        <h2 className="heading-l" id="seat-heading">
          {t('boards.memberBoard.yourSeat')}
        </h2>
        <SummaryList
          rows={[
            {
              key: 'role',
              label: t('boards.memberBoard.role'),
              value: t(`boards.role.${board.mySeat.role}`),
            },
            {
              key: 'term',
              label: t('boards.memberBoard.term'),
              value: t('boards.board.lifeFromTo', {
                from: dateText(board.mySeat.termStartsOn),
                to: dateText(board.mySeat.termEndsOn),
              }),
            },
            {
              key: 'constituencies',
              label: t('boards.memberBoard.represents'),
              value: board.mySeat.constituencies.map(label).join(', '),
            },
          ]}
        />
        <SeatDeclarations
          seat={board.mySeat}
          onDone={() => notice.success(t('boards.memberBoard.seatSaved'))}
        />
      </section>

      <section className="boards-section" aria-labelledby="sessions-heading">
        <h2 className="heading-l" id="sessions-heading">
          {t('boards.memberBoard.sessions')}
        </h2>
        {board.sessions.length === 0 ? (
          <p>{t('boards.memberBoard.noSessions')}</p>
        ) : (
          <ul className="boards-list">
            {board.sessions.map((s) => (
              <li key={s.id}>
                <h3 className="heading-s">
                  <Link to={`/boards/mine/sessions/${s.id}`}>{pick(s.title).text}</Link>
                </h3>
                <p>
                  {format(s.startsAt)}
                  {s.rsvp ? (
                    <>
                      {' '}
                      <Tag tone="grey">{t(`boards.rsvp.${s.rsvp}`)}</Tag>
                    </>
                  ) : null}
                  {s.surveyOpen && !s.surveyAnswered ? (
                    <>
                      {' '}
                      <Tag tone="yellow">{t('boards.memberBoard.surveyWaiting')}</Tag>
                    </>
                  ) : null}
                </p>
                <MinutesText minutes={s.minutes} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="boards-section" aria-labelledby="members-heading">
        <h2 className="heading-l" id="members-heading">
          {t('boards.memberBoard.members', { count: board.members.length })}
        </h2>
        <ul className="list-plain">
          {board.members.map((m, index) => (
            <li key={`${m.name}-${index}`}>
              <strong>{m.name}</strong>, {t(`boards.role.${m.role}`)}
              {m.organisation ? ` · ${m.organisation}` : ''} ·{' '}
              <span className="text-secondary">{m.constituencies.map(label).join(', ')}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="boards-section" aria-labelledby="training-heading">
        <h2 className="heading-l" id="training-heading">
          {t('boards.memberBoard.training')}
        </h2>
        {board.training.length === 0 ? (
          <p>{t('boards.memberBoard.noTraining')}</p>
        ) : (
          <ul className="list-plain">
            {board.training.map((r) => (
              <li key={r.id}>
                {r.course}, {dateText(r.takenOn)}{' '}
                {r.completed ? (
                  <Tag tone="green">{t('boards.memberBoard.completed')}</Tag>
                ) : (
                  <Tag tone="yellow">{t('boards.memberBoard.notCompleted')}</Tag>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

interface SeatValues {
  listedPublicly: boolean;
  gender: string | undefined;
  conflictOfInterest: string;
}

/** The parts of a seat its holder declares: whether they are listed publicly, their gender, conflicts of interest. */
function SeatDeclarations({ seat, onDone }: { seat: MemberBoard['mySeat']; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<SeatValues>({
    mode: 'onSubmit',
    defaultValues: {
      listedPublicly: seat.listedPublicly,
      gender: seat.gender ?? undefined,
      conflictOfInterest: seat.conflictOfInterest ?? '',
    },
  });
  const update = useMutation(trpc.boards.updateMySeat.mutationOptions());
  return (
    <Form
      form={form}
      id="seat"
      aria-label={t('boards.memberBoard.declarations')}
      onSubmit={async (v) => {
        await update.mutateAsync({
          seatId: seat.id,
          listedPublicly: v.listedPublicly,
          gender: v.gender || undefined,
          conflictOfInterest: v.conflictOfInterest || undefined,
        });
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone();
      }}
    >
      <h3 className="heading-m">{t('boards.memberBoard.declarations')}</h3>
      <CheckboxField
        name="listedPublicly"
        label={t('boards.memberBoard.listed')}
        hint={t('boards.memberBoard.listedHint')}
      />
      <SelectField
        name="gender"
        label={t('boards.memberBoard.gender')}
        hint={t('boards.memberBoard.genderHint')}
        options={GENDERS.map((g) => ({ value: g, label: t(`boards.gender.${g}`) }))}
        placeholder={t('boards.memberBoard.genderNotSaid')}
        optional
      />
      <TextAreaField
        name="conflictOfInterest"
        label={t('boards.memberBoard.coi')}
        hint={t('boards.memberBoard.coiHint')}
        rows={4}
        optional
      />
      <Button type="submit" variant="secondary" isBusy={form.formState.isSubmitting}>
        {t('boards.memberBoard.saveSeat')}
      </Button>
    </Form>
  );
}
