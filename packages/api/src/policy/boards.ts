import type { Access } from '../access-policy';

/**
 * Who may call each `boards.*` procedure; merged into ACCESS_POLICY. `authed` procedures are further scoped in the
 * procedure: members reach only boards where they hold an active seat, applicants only their own nominations
 * (boards.test.ts checks that another person's ids are answered NOT_FOUND, not with data).
 */
export const boardsAccess: Record<string, Access> = {
  'boards.constituencies': 'public',
  'boards.listPublic': 'public',
  'boards.getPublic': 'public',
  'boards.openCalls': 'public',

  'boards.submitNomination': 'authed',
  'boards.myNominations': 'authed',
  'boards.withdrawNomination': 'authed',
  'boards.myBoards': 'authed',
  'boards.memberBoard': 'authed',
  'boards.memberSession': 'authed',
  'boards.rsvp': 'authed',
  'boards.submitInput': 'authed',
  'boards.answerSurvey': 'authed',
  'boards.updateMySeat': 'authed',

  'boards.adminList': 'secretariat',
  'boards.adminGet': 'secretariat',
  'boards.create': 'secretariat',
  'boards.update': 'secretariat',
  'boards.transition': 'secretariat',
  'boards.setTargets': 'secretariat',
  'boards.addConstituency': 'secretariat',
  'boards.seats': 'secretariat',
  'boards.addSeat': 'secretariat',
  'boards.updateSeat': 'secretariat',
  'boards.endSeat': 'secretariat',
  'boards.calls': 'secretariat',
  'boards.createCall': 'secretariat',
  'boards.updateCall': 'secretariat',
  'boards.closeCall': 'secretariat',
  'boards.nominations': 'secretariat',
  'boards.scoreNomination': 'secretariat',
  'boards.acceptNomination': 'secretariat',
  'boards.declineNomination': 'secretariat',
  'boards.sessions': 'secretariat',
  'boards.session': 'secretariat',
  'boards.createSession': 'secretariat',
  'boards.updateSession': 'secretariat',
  'boards.invite': 'secretariat',
  'boards.recordAttendance': 'secretariat',
  'boards.saveMinutes': 'secretariat',
  'boards.surveyResults': 'secretariat',
  'boards.closeSurvey': 'secretariat',
  'boards.training': 'secretariat',
  'boards.addTraining': 'secretariat',
  'boards.updateTraining': 'secretariat',
  'boards.monitor': 'secretariat',
  'boards.participation': 'secretariat',
  'boards.measures': 'secretariat',
};
