/**
 * Who may call each procedure. This table is not used to enforce anything (the named procedures in trpc.ts do that);
 * it is the reviewed statement of intent that the authorization test checks every procedure against, so a procedure
 * added without a decision here fails the build.
 */
import { boardsAccess } from './policy/boards';
import { notificationsAccess } from './policy/notifications';
import { editionsAccess } from './policy/editions';
import { eventsAccess } from './policy/events';
import { homeAccess } from './policy/home';
import { jobsAccess } from './policy/jobs';
import { insightAccess } from './policy/insight';
import { reportsAccess } from './policy/reports';
import { reviewAccess } from './policy/review';
import { roundDocumentsAccess } from './policy/round-documents';

export type Access = 'public' | 'authed' | 'participant' | 'secretariat' | 'member_state';

export const ACCESS_POLICY: Record<string, Access> = {
  'reference.memberStates': 'public',
  'auth.me': 'public',
  'auth.register': 'public',
  'auth.confirmEmail': 'public',
  'auth.resendConfirmation': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'authed',
  'auth.signOutEverywhere': 'authed',
  'auth.requestPasswordReset': 'public',
  'auth.completePasswordReset': 'public',
  'auth.invitationDetails': 'public',
  'auth.acceptInvitation': 'public',
  'account.sessions': 'authed',
  'account.revokeSession': 'authed',
  'account.updateProfile': 'authed',
  'account.setLocale': 'authed',
  'account.exportData': 'authed',
  'account.deleteAccount': 'authed',
  'users.list': 'secretariat',
  'users.invite': 'secretariat',
  'users.invitations': 'secretariat',
  'users.revokeInvitation': 'secretariat',
  'users.resendInvitation': 'secretariat',
  'mail.outbox': 'secretariat',
  'audit.list': 'secretariat',
  'catalogue.overview': 'public',
  'catalogue.list': 'public',
  'catalogue.actionArea': 'public',
  'catalogue.ids': 'public',
  'readiness.criteria': 'public',
  'readiness.score': 'public',
  'assessments.listOwn': 'member_state',
  'assessments.getOwn': 'member_state',
  'assessments.start': 'member_state',
  'assessments.saveDraft': 'member_state',
  'assessments.submit': 'member_state',
  'assessments.compareOwn': 'member_state',
  'assessments.regional': 'secretariat',
  'assessments.getSubmitted': 'secretariat',
  'assessments.exportRegional': 'secretariat',
  'rounds.listPublic': 'public',
  'rounds.get': 'public',
  'rounds.adminList': 'secretariat',
  'rounds.adminGet': 'secretariat',
  'rounds.create': 'secretariat',
  'rounds.update': 'secretariat',
  'rounds.transition': 'secretariat',
  'rounds.saveQuestions': 'secretariat',
  'rounds.addTheme': 'secretariat',
  'rounds.participation': 'secretariat',
  'contributions.myDraft': 'authed',
  'contributions.saveDraft': 'authed',
  'contributions.submit': 'authed',
  'contributions.submitOnBehalf': 'secretariat',
  'contributions.mine': 'authed',
  'contributions.mineDetail': 'authed',
  'contributions.listPublic': 'public',
  'contributions.report': 'authed',
  'contributions.moderationQueue': 'secretariat',
  'contributions.hide': 'secretariat',
  'contributions.unhide': 'secretariat',
  'contributions.dismissReports': 'secretariat',
  'contributions.respond': 'secretariat',
  'contributions.setThemes': 'secretariat',
  'contributions.registerForEvent': 'authed',
  'contributions.myRegistration': 'authed',
  'contributions.export': 'secretariat',
  'translations.locales': 'secretariat',
  'translations.list': 'secretariat',
  'translations.approve': 'secretariat',
  'translations.approveAsIs': 'secretariat',
  ...boardsAccess,
  ...editionsAccess,
  ...eventsAccess,
  ...homeAccess,
  ...jobsAccess,
  ...insightAccess,
  ...reportsAccess,
  ...reviewAccess,
  ...roundDocumentsAccess,
  ...notificationsAccess,
};

export type Actor = 'anonymous' | 'stakeholder' | 'member_state' | 'secretariat';
export const ACTORS: readonly Actor[] = ['anonymous', 'stakeholder', 'member_state', 'secretariat'];

export function isAllowed(access: Access, actor: Actor): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'authed':
      return actor !== 'anonymous';
    case 'participant':
      return actor === 'stakeholder';
    case 'secretariat':
      return actor === 'secretariat';
    case 'member_state':
      return actor === 'member_state';
  }
}
