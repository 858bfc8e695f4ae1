import { cx, fieldId, LinkButton, useMessage } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Header, ListBox, ListBoxItem, ListBoxSection, type Selection } from 'react-aria-components';
import { get, useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';

/**
 * The Roadmap actions a round asks about: a react-aria list box with multiple selection (arrow keys move, Space ticks),
 * grouped by action area; the chosen ones are listed below it with a button to remove each.
 */
export function ActionsPicker({ formId, label, hint }: { formId: string; label?: string; hint?: string }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const trpc = useTRPC();
  const ids = useQuery(trpc.catalogue.ids.queryOptions());
  const { field } = useController({ name: 'actionIds' });
  const { formState } = useFormContext();
  const error = get<unknown, { message?: string } | undefined>(formState.errors, 'actionIds')?.message;
  const labelId = useId();
  const hintId = useId();
  const value = (field.value ?? []) as string[];
  const id = fieldId(formId, 'actionIds');
  const onChange = (keys: Selection) => {
    if (keys === 'all') return;
    field.onChange([...keys].map(String));
  };
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <p className="label" id={labelId}>
        {label ?? t('consultations.editor.actions')} <span className="optional">{t('layout.optional')}</span>
      </p>
      <div className="hint" id={hintId}>
        {hint ?? t('consultations.editor.actionsHint')}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('layout.errorPrefix')}</span> {tm(error)}
        </p>
      )}
      {ids.data && (
        <ListBox
          id={id}
          aria-labelledby={labelId}
          aria-describedby={hintId}
          className="consult-listbox"
          selectionMode="multiple"
          selectedKeys={new Set(value)}
          onSelectionChange={onChange}
        >
          {ids.data.map((area) => (
            <ListBoxSection key={area.id} id={`section-${area.id}`} className="consult-listbox__section">
              <Header className="consult-listbox__header">
                {area.id} {area.title}
              </Header>
              <ListBoxItem
                id={area.id}
                textValue={`${area.id} ${area.title}`}
                className="consult-listbox__item"
              >
                {t('consultations.editor.wholeArea', { id: area.id })}
              </ListBoxItem>
              {area.subActionIds.map((sub) => (
                <ListBoxItem key={sub} id={sub} textValue={sub} className="consult-listbox__item">
                  {sub}
                </ListBoxItem>
              ))}
            </ListBoxSection>
          ))}
        </ListBox>
      )}
      <p className="consult-chosen" aria-live="polite">
        {value.length === 0
          ? t('consultations.editor.noActions')
          : t('consultations.editor.chosenActions', { count: value.length })}
      </p>
      {value.length > 0 && (
        <ul className="consult-chips">
          {value.map((action) => (
            <li key={action}>
              {action}{' '}
              <LinkButton onClick={() => field.onChange(value.filter((v) => v !== action))}>
                {t('consultations.editor.remove')}
                <span className="visually-hidden"> {action}</span>
              </LinkButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
