import { useMessage, type Message } from '@musyawarah/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keys the assessment API sends that the shared namespaces may not (yet) translate. Ours are used only when the shared
 * translation is missing, so the shared one wins once it exists.
 */
const FALLBACKS: Record<string, Record<string, string>> = {
  assessments: {
    editConflict: 'assessment.apiErrors.editConflict',
    notFound: 'assessment.apiErrors.notFound',
    alreadySubmitted: 'assessment.apiErrors.alreadySubmitted',
  },
  validation: {
    assessmentYearTaken: 'assessment.apiErrors.yearTaken',
    assessmentDraftOpen: 'assessment.apiErrors.draftOpen',
    year: 'assessment.apiErrors.year',
    url: 'assessment.apiErrors.url',
    tooManyLinks: 'assessment.apiErrors.tooManyLinks',
    assessmentAnswer: 'assessment.apiErrors.answer',
  },
};

function fallbackFor(key: string): string | undefined {
  const [ns, ...rest] = key.split('.');
  return FALLBACKS[ns ?? '']?.[rest.join('.')];
}

export function useAssessmentMessage() {
  const { i18n } = useTranslation();
  const tm = useMessage();
  return useCallback(
    (message: Message | string | null | undefined) => {
      if (!message) return '';
      const key = typeof message === 'string' ? message : message.key;
      const fallback = fallbackFor(key);
      if (!i18n.exists(key) && fallback) return tm(fallback);
      return tm(message);
    },
    [i18n, tm],
  );
}
