import { Button, FieldError, fieldId, type Option } from '@musyawarah/ui';
import { useFieldArray, useFormState, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FeedbackItem } from './FeedbackItem';
import { FORM_ID } from './formId';
import type { Values } from './values';

const MAX_ITEMS = 20;

/** The points of feedback: added and removed as a list, focus moved to the new item or back to "Add". */
export function FeedbackItems<TParsed>({
  control,
  actionOptions,
}: {
  control: Control<Values, unknown, TParsed>;
  actionOptions: Option[];
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'items' });
  // A rule about the list as a whole ("say something") sits on `items` (the API's path) or, from the form's own
  // check, on `items.root` (react-hook-form's place for a list's own error); both are shown here.
  const { errors } = useFormState({ control, name: 'items' });
  const error = errors.items?.root?.message ?? errors.items?.message;
  const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);
  return (
    <section aria-labelledby="items-heading" className="feedback-items">
      <h2 className="heading-l" id="items-heading">
        {t('consultations.respond.itemsHeading')}
      </h2>
      <p className="hint" id={fieldId(FORM_ID, 'items')} tabIndex={-1}>
        {t('consultations.respond.itemsHint')}
      </p>
      <div id={fieldId(FORM_ID, 'items.root')} tabIndex={-1}>
        <FieldError name="items" message={error} />
      </div>
      {fields.map((field, index) => (
        <FeedbackItem
          key={field.id}
          index={index}
          actionOptions={actionOptions}
          onRemove={() => {
            remove(index);
            focusLater('add-item');
          }}
        />
      ))}
      {fields.length < MAX_ITEMS && (
        <Button
          variant="secondary"
          id="add-item"
          onClick={() => {
            append({ type: 'suggestion', text: '', actionId: '' }, { shouldFocus: false });
            focusLater(fieldId(FORM_ID, `items.${fields.length}.type`));
          }}
        >
          {fields.length === 0 ? t('consultations.respond.addItem') : t('consultations.respond.addAnother')}
        </Button>
      )}
    </section>
  );
}
