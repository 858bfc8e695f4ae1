import type { Access } from '../access-policy';

/**
 * Who may call the event-registration procedures added for issue #11 (they live in `contributions.*`, beside
 * `registerForEvent` and `myRegistration`); merged into ACCESS_POLICY. A participant can only see and cancel their
 * own registration; the Secretariat sees everyone's, with accommodations, and may cancel any.
 */
export const eventsAccess: Record<string, Access> = {
  'contributions.myRegistrations': 'authed',
  'contributions.cancelRegistration': 'authed',
  'contributions.cancelRegistrationFor': 'secretariat',
  'contributions.eventRegistrations': 'secretariat',
  'contributions.exportRegistrations': 'secretariat',
};
