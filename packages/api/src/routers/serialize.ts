import type { UserAccount } from '@musyawarah/db';

export function toPublicUser(user: UserAccount, organisationName: string | null) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    memberState: user.member_state_code,
    stakeholderGroup: user.stakeholder_group,
    organisationName,
    locale: user.locale,
  };
}
export type PublicUser = ReturnType<typeof toPublicUser>;
