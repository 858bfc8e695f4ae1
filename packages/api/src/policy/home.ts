import type { Access } from '../access-policy';

/** Who may call each `home.*` procedure; merged into ACCESS_POLICY. Each role's home is that role's alone. */
export const homeAccess: Record<string, Access> = {
  'home.secretariat': 'secretariat',
  'home.memberState': 'member_state',
  'home.participant': 'participant',
};
