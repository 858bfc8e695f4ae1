import { ATTENDANCE_STATUSES } from '@musyawarah/core/boards/vocabulary';
import { Button, Form, RadioGroupField, useNotice, useZodForm } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useTRPC } from '../../../trpc';
import { useServerMessage } from '../shared';
import { attendanceSchema } from './attendanceForm';
import type { SessionDetail } from './types';

/** One row of radios per invited member; saved together. Walk-ins are members invited afterwards. */
export function Attendance({ session }: { session: SessionDetail }) {
  const notice = useNotice();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const form = useZodForm(attendanceSchema, {
    defaultValues: {
      status: Object.fromEntries(session.invitations.map((i) => [i.userId, i.attendance ?? null])),
    },
  });
  const record = useMutation(trpc.boards.recordAttendance.mutationOptions());
  const onSubmit = async ({ records }: z.output<typeof attendanceSchema>) => {
    // Thrown errors go to the form's error summary.
    await record.mutateAsync({ sessionId: session.id, records });
    await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
    notice.success(t('boards.attendance.saved'));
  };
  const statusOptions = ATTENDANCE_STATUSES.map((status) => ({
    value: status,
    label: t(`boards.attendance.status.${status}`),
  }));
  const started = session.held;
  return (
    <section aria-labelledby="attendance-heading">
      <h2 className="heading-l" id="attendance-heading">
        {t('boards.attendance.heading')}
      </h2>
      {session.participation.rate !== null && (
        <p>
          {t('boards.attendance.rate', {
            rate: session.participation.rate,
            present: session.participation.present,
            invited: session.participation.invited,
          })}
        </p>
      )}
      {!started && <p className="hint">{t('boards.attendance.notYet')}</p>}
      {session.invitations.length === 0 ? (
        <p>{t('boards.attendance.inviteFirst')}</p>
      ) : (
        <Form
          form={form}
          id="attendance"
          onSubmit={onSubmit}
          serverMessage={serverMessage}
          aria-label={t('boards.attendance.heading')}
        >
          {session.invitations.map((i) => (
            <RadioGroupField
              key={i.userId}
              name={`status.${i.userId}`}
              legend={i.name}
              options={statusOptions}
              layout="inline"
              className="board-row"
            />
          ))}
          <Button type="submit" isBusy={record.isPending}>
            {t('boards.attendance.save')}
          </Button>
        </Form>
      )}
    </section>
  );
}
