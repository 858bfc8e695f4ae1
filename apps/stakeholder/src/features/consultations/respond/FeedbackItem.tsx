import { FEEDBACK_TYPES } from '@musyawarah/core/consultation/vocabulary';
import { FREE_TEXT_MAX } from '@musyawarah/core';
import { LinkButton, SelectField, TextAreaField, type Option } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';

/** One point of feedback, on `items.<index>`: its kind, its text and, optionally, the Roadmap action it is about. */
export function FeedbackItem({
  index,
  actionOptions,
  onRemove,
}: {
  index: number;
  actionOptions: Option[];
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const base = `items.${index}`;
  return (
    <fieldset className="fieldset feedback-item">
      <legend className="legend legend--m">
        {t('consultations.respond.itemLegend', { number: index + 1 })}
      </legend>
      <SelectField
        name={`${base}.type`}
        keepBlank
        label={t('consultations.respond.itemType')}
        options={FEEDBACK_TYPES.map((type) => ({ value: type, label: t(`consultations.itemType.${type}`) }))}
      />
      <TextAreaField
        name={`${base}.text`}
        label={t('consultations.respond.itemText')}
        rows={5}
        maxLength={FREE_TEXT_MAX}
      />
      <SelectField
        name={`${base}.actionId`}
        keepBlank
        optional
        label={t('consultations.respond.itemAction')}
        hint={t('consultations.respond.itemActionHint')}
        placeholder={t('consultations.respond.noAction')}
        options={actionOptions}
      />
      <LinkButton tone="warning" onClick={onRemove}>
        {t('consultations.respond.removeItem', { number: index + 1 })}
      </LinkButton>
    </fieldset>
  );
}
