import type { Access } from '../access-policy';

/**
 * Who may call each `review.*` procedure; merged into ACCESS_POLICY. Scope checks — a representative speaks only for
 * their own state, participants read edits only from the comment period and only in cycles that invite them,
 * confidential comments — are in the procedures and tested in review.test.ts.
 */
export const reviewAccess: Record<string, Access> = {
  'review.framework': 'public',
  'review.frameworkVersion': 'public',
  'review.cycles': 'public',
  'review.cycle': 'public',
  'review.youSaidWeDid': 'public',
  'review.outcomeOfContribution': 'public',
  'review.edits': 'authed',
  'review.comments': 'authed',
  'review.addComment': 'authed',
  'review.myAssessment': 'member_state',
  'review.saveAssessment': 'member_state',
  'review.submitAssessment': 'member_state',
  'review.recordPosition': 'member_state',
  'review.frameworkVersions': 'secretariat',
  'review.saveFramework': 'secretariat',
  'review.adminCycles': 'secretariat',
  'review.adminCycle': 'secretariat',
  'review.createCycle': 'secretariat',
  'review.updateCycle': 'secretariat',
  'review.advancePhase': 'secretariat',
  'review.returnToFinalisation': 'secretariat',
  'review.assessmentResults': 'secretariat',
  'review.createEdit': 'secretariat',
  'review.updateEdit': 'secretariat',
  'review.deleteEdit': 'secretariat',
  'review.positionsMatrix': 'secretariat',
  'review.resolveEdit': 'secretariat',
  'review.answerPosition': 'secretariat',
  'review.answerComment': 'secretariat',
  'review.adopt': 'secretariat',
  'review.closeCycle': 'secretariat',
  'review.timelinessReport': 'secretariat',
};
