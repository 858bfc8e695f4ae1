import type { Access } from '../access-policy';

/** Who may call each `roundDocuments.*` procedure; merged into ACCESS_POLICY. Drafts' documents stay hidden in the procedures. */
export const roundDocumentsAccess: Record<string, Access> = {
  'roundDocuments.list': 'public',
  'roundDocuments.adminList': 'secretariat',
  'roundDocuments.upload': 'secretariat',
  'roundDocuments.delete': 'secretariat',
  'roundDocuments.recordVisit': 'public',
  'roundDocuments.reach': 'secretariat',
};
