import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { CriteriaData } from '../data';
import { REVIEW_STEP, pillarOfCriterion, type Step } from '../PillarSteps';

/** The id of a step's heading, where focus goes when the step changes. */
export function stepHeadingId(formId: string, step: Step): string {
  return step === REVIEW_STEP ? `${formId}-review` : `${formId}-pillar-${step}`;
}

/** `#Q12` or `#assessment-answers-Q12` → `Q12`. */
function criterionInHash(hash: string): string {
  return hash.slice(1).split('-').at(-1) ?? '';
}

/**
 * The editor's step, kept in the address (`?step=2`, `?step=review`) so a reload or a link lands on it; a link to one
 * question without a step (`#Q12`) lands on that question's pillar. Each move is a history entry, so the browser's
 * Back goes to the previous step. When the step changes, focus moves to its heading (unless the address names a
 * question, which the page focuses instead).
 */
export function useEditorStep(criteria: CriteriaData, formId: string) {
  const [params] = useSearchParams();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const pillars = criteria.pillars.length;
  const raw = params.get('step');
  const asNumber = Number(raw);
  const step: Step =
    raw === REVIEW_STEP
      ? REVIEW_STEP
      : Number.isInteger(asNumber) && asNumber >= 1 && asNumber <= pillars
        ? asNumber
        : (pillarOfCriterion(criteria, criterionInHash(hash)) ?? 1);

  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    if (hash.length > 1) return;
    const heading = document.getElementById(stepHeadingId(formId, step));
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    // Show the step list above the heading too: where you are, and the way to the other steps.
    (document.querySelector('.pillar-steps') ?? heading).scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [step, hash, formId]);

  const go = useCallback((next: Step) => void navigate({ search: `?step=${next}` }), [navigate]);
  return { step, go };
}
