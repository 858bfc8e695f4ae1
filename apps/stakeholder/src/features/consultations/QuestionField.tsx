import { CheckboxesField, LinkButton, RadioGroupField, RankingField, TextAreaField } from '@musyawarah/ui';
import { FREE_TEXT_MAX } from '@musyawarah/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocalized, type Question } from './data';

/**
 * One question, through the kit's fields: a textarea (the prompt as its label) for free text, radios for single
 * choice, a scale of radios for Likert (the end labels beside the first and last point), checkboxes for multiple
 * choice, and a ranking reordered with Up/Down buttons. Each sits on `answers.<question id>`, the path the API's
 * errors name too.
 */
export function QuestionField({ index, question: q }: { index: number; question: Question }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const name = `answers.${q.id}`;
  const prompt = pick(q.prompt);
  const help = q.help ? pick(q.help) : null;
  const heading = (
    <>
      <span className="question__number">
        {t('consultations.respond.questionNumber', { number: index + 1 })}
      </span>
      <span lang={prompt.language}>{prompt.text}</span>
    </>
  );
  const hint = help && <span lang={help.language}>{help.text}</span>;
  const common = { name, hint, optional: !q.required, className: 'question' };
  const options = q.options.map((o, i) => {
    const label = pick(o);
    return { value: String(i), label: label.text, lang: label.language };
  });

  switch (q.kind) {
    case 'free_text':
      return (
        <TextAreaField
          {...common}
          label={heading}
          rows={6}
          maxLength={FREE_TEXT_MAX}
          after={<CharacterCount name={name} max={FREE_TEXT_MAX} />}
        />
      );
    case 'single_choice':
      return (
        <RadioGroupField
          {...common}
          legend={heading}
          options={options}
          after={q.required ? undefined : <ClearChoice name={name} />}
        />
      );
    case 'multiple_choice':
      return (
        <CheckboxesField
          {...common}
          legend={heading}
          hint={
            <>
              {hint}
              {hint && ' '}
              {t('consultations.respond.selectAll')}
            </>
          }
          options={options}
        />
      );
    case 'likert': {
      const points = q.likert?.points ?? 5;
      const min = q.likert ? pick(q.likert.minLabel) : null;
      const max = q.likert ? pick(q.likert.maxLabel) : null;
      return (
        <RadioGroupField
          {...common}
          legend={heading}
          layout="scale"
          options={Array.from({ length: points }, (_, i) => ({
            value: String(i + 1),
            label: String(i + 1),
            hint: i === 0 ? min?.text : i === points - 1 ? max?.text : undefined,
          }))}
        />
      );
    }
    default:
      return <RankingField {...common} legend={heading} options={options} />;
  }
}

function CharacterCount({ name, max }: { name: string; max: number }) {
  const { t } = useTranslation();
  const value: unknown = useWatch({ name });
  const length = typeof value === 'string' ? value.length : 0;
  // Only worth saying near the limit; announced politely so typing is not interrupted.
  if (length < max * 0.9) return null;
  return (
    <p className="hint" aria-live="polite">
      {t('consultations.respond.charactersLeft', { count: max - length })}
    </p>
  );
}

/** Radios cannot be unticked; an optional question offers this instead. */
function ClearChoice({ name }: { name: string }) {
  const { t } = useTranslation();
  const { setValue } = useFormContext();
  const value: unknown = useWatch({ name });
  if (typeof value !== 'string' || value === '') return null;
  return (
    <p>
      <LinkButton onClick={() => setValue(name, '', { shouldDirty: true })}>
        {t('consultations.respond.clearChoice')}
      </LinkButton>
    </p>
  );
}
