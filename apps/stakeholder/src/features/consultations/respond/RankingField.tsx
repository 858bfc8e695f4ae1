import { Button, FieldError, Hint, LabelText, cx, describedBy, useField, type Option } from '@musyawarah/ui';
import { useState, type ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * The options put in order with Up/Down buttons (no dragging needed), each move announced. The value is the option
 * indexes in order, undefined until the participant orders them or keeps the order shown; the error summary links to
 * the first Up button.
 */
export function RankingField({
  name,
  legend,
  hint,
  optional,
  options,
  className,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  options: Option[];
  className?: string;
}) {
  const { t } = useTranslation();
  const { id, hintId, errorId, error } = useField(name);
  const { field } = useController({ name });
  const stored: unknown = field.value;
  const value =
    Array.isArray(stored) && stored.length === options.length && stored.every((x) => typeof x === 'number')
      ? stored
      : undefined;
  const order = value ?? options.map((_, i) => i);
  const [announcement, setAnnouncement] = useState('');

  const move = (from: number, to: number) => {
    const next = [...order];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    field.onChange(next);
    setAnnouncement(
      t('consultations.respond.rankMoved', {
        option: options[item]?.label ?? '',
        position: to + 1,
        total: options.length,
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
    <div className={cx('form-group', error && 'form-group--error', className)}>
      <fieldset className="fieldset" aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}>
        <legend className="legend">
          <LabelText label={legend} optional={optional} />
        </legend>
        <Hint id={hintId}>{hint}</Hint>
        <FieldError id={errorId} name={name} message={error} />
        <div className="ranking">
          <p className="hint">{t('consultations.respond.rankHint')}</p>
          <ol className="ranking__list">
            {order.map((optionIndex, position) => {
              const option = options[optionIndex];
              const context = (
                <span className="visually-hidden">
                  {' '}
                  {t('consultations.respond.rankButtonContext', {
                    option: option?.label ?? '',
                    position: position + 1,
                  })}
                </span>
              );
              return (
                <li className="ranking__item" key={optionIndex}>
                  <span className="ranking__position" aria-hidden="true">
                    {position + 1}
                  </span>
                  <span className="ranking__label" lang={option?.lang}>
                    {option?.label}
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
                      {context}
                    </Button>
                    <Button
                      variant="secondary"
                      size="small"
                      id={`${id}-rank-${position}-down`}
                      aria-disabled={position === order.length - 1 ? true : undefined}
                      onClick={() => position < order.length - 1 && move(position, position + 1)}
                    >
                      <span aria-hidden="true">↓</span> {t('consultations.respond.down')}
                      {context}
                    </Button>
                  </span>
                </li>
              );
            })}
          </ol>
          {value ? (
            <p className="hint">{t('consultations.respond.ranked')}</p>
          ) : (
            <p>
              <Button variant="secondary" onClick={() => field.onChange(order)}>
                {t('consultations.respond.keepOrder')}
              </Button>
            </p>
          )}
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
        </div>
      </fieldset>
    </div>
  );
}
