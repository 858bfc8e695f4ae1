import { FEEDBACK_TYPES } from '@musyawarah/core/consultation/vocabulary';
import { LinkButton, cx, fieldId } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { FORM_ID } from './formId';
import { type Item } from './values';
import { FieldErrorText, SelectBox } from './fields';

export function FeedbackItem({
  index,
  item,
  errors,
  actionOptions,
  onChange,
  onRemove,
}: {
  index: number;
  item: Item;
  errors: Record<string, string>;
  actionOptions: { value: string; label: string }[];
  onChange: (item: Item) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const base = `items.${index}`;
  const textId = fieldId(FORM_ID, `${base}.text`);
  const textError = errors[`${base}.text`];
  return (
    <fieldset className="fieldset feedback-item">
      <legend className="legend legend--m">
        {t('consultations.respond.itemLegend', { number: index + 1 })}
      </legend>
      <SelectBox
        path={`${base}.type`}
        label={t('consultations.respond.itemType')}
        value={item.type}
        error={errors[`${base}.type`]}
        options={FEEDBACK_TYPES.map((type) => ({ value: type, label: t(`consultations.itemType.${type}`) }))}
        onChange={(type) => {
          if (type) onChange({ ...item, type });
        }}
      />
      <div className={cx('form-group', textError && 'form-group--error')}>
        <label className="label" htmlFor={textId}>
          {t('consultations.respond.itemText')}
        </label>
        {textError && <FieldErrorText path={`${base}.text`} message={textError} />}
        <textarea
          id={textId}
          className={cx('textarea', textError && 'textarea--error')}
          rows={5}
          maxLength={10_000}
          value={item.text}
          aria-describedby={textError ? `${textId}-error` : undefined}
          aria-invalid={textError ? true : undefined}
          onChange={(e) => onChange({ ...item, text: e.target.value })}
        />
      </div>
      <SelectBox
        path={`${base}.actionId`}
        label={t('consultations.respond.itemAction')}
        hint={t('consultations.respond.itemActionHint')}
        optional
        value={item.actionId}
        error={errors[`${base}.actionId`]}
        placeholder={t('consultations.respond.noAction')}
        options={actionOptions}
        onChange={(v) => onChange({ ...item, actionId: v })}
      />
      <LinkButton tone="warning" onClick={onRemove}>
        {t('consultations.respond.removeItem', { number: index + 1 })}
      </LinkButton>
    </fieldset>
  );
}
