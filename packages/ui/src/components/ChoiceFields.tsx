import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { cx } from './cx';
import { describedBy, FieldError, Hint, Label, LabelText, useField } from './field-parts';

export interface Option {
  value: string;
  label: string;
  hint?: string;
  /** Language of the label, when it is not the page's (an option in the round's reading language, a language's own name). */
  lang?: string;
}

/** One radio button or checkbox with its label and hint. */
function Choice({
  type,
  id,
  option,
  input,
}: {
  type: 'radio' | 'checkbox';
  id: string;
  option: Option;
  input: UseFormRegisterReturn;
}) {
  return (
    <div className="choice">
      <input
        id={id}
        type={type}
        className="choice__input"
        value={option.value}
        aria-describedby={option.hint ? `${id}-hint` : undefined}
        {...input}
      />
      {/* The hint sits beside the label, not in it: inside, it would be read twice, as the name and again as the
          description. */}
      <div className="choice__text">
        <label className="choice__label" htmlFor={id} lang={option.lang}>
          {option.label}
        </label>
        {option.hint && (
          <div id={`${id}-hint`} className="choice__hint">
            {option.hint}
          </div>
        )}
      </div>
    </div>
  );
}

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export interface SelectFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: Option[];
  /** Label of the empty first option; choosing it sets the value to undefined. */
  placeholder?: string;
  optional?: boolean;
  /** Keep the placeholder's value as '' instead of undefined (for schemas that read '' as "none chosen"). */
  keepBlank?: boolean;
}

export function SelectField({
  name,
  label,
  hint,
  options,
  placeholder,
  optional,
  keepBlank,
}: SelectFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <Label htmlFor={id} label={label} optional={optional} />
      <Hint id={hintId}>{hint}</Hint>
      <FieldError id={errorId} name={name} message={error} />
      <select
        id={id}
        className={cx('select', error && 'select--error')}
        aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
        aria-invalid={error ? true : undefined}
        {...register(name, keepBlank ? {} : { setValueAs: blankToUndefined })}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface RadioGroupFieldProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: Option[];
  optional?: boolean;
  /**
   * `scale`: the options side by side on wider screens, as the points of a rating scale (1 … 5); `inline`: a few short
   * options on one line, wrapping when there is no room (present, absent, excused).
   */
  layout?: 'list' | 'scale' | 'inline';
  className?: string;
  /** Shown under the options, inside the fieldset (e.g. a button that clears the choice). */
  after?: ReactNode;
}

/** Radios in a fieldset; the error summary links to the first radio. */
export function RadioGroupField({
  name,
  legend,
  hint,
  options,
  optional,
  layout = 'list',
  className,
  after,
}: RadioGroupFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className={cx('form-group', error && 'form-group--error', className)}>
      <fieldset className="fieldset" aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}>
        <legend className="legend">
          <LabelText label={legend} optional={optional} />
        </legend>
        <Hint id={hintId}>{hint}</Hint>
        <FieldError id={errorId} name={name} message={error} />
        <div className={cx('choices', layout !== 'list' && `choices--${layout}`)}>
          {options.map((o, index) => {
            const optionId = index === 0 ? id : `${id}-${o.value}`;
            return <Choice key={o.value} type="radio" id={optionId} option={o} input={register(name)} />;
          })}
        </div>
        {after}
      </fieldset>
    </div>
  );
}

export interface CheckboxFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** A single checkbox (e.g. consent). Links belong in the hint, not the label (a click on the label toggles the box). */
export function CheckboxField({ name, label, hint }: CheckboxFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <Hint id={hintId}>{hint}</Hint>
      <FieldError id={errorId} name={name} message={error} />
      <div className="choice">
        <input
          id={id}
          type="checkbox"
          className="choice__input"
          aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}
          aria-invalid={error ? true : undefined}
          {...register(name)}
        />
        <label className="choice__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

export interface CheckboxesFieldProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: Option[];
  /**
   * A second list in the same question under its own heading, ticked into the same value (what an event offers,
   * then what else one may ask for). The heading shows only when `options` has boxes above it.
   */
  more?: { heading: ReactNode; options: Option[] };
  optional?: boolean;
  /** Two columns on wider screens, for long lists of short labels (languages, Member States). */
  columns?: boolean;
  className?: string;
}

/** Checkboxes in a fieldset whose ticked values form an array; the error summary links to the first box. */
export function CheckboxesField({
  name,
  legend,
  hint,
  options,
  more,
  optional,
  columns,
  className,
}: CheckboxesFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  const box = (o: Option, first: boolean) => {
    const optionId = first ? id : `${id}-${o.value}`;
    return <Choice key={o.value} type="checkbox" id={optionId} option={o} input={register(name)} />;
  };
  const choicesClass = cx('choices', columns && 'choices--columns');
  return (
    <div className={cx('form-group', error && 'form-group--error', className)}>
      <fieldset className="fieldset" aria-describedby={describedBy(!!hint && hintId, !!error && errorId)}>
        <legend className="legend">
          <LabelText label={legend} optional={optional} />
        </legend>
        <Hint id={hintId}>{hint}</Hint>
        <FieldError id={errorId} name={name} message={error} />
        {options.length > 0 && (
          <div className={choicesClass}>{options.map((o, index) => box(o, index === 0))}</div>
        )}
        {more && more.options.length > 0 && (
          <div className={cx(choicesClass, options.length > 0 && 'choices--more')}>
            {options.length > 0 && <p className="choices__heading">{more.heading}</p>}
            {more.options.map((o, index) => box(o, options.length === 0 && index === 0))}
          </div>
        )}
      </fieldset>
    </div>
  );
}
