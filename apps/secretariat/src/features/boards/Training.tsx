import { trainingInput } from '@musyawarah/core/boards/schemas';
import {
  Button,
  ButtonGroup,
  CheckboxField,
  DataTable,
  ErrorNotice,
  Form,
  LinkButton,
  Loading,
  NoticeRegion,
  SelectField,
  Tag,
  TextField,
  useNotice,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';
import type { BoardDetail } from './BoardPage';
import { today, useDateText, useServerMessage } from './shared';

type TrainingRecord = Outputs['boards']['training'][number];

/** Training and capacity-building per member (course, date, completion), as C2.1.1's medium term asks. */
export function Training({ board }: { board: BoardDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const training = useQuery(trpc.boards.training.queryOptions({ boardId: board.id }));
  const dateText = useDateText();
  const [adding, setAdding] = useState(false);
  const say = useNotice().success;
  return (
    <>
      <NoticeRegion />
      {training.isPending ? (
        <Loading />
      ) : training.isError ? (
        <ErrorNotice error={training.error} onRetry={() => void training.refetch()} />
      ) : training.data.length === 0 ? (
        <p>{t('boards.training.none')}</p>
      ) : (
        <DataTable<TrainingRecord>
          caption={t('boards.training.caption')}
          captionHidden
          rows={training.data}
          rowKey={(r) => r.id}
          columns={[
            { key: 'member', header: t('boards.seats.columns.member'), rowHeader: true, cell: (r) => r.name },
            { key: 'course', header: t('boards.training.course'), cell: (r) => r.course },
            { key: 'date', header: t('boards.training.takenOn'), cell: (r) => dateText(r.takenOn) },
            {
              key: 'completed',
              header: t('boards.training.completion'),
              cell: (r) => <Completion record={r} onDone={say} />,
            },
          ]}
        />
      )}
      {adding ? (
        <AddTraining
          board={board}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            say(t('boards.training.added'));
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {t('boards.training.add')}
        </Button>
      )}
    </>
  );
}

function Completion({ record, onDone }: { record: TrainingRecord; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const update = useMutation(
    trpc.boards.updateTraining.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.training.updated'));
      },
      onError: (error) => onDone(serverMessage(error)),
    }),
  );
  return (
    <>
      {record.completed ? (
        <Tag tone="green">{t('boards.training.completed')}</Tag>
      ) : (
        <Tag tone="yellow">{t('boards.training.inProgress')}</Tag>
      )}{' '}
      {!record.completed && (
        <LinkButton
          onClick={() =>
            update.mutate({
              trainingId: record.id,
              course: record.course,
              takenOn: record.takenOn,
              completed: true,
            })
          }
        >
          {t('boards.training.markCompleted')}
          <span className="visually-hidden">
            {' '}
            {t('boards.training.forMember', { name: record.name, course: record.course })}
          </span>
        </LinkButton>
      )}
    </>
  );
}

function AddTraining({
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
  const seats = useQuery(trpc.boards.seats.queryOptions({ boardId: board.id }));
  const members = (seats.data ?? [])
    .filter((s) => !s.endedOn)
    .map((s) => ({ value: s.userId, label: s.name ?? s.email ?? s.userId }));
  const form = useZodForm(trainingInput, {
    defaultValues: { boardId: board.id, userId: '', course: '', takenOn: today(), completed: false },
  });
  const add = useMutation(trpc.boards.addTraining.mutationOptions());
  return (
    <section className="board-inline-form" aria-labelledby="add-training-heading">
      <h3 className="heading-m" id="add-training-heading">
        {t('boards.training.add')}
      </h3>
      <Form
        form={form}
        id="training"
        onSubmit={async (values) => {
          await add.mutateAsync(values);
          await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
          onDone();
        }}
      >
        <SelectField
          keepBlank
          name="userId"
          label={t('boards.training.member')}
          options={members}
          placeholder={t('common.selectPlaceholder')}
        />
        <TextField name="course" label={t('boards.training.course')} width="full" />
        <TextField name="takenOn" type="date" label={t('boards.training.takenOn')} width="20" />
        <CheckboxField name="completed" label={t('boards.training.completedLabel')} />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('boards.training.save')}
          </Button>
          <LinkButton onClick={onCancel}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </Form>
    </section>
  );
}
