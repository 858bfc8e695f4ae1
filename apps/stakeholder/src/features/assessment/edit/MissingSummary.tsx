import { cx, fieldId, usePageErrorFlag } from '@musyawarah/ui';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CriteriaData } from '../data';
import { FORM_ID } from './formId';

/**
 * The criteria still to answer, grouped by pillar, each linking to its first option on its pillar's step. On the
 * review step it is a plain list; after an attempt to submit (`asError`) it is the GOV.UK error summary and takes focus.
 */
export function MissingSummary({
  ids,
  criteria,
  asError,
  token,
}: {
  ids: string[];
  criteria: CriteriaData;
  asError: boolean;
  /** Changes on every refused submit, so focus returns to the summary each time. */
  token: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const page = usePageErrorFlag();
  const visible = ids.length > 0;
  const isError = visible && asError;
  useEffect(() => {
    page?.setHasError(isError);
    return () => page?.setHasError(false);
  }, [page, isError]);
  useEffect(() => {
    if (isError && token > 0) ref.current?.focus();
  }, [token, isError]);
  if (!visible) return null;
  return (
    <div
      className={isError ? 'error-summary' : 'unanswered'}
      ref={ref}
      tabIndex={isError ? -1 : undefined}
      aria-labelledby={titleId}
      role={isError ? undefined : 'region'}
    >
      <h3 className={isError ? 'error-summary__title' : 'heading-m'} id={titleId}>
        {isError ? t('layout.errorSummary.title') : t('worksurface.steps.unansweredTitle')}
      </h3>
      <div className={isError ? 'error-summary__body' : undefined}>
        <p>{t('assessment.submit.missingIntro', { count: ids.length })}</p>
        <ul className={cx('missing-list', isError ? 'error-summary__list' : 'list')}>
          {criteria.pillars.map((pillar) => {
            const inPillar = ids.filter(
              (id) => criteria.criteria.find((c) => c.id === id)?.pillar === pillar.number,
            );
            if (inPillar.length === 0) return null;
            return (
              <li key={pillar.number}>
                <span className="missing-list__pillar">
                  {t('assessment.pillarNamed', { number: pillar.number, name: pillar.name })}:
                </span>{' '}
                <ul className="missing-list__ids">
                  {inPillar.map((id) => (
                    <li key={id}>
                      {/* The page focuses the option once its step is shown (useHashFocus). */}
                      <Link
                        to={{ search: `?step=${pillar.number}`, hash: fieldId(FORM_ID, `answers.${id}`) }}
                      >
                        <span className="visually-hidden">{t('assessment.submit.answerPrefix')} </span>
                        {id}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
