import type { Access } from '../access-policy';

/** Who may call each `boards.*` procedure; merged into ACCESS_POLICY. Scope checks (own board, own state) are tested separately. */
export const boardsAccess: Record<string, Access> = {};
