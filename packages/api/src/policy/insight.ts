import type { Access } from '../access-policy';

/** Who may call each `insight.*` procedure (issue #17); merged into ACCESS_POLICY. The analysis reads every contribution's text. */
export const insightAccess: Record<string, Access> = {
  'insight.runAnalysis': 'secretariat',
  'insight.analysis': 'secretariat',
  'insight.decide': 'secretariat',
  'openData.list': 'public',
};
