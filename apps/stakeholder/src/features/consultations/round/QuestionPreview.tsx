import { useTranslation } from 'react-i18next';
import { useLocalized, type RoundDetail } from '../data';

/** The questions the round asks, listed before the participant starts. */
export function QuestionPreview({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  return (
    <section aria-labelledby="what-we-ask" className="two-thirds">
      <h2 className="heading-l" id="what-we-ask">
        {t('consultations.round.questionsTitle')}
      </h2>
      <ol className="question-preview">
        {round.questions.map((q) => {
          const prompt = pick(q.prompt);
          return (
            <li key={q.id} lang={prompt.language}>
              {prompt.text}
              {q.required && <span className="hint"> {t('consultations.round.requiredQuestion')}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
