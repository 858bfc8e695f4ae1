import type { Access } from '../access-policy';

/** Who may call each `editions.*` procedure; merged into ACCESS_POLICY. Published editions and their differences are public. */
export const editionsAccess: Record<string, Access> = {
  'editions.list': 'public',
  'editions.get': 'public',
  'editions.compare': 'public',
};
