import { attendanceInput } from '@musyawarah/core/boards/schemas';
import { z } from 'zod';

// One choice per invited member (none yet for some), turned into the procedure's records and checked by its own
// schema; with nothing chosen, the first member's row says so (the error summary links there).
export const attendanceSchema = z
  .object({ status: z.record(z.string(), z.string().nullish()) })
  .transform(({ status }, ctx) => {
    const records = Object.entries(status).flatMap(([userId, chosen]) =>
      chosen ? [{ userId, status: chosen }] : [],
    );
    if (records.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['status', Object.keys(status)[0] ?? ''],
        message: 'boards.attendance.noneChosen',
      });
    return { records };
  })
  .pipe(attendanceInput.omit({ sessionId: true }));
