import { Button, cx, fieldId, ZawgyiNotice } from '@musyawarah/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsultationMessage, useLocalized, type Question } from './data';

export type AnswerValue = string | number | number[] | undefined;

interface Props {
  formId: string;
  index: number;
  question: Question;
  value: AnswerValue;
  error?: string;
  onChange: (value: AnswerValue) => void;
}

/**
 * One question, accessible for every kind: a fieldset with the prompt as legend (a label for free text), radios for
 * single choice and Likert (end labels on the first and last point), checkboxes for multiple choice, and a ranking
 * reordered with Up/Down buttons (no drag needed), announced after each move.
 */
export function QuestionField({ formId, index, question: q, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const tm = useConsultationMessage();
  const path = `answers.${q.id}`;
  const id = fieldId(formId, path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const prompt = pick(q.prompt);
  const help = q.help ? pick(q.help) : null;
  const describedBy = [help && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const heading = (
    <>
      <span className="question__number">
        {t('consultations.respond.questionNumber', { number: index + 1 })}
      </span>
      <span lang={prompt.language}>{prompt.text}</span>
      {!q.required && <span className="optional"> {t('layout.optional')}</span>}
    </>
  );
  const hint = help && (
    <div className="hint" id={hintId} lang={help.language}>
      {help.text}
    </div>
  );
  const errorText = error && (
    <p className="field-error" id={errorId}>
      <span className="visually-hidden">{t('layout.errorPrefix')}</span> {tm(error, { form: formId, path })}
    </p>
  );
  const groupClass = cx('form-group', 'question', error && 'form-group--error');

  if (q.kind === 'free_text') {
    const text = typeof value === 'string' ? value : '';
    return (
      <div className={groupClass}>
        <label className="label label--question" htmlFor={id}>
          {heading}
        </label>
        {hint}
        {errorText}
        <textarea
          id={id}
          className={cx('textarea', error && 'textarea--error')}
          rows={6}
          maxLength={10_000}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <CharacterCount length={text.length} max={10_000} />
        <ZawgyiNotice value={text} onConvert={onChange} />
      </div>
    );
  }

  const options = q.options.map((o) => pick(o));
  let body: ReactNode;
  if (q.kind === 'single_choice' || q.kind === 'multiple_choice') {
    const multiple = q.kind === 'multiple_choice';
    const selected = multiple
      ? Array.isArray(value)
        ? value
        : []
      : typeof value === 'number'
        ? [value]
        : [];
    body = (
      <div className="choices">
        {multiple && <p className="hint">{t('consultations.respond.selectAll')}</p>}
        {options.map((o, i) => (
          <div className="choice" key={i}>
            <input
              id={i === 0 ? id : `${id}-${i}`}
              className="choice__input"
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              value={i}
              checked={selected.includes(i)}
              onChange={(e) => {
                if (!multiple) onChange(i);
                else {
                  const next = e.target.checked
                    ? [...selected, i].sort((a, b) => a - b)
                    : selected.filter((x) => x !== i);
                  onChange(next.length ? next : undefined);
                }
              }}
            />
            <label className="choice__label" htmlFor={i === 0 ? id : `${id}-${i}`} lang={o.language}>
              {o.text}
            </label>
          </div>
        ))}
        {!multiple && !q.required && typeof value === 'number' && (
          <p>
            <button type="button" className="link-button" onClick={() => onChange(undefined)}>
              {t('consultations.respond.clearChoice')}
            </button>
          </p>
        )}
      </div>
    );
  } else if (q.kind === 'likert') {
    const points = q.likert?.points ?? 5;
    const min = q.likert ? pick(q.likert.minLabel).text : '';
    const max = q.likert ? pick(q.likert.maxLabel).text : '';
    body = (
      <div className="likert">
        <p className="likert__ends" aria-hidden="true">
          <span>1 = {min}</span>
          <span>
            {points} = {max}
          </span>
        </p>
        <div className="likert__points">
          {Array.from({ length: points }, (_, i) => i + 1).map((point) => (
            <div className="choice likert__point" key={point}>
              <input
                id={point === 1 ? id : `${id}-${point}`}
                className="choice__input"
                type="radio"
                name={id}
                value={point}
                checked={value === point}
                onChange={() => onChange(point)}
              />
              <label className="choice__label" htmlFor={point === 1 ? id : `${id}-${point}`}>
                {point}
                {point === 1 && <span className="choice__hint">{min}</span>}
                {point === points && <span className="choice__hint">{max}</span>}
              </label>
            </div>
          ))}
        </div>
      </div>
    );
  } else {
    body = (
      <Ranking
        id={id}
        labels={options}
        value={Array.isArray(value) && value.length === options.length ? value : undefined}
        onChange={onChange}
      />
    );
  }

  return (
    <div className={groupClass}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="legend legend--question">{heading}</legend>
        {hint}
        {errorText}
        {body}
      </fieldset>
    </div>
  );
}

function CharacterCount({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  // Only worth saying near the limit; announced politely so typing is not interrupted.
  if (length < max * 0.9) return null;
  return (
    <p className="hint" aria-live="polite">
      {t('consultations.respond.charactersLeft', { count: max - length })}
    </p>
  );
}

function Ranking({
  id,
  labels,
  value,
  onChange,
}: {
  id: string;
  labels: { text: string; language: string }[];
  value: number[] | undefined;
  onChange: (value: number[]) => void;
}) {
  const { t } = useTranslation();
  const order = value ?? labels.map((_, i) => i);
  const [announcement, setAnnouncement] = useState('');
  const move = (from: number, to: number) => {
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
    setAnnouncement(
      t('consultations.respond.rankMoved', {
        option: labels[item!]?.text ?? '',
        position: to + 1,
        total: labels.length,
      }),
    );
    // Keep focus on the moved item's same button when it still exists, else the other one.
    window.setTimeout(() => {
      const direction = to < from ? 'up' : 'down';
      const target =
        document.getElementById(`${id}-rank-${to}-${direction}`) ??
        document.getElementById(`${id}-rank-${to}-${direction === 'up' ? 'down' : 'up'}`);
      target?.focus();
    }, 0);
  };
  return (
    <div className="ranking">
      <p className="hint">{t('consultations.respond.rankHint')}</p>
      <ol className="ranking__list">
        {order.map((optionIndex, position) => {
          const label = labels[optionIndex];
          return (
            <li className="ranking__item" key={optionIndex}>
              <span className="ranking__position" aria-hidden="true">
                {position + 1}
              </span>
              <span className="ranking__label" lang={label?.language}>
                {label?.text}
              </span>
              <span className="ranking__buttons">
                <Button
                  variant="secondary"
                  size="small"
                  id={position === 0 ? id : `${id}-rank-${position}-up`}
                  aria-disabled={position === 0 ? true : undefined}
                  onClick={() => position > 0 && move(position, position - 1)}
                >
                  <span aria-hidden="true">↑</span> {t('consultations.respond.up')}
                  <span className="visually-hidden">
                    {' '}
                    {t('consultations.respond.rankButtonContext', {
                      option: label?.text ?? '',
                      position: position + 1,
                    })}
                  </span>
                </Button>
                <Button
                  variant="secondary"
                  size="small"
                  id={`${id}-rank-${position}-down`}
                  aria-disabled={position === order.length - 1 ? true : undefined}
                  onClick={() => position < order.length - 1 && move(position, position + 1)}
                >
                  <span aria-hidden="true">↓</span> {t('consultations.respond.down')}
                  <span className="visually-hidden">
                    {' '}
                    {t('consultations.respond.rankButtonContext', {
                      option: label?.text ?? '',
                      position: position + 1,
                    })}
                  </span>
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      {!value && (
        <p>
          <Button variant="secondary" onClick={() => onChange(order)}>
            {t('consultations.respond.keepOrder')}
          </Button>
        </p>
      )}
      {value && <p className="hint">{t('consultations.respond.ranked')}</p>}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
