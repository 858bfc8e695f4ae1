import type { Access } from '../access-policy';

/** Who may call each `editions.*` procedure; merged into ACCESS_POLICY. Scope checks (own board, own state) are tested separately. */
export const editionsAccess: Record<string, Access> = {};
