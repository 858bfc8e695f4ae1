import { fieldId, usePageErrorFlag } from '@musyawarah/ui';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type CriteriaData } from '../data';
import { FORM_ID } from './formId';

/** GOV.UK error summary listing the criteria still to answer, each linking to its first option. */
export function MissingSummary({
  ids,
  criteria,
  token,
}: {
  ids: string[];
  criteria: CriteriaData;
  token: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const page = usePageErrorFlag();
  const visible = ids.length > 0;
  useEffect(() => {
    page?.setHasError(visible);
    return () => page?.setHasError(false);
  }, [page, visible]);
  useEffect(() => {
    if (visible && token > 0) ref.current?.focus();
  }, [token, visible]);
  if (!visible) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {t('layout.errorSummary.title')}
      </h2>
      <div className="error-summary__body">
        <p>{t('assessment.submit.missingIntro', { count: ids.length })}</p>
        <ul className="error-summary__list missing-list">
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
                  {inPillar.map((id) => {
                    const target = fieldId(FORM_ID, `answers.${id}`);
                    return (
                      <li key={id}>
                        <a
                          href={`#${target}`}
                          onClick={(event) => {
                            const input = document.getElementById(target);
                            if (!input) return;
                            event.preventDefault();
                            input.focus({ preventScroll: true });
                            (input.closest('.form-group') ?? input).scrollIntoView({ block: 'start' });
                          }}
                        >
                          <span className="visually-hidden">{t('assessment.submit.answerPrefix')} </span>
                          {id}
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
