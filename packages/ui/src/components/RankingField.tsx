import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import type { Option } from './ChoiceFields';
import { cx } from './cx';
import { describedBy, FieldError, Hint, LabelText, useField } from './field-parts';
import './RankingField.css';

export interface RankingFieldProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  options: Option[];
  className?: string;
}

/** The order after moving the option at position `from` to position `to` (positions count from 0). */
export function moveRank(order: readonly number[], from: number, to: number): number[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  if (item === undefined || to < 0 || to >= order.length) return [...order];
  next.splice(to, 0, item);
  return next;
}

/** A stored value is an order only when it has one index per option; anything else means "not ordered yet". */
function storedOrder(stored: unknown, count: number): number[] | undefined {
  return Array.isArray(stored) &&
    stored.length === count &&
    stored.every((x): x is number => typeof x === 'number')
    ? stored
    : undefined;
}

/**
 * The options put in order with Up/Down buttons (no dragging needed), each move announced. The value is the option
 * indexes in order, undefined until the person orders them or keeps the order shown; the error summary links to the
 * first Up button.
 */
export function RankingField({ name, legend, hint, optional, options, className }: RankingFieldProps) {
  const { t } = useTranslation();
  const { id, hintId, errorId, error } = useField(name);
  const { field } = useController({ name });
  const value = storedOrder(field.value, options.length);
  const order = value ?? options.map((_, i) => i);
  const [announcement, setAnnouncement] = useState('');
  // The button to focus once the moved option is drawn at its new position.
  const focusAfterMove = useRef<{ position: number; direction: 'up' | 'down' } | null>(null);
  // "Use this order" goes once pressed: focus goes to the words that replace it rather than to the top of the page.
  const focusAfterKeep = useRef(false);

  useEffect(() => {
    if (focusAfterKeep.current) {
      focusAfterKeep.current = false;
      document.getElementById(`${id}-ranked`)?.focus();
    }
    const pending = focusAfterMove.current;
    if (!pending) return;
    focusAfterMove.current = null;
    // The same button on the moved option while it still can move that way, else the other one (at the top there is
    // no Up, at the bottom no Down).
    const other = pending.direction === 'up' ? 'down' : 'up';
    const button = (direction: 'up' | 'down') =>
      document.getElementById(
        direction === 'up' && pending.position === 0 ? id : `${id}-rank-${pending.position}-${direction}`,
      );
    const atEnd = pending.direction === 'up' ? pending.position === 0 : pending.position === order.length - 1;
    (atEnd ? button(other) : button(pending.direction))?.focus();
  });

  const move = (from: number, to: number) => {
    const item = order[from];
    if (item === undefined || to < 0 || to >= order.length) return;
    field.onChange(moveRank(order, from, to));
    focusAfterMove.current = { position: to, direction: to < from ? 'up' : 'down' };
    setAnnouncement(
      t('layout.ranking.moved', {
        option: options[item]?.label ?? '',
        position: to + 1,
        total: options.length,
      }),
    );
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
          <p className="hint">{t('layout.ranking.hint')}</p>
          <ol className="ranking__list">
            {order.map((optionIndex, position) => {
              const option = options[optionIndex];
              const context = (
                <span className="visually-hidden">
                  {' '}
                  {t('layout.ranking.buttonContext', { option: option?.label ?? '', position: position + 1 })}
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
                      onClick={() => move(position, position - 1)}
                    >
                      <span aria-hidden="true">↑</span> {t('layout.ranking.up')}
                      {context}
                    </Button>
                    <Button
                      variant="secondary"
                      size="small"
                      id={`${id}-rank-${position}-down`}
                      aria-disabled={position === order.length - 1 ? true : undefined}
                      onClick={() => move(position, position + 1)}
                    >
                      <span aria-hidden="true">↓</span> {t('layout.ranking.down')}
                      {context}
                    </Button>
                  </span>
                </li>
              );
            })}
          </ol>
          {value ? (
            <p className="hint" id={`${id}-ranked`} tabIndex={-1}>
              {t('layout.ranking.ranked')}
            </p>
          ) : (
            <p>
              <Button
                variant="secondary"
                onClick={() => {
                  focusAfterKeep.current = true;
                  field.onChange(order);
                }}
              >
                {t('layout.ranking.keepOrder')}
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
