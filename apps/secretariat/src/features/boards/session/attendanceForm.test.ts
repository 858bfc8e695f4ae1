import { describe, expect, it } from 'vitest';
import { attendanceSchema } from './attendanceForm';

const ANA = '0b7e2f4c-1d2a-4c3b-8e5f-6a7b8c9d0e1f';
const BUDI = '1c8f3a5d-2e3b-4d4c-9f60-7b8c9d0e1f2a';

describe('attendanceSchema', () => {
  it('sends a record for each member with a choice and none for a member left blank', () => {
    expect(attendanceSchema.parse({ status: { [ANA]: 'present', [BUDI]: null } })).toEqual({
      records: [{ userId: ANA, status: 'present' }],
    });
  });

  it("with nothing chosen, says so on the first member's row", () => {
    const result = attendanceSchema.safeParse({ status: { [ANA]: null, [BUDI]: undefined } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [`status.${ANA}`, 'boards.attendance.noneChosen'],
    ]);
  });

  it("refuses a status the procedure does not know, by the procedure's own schema", () => {
    expect(attendanceSchema.safeParse({ status: { [ANA]: 'late' } }).success).toBe(false);
  });
});
