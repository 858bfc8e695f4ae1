import { ATTENDANCE_STATUSES } from '@musyawarah/core/boards/vocabulary';
import { Button, NotificationBanner } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useServerMessage } from '../shared';
import type { SessionDetail } from './types';

/** One row of radios per invited member; saved together. Walk-ins are members invited afterwards. */
export function Attendance({ session, onDone }: { session: SessionDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [values, setValues] = useState<Record<string, (typeof ATTENDANCE_STATUSES)[number] | undefined>>(() =>
    Object.fromEntries(session.invitations.map((i) => [i.userId, i.attendance ?? undefined])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const record = useMutation(
    trpc.boards.recordAttendance.mutationOptions({
      onSuccess: async () => {
        setProblem(null);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.attendance.saved'));
      },
      onError: (error) => setProblem(serverMessage(error)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const records = Object.entries(values).flatMap(([userId, status]) =>
      status ? [{ userId, status }] : [],
    );
    if (records.length === 0) {
      setProblem(t('boards.attendance.noneChosen'));
      return;
    }
    record.mutate({ sessionId: session.id, records });
  };
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
        <form onSubmit={submit} aria-labelledby="attendance-heading" noValidate>
          {problem && (
            <NotificationBanner tone="error" focusOnMount>
              <p>{problem}</p>
            </NotificationBanner>
          )}
          {session.invitations.map((i) => (
            <fieldset className="fieldset board-row" key={i.userId}>
              <legend className="legend">{i.name}</legend>
              <div className="choices choices--inline">
                {ATTENDANCE_STATUSES.map((status) => {
                  const id = `attendance-${i.userId}-${status}`;
                  return (
                    <div className="choice" key={status}>
                      <input
                        id={id}
                        type="radio"
                        className="choice__input"
                        name={`attendance-${i.userId}`}
                        value={status}
                        checked={values[i.userId] === status}
                        onChange={() => setValues((prev) => ({ ...prev, [i.userId]: status }))}
                      />
                      <label className="choice__label" htmlFor={id}>
                        {t(`boards.attendance.status.${status}`)}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
          <Button type="submit" isBusy={record.isPending}>
            {t('boards.attendance.save')}
          </Button>
        </form>
      )}
    </section>
  );
}
