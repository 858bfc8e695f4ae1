import type { Access } from '../access-policy';

/** Who may call each `reports.*` procedure (issue #17); merged into ACCESS_POLICY. */
export const reportsAccess: Record<string, Access> = {
  'reports.publishRound': 'secretariat',
  'reports.roundStatus': 'secretariat',
  'reports.forRound': 'public',
  'reports.publishCycle': 'secretariat',
  'reports.cycleStatus': 'secretariat',
  'reports.forCycle': 'public',
};
