import type { Access } from '../access-policy';

/** Who may call each `review.*` procedure; merged into ACCESS_POLICY. Scope checks (own board, own state) are tested separately. */
export const reviewAccess: Record<string, Access> = {};
