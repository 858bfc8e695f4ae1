import type { Access } from '../access-policy';

/** The job queue and mail delivery screens (issue #15): the Secretariat's alone; merged into ACCESS_POLICY. */
export const jobsAccess: Record<string, Access> = {
  'jobs.list': 'secretariat',
  'jobs.retry': 'secretariat',
  'mail.retry': 'secretariat',
};
