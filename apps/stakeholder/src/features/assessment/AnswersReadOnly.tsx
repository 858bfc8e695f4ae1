import { useTranslation } from 'react-i18next';
import { ANSWERS, cleanAnswers, evidenceDrafts, parseLinks } from './answers';
import { usePoints, type CriteriaData } from './data';

/** A saved assessment's answers and evidence, read-only, by pillar. */
export function AnswersReadOnly({
  criteria,
  answers: rawAnswers,
  evidence: rawEvidence,
}: {
  criteria: CriteriaData;
  answers: unknown;
  evidence: unknown;
}) {
  const { t } = useTranslation();
  const points = usePoints();
  const answers = cleanAnswers(rawAnswers);
  const evidence = evidenceDrafts(rawEvidence);
  return (
    <div className="answers-readonly">
      {criteria.pillars.map((pillar) => (
        <section key={pillar.number} aria-labelledby={`answers-pillar-${pillar.number}`}>
          <h3 className="heading-m" id={`answers-pillar-${pillar.number}`}>
            {t('assessment.pillarNamed', { number: pillar.number, name: pillar.name })}
          </h3>
          <dl className="answer-list">
            {criteria.criteria
              .filter((c) => c.pillar === pillar.number)
              .map((c) => {
                const answer = answers[c.id];
                const option = answer ? c.options[ANSWERS.indexOf(answer)] : undefined;
                const entry = evidence[c.id];
                const links = entry ? parseLinks(entry.links).valid : [];
                return (
                  <div className="answer-list__row" key={c.id} id={c.id}>
                    <dt className="answer-list__question">
                      <span className="criterion__id">{c.id}</span> {c.question}
                    </dt>
                    <dd className="answer-list__answer">
                      {option ? (
                        <>
                          <strong>{option.label}</strong>{' '}
                          <span className="text-secondary">
                            {t('assessment.questionnaire.points', {
                              count: option.points,
                              points: points(option.points),
                            })}
                          </span>
                        </>
                      ) : (
                        <span className="text-secondary">{t('assessment.readOnly.unanswered')}</span>
                      )}
                      {entry?.note && (
                        <p className="answer-list__note">
                          <span className="answer-list__label">{t('assessment.evidence.note')}: </span>
                          {entry.note}
                        </p>
                      )}
                      {links.length > 0 && (
                        <ul className="answer-list__links">
                          {links.map((link) => (
                            <li key={link}>
                              <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                                {link}
                                <span className="visually-hidden"> {t('assessment.readOnly.newTab')}</span>
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </div>
                );
              })}
          </dl>
        </section>
      ))}
    </div>
  );
}
