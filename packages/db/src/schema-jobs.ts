import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Tables of the job queue; merged into `Database` in schema.ts. */
export interface JobTables {
  job: JobTable;
  job_schedule: JobScheduleTable;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

export interface JobTable {
  id: Generated<string>;
  /** The handler's name, e.g. `mail.deliver`, `maintenance.prune`. */
  kind: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** Set for `mail.deliver` jobs (by the mail_outbox trigger); deleting the mail deletes the job. */
  mail_id: string | null;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  unique_key: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  finished_at: Timestamp | null;
}

export interface JobScheduleTable {
  name: string;
  interval_seconds: number;
  next_run_at: Timestamp;
  last_run_at: Timestamp | null;
}

export type Job = Selectable<JobTable>;
export type JobSchedule = Selectable<JobScheduleTable>;
