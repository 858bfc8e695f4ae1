import { ACCOMMODATIONS } from '@musyawarah/core/consultation/vocabulary';
import { SESSION_KINDS, SESSION_METHODS, SESSION_MODES } from '@musyawarah/core/boards/vocabulary';
import {
  Button,
  CheckboxesField,
  DateTimeField,
  RadioGroupField,
  SelectField,
  TextField,
  useLanguageOptions,
} from '@musyawarah/ui';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ActionsPicker } from '../consultations/ActionsPicker';

/** The session editor's fields; `boardActions` are offered for agenda items (the Roadmap actions the board advises on). */
export function SessionFields({ formId, boardActions }: { formId: string; boardActions: readonly string[] }) {
  const { t } = useTranslation();
  const languageOptions = useLanguageOptions();
  const mode = useWatch({ name: 'mode' }) as string;
  return (
    <>
      <h2 className="heading-l">{t('boards.sessionEditor.aboutHeading')}</h2>
      <TextField name="title.en" label={t('boards.sessionEditor.title')} width="full" />
      <RadioGroupField
        name="kind"
        legend={t('boards.sessionEditor.kind')}
        options={SESSION_KINDS.map((k) => ({
          value: k,
          label: t(`boards.sessionKind.${k}`),
          hint: t(`boards.sessionKindHint.${k}`),
        }))}
      />
      <SelectField
        name="method"
        label={t('boards.sessionEditor.method')}
        options={SESSION_METHODS.map((m) => ({ value: m, label: t(`boards.sessionMethod.${m}`) }))}
      />

      <h2 className="heading-l">{t('boards.sessionEditor.whenHeading')}</h2>
      <DateTimeField name="startsAt" label={t('boards.sessionEditor.startsAt')} />
      <DateTimeField name="endsAt" label={t('boards.sessionEditor.endsAt')} />
      <RadioGroupField
        name="mode"
        legend={t('boards.sessionEditor.mode')}
        options={SESSION_MODES.map((m) => ({ value: m, label: t(`boards.sessionMode.${m}`) }))}
      />
      {mode !== 'online' && <TextField name="venue" label={t('boards.sessionEditor.venue')} width="full" />}
      {mode !== 'in_person' && (
        <TextField
          name="link"
          label={t('boards.sessionEditor.link')}
          hint={t('boards.sessionEditor.linkHint')}
          type="url"
          inputMode="url"
          width="full"
        />
      )}

      <h2 className="heading-l">{t('boards.sessionEditor.accessHeading')}</h2>
      <CheckboxesField
        name="languages"
        legend={t('boards.sessionEditor.languages')}
        hint={t('boards.sessionEditor.languagesHint')}
        options={languageOptions}
        columns
      />
      <CheckboxesField
        name="accommodations"
        legend={t('boards.sessionEditor.accommodations')}
        hint={t('boards.sessionEditor.accommodationsHint')}
        options={ACCOMMODATIONS.map((a) => ({ value: a, label: t(`consultations.accommodation.${a}`) }))}
        optional
        columns
      />

      <h2 className="heading-l">{t('boards.sessionEditor.agendaHeading')}</h2>
      <Agenda boardActions={boardActions} />
      <ActionsPicker
        formId={formId}
        label={t('boards.sessionEditor.actions')}
        hint={t('boards.sessionEditor.actionsHint')}
      />
    </>
  );
}

function Agenda({ boardActions }: { boardActions: readonly string[] }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ name: 'agenda' });
  const actionOptions = boardActions.map((a) => ({ value: a, label: a }));
  return (
    <>
      {fields.length === 0 && <p>{t('boards.sessionEditor.noAgenda')}</p>}
      <ol className="list-plain">
        {fields.map((field, index) => (
          <li key={field.id}>
            <fieldset className="fieldset board-row">
              <legend className="legend">{t('boards.sessionEditor.agendaItem', { n: index + 1 })}</legend>
              <TextField
                name={`agenda.${index}.title`}
                label={t('boards.sessionEditor.agendaTitle')}
                width="full"
              />
              <SelectField
                keepBlank
                name={`agenda.${index}.actionId`}
                label={t('boards.sessionEditor.agendaAction')}
                options={actionOptions}
                placeholder={t('boards.sessionEditor.noAction')}
                optional
              />
              <Button variant="secondary" size="small" onClick={() => remove(index)}>
                {t('boards.sessionEditor.removeAgendaItem', { n: index + 1 })}
              </Button>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={() => append({ id: '', title: '', actionId: '' })}>
        {t('boards.sessionEditor.addAgendaItem')}
      </Button>
    </>
  );
}
