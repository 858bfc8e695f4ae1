import { BOARD_SCOPES, TARGET_KINDS } from '@musyawarah/core/boards/vocabulary';
import {
  Button,
  CheckboxesField,
  CheckboxField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
  useMemberStateOptions,
} from '@musyawarah/ui';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ActionsPicker } from '../consultations/ActionsPicker';
import type { BoardFormValues } from './boardForm';
import { emptyTarget } from './boardForm';
import { useConstituencyOptions } from './shared';

export function BoardFields({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const stateOptions = useMemberStateOptions();
  const scope = useWatch({ name: 'scope' }) as string;
  return (
    <>
      <h2 className="heading-l">{t('boards.editor.aboutHeading')}</h2>
      <TextField name="name.en" label={t('boards.editor.name')} width="full" />
      <RadioGroupField
        name="scope"
        legend={t('boards.editor.scope')}
        options={BOARD_SCOPES.map((s) => ({
          value: s,
          label: t(`boards.scope.${s}`),
          hint: t(`boards.scopeHint.${s}`),
        }))}
      />
      {scope === 'member_state' && (
        <SelectField
          keepBlank
          name="memberState"
          label={t('boards.editor.memberState')}
          options={stateOptions}
          placeholder={t('common.selectPlaceholder')}
        />
      )}
      <TextAreaField
        name="mandate.en"
        label={t('boards.editor.mandate')}
        hint={t('boards.editor.mandateHint')}
        rows={6}
      />
      <ActionsPicker
        formId={formId}
        label={t('boards.editor.actions')}
        hint={t('boards.editor.actionsHint')}
      />

      <h2 className="heading-l">{t('boards.editor.lifeHeading')}</h2>
      <TextField name="lifeStartsOn" type="date" label={t('boards.editor.lifeStartsOn')} width="20" />
      <TextField
        name="lifeEndsOn"
        type="date"
        label={t('boards.editor.lifeEndsOn')}
        hint={t('boards.editor.lifeEndsOnHint')}
        width="20"
        optional
      />
      <TextField
        name="seatCapacity"
        label={t('boards.editor.seatCapacity')}
        hint={t('boards.editor.seatCapacityHint')}
        inputMode="numeric"
        width="5"
      />
      <CheckboxField
        name="published"
        label={t('boards.editor.published')}
        hint={t('boards.editor.publishedHint')}
      />

      <h2 className="heading-l">{t('boards.editor.targetsHeading')}</h2>
      <p className="hint">{t('boards.editor.targetsHint')}</p>
      <TargetsEditor />

      <h2 className="heading-l">{t('boards.editor.criteriaHeading')}</h2>
      <p className="hint">{t('boards.editor.criteriaHint')}</p>
      <CriteriaEditor />
    </>
  );
}

/** Representation targets: one fieldset per target, the inputs shown depend on its kind. */
function TargetsEditor() {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ name: 'targets' });
  const values = useWatch({ name: 'targets' }) as BoardFormValues['targets'] | undefined;
  const constituencies = useConstituencyOptions();
  return (
    <>
      {fields.length === 0 && <p>{t('boards.editor.noTargets')}</p>}
      {fields.map((field, index) => {
        const kind = values?.[index]?.kind;
        return (
          <fieldset key={field.id} className="fieldset board-row">
            <legend className="legend">{t('boards.editor.target', { n: index + 1 })}</legend>
            <SelectField
              name={`targets.${index}.kind`}
              label={t('boards.editor.targetKind')}
              options={TARGET_KINDS.map((k) => ({ value: k, label: t(`boards.targetKind.${k}`) }))}
            />
            {kind === 'min_share' && (
              <>
                <CheckboxesField
                  name={`targets.${index}.constituencies`}
                  legend={t('boards.editor.targetConstituencies')}
                  hint={t('boards.editor.targetConstituenciesHint')}
                  options={constituencies}
                  columns
                />
                <TextField
                  name={`targets.${index}.minPercent`}
                  label={t('boards.editor.minPercent')}
                  inputMode="numeric"
                  width="5"
                />
              </>
            )}
            {kind === 'min_count' && (
              <>
                <SelectField
                  keepBlank
                  name={`targets.${index}.constituency`}
                  label={t('boards.editor.targetConstituency')}
                  options={constituencies}
                  placeholder={t('common.selectPlaceholder')}
                />
                <TextField
                  name={`targets.${index}.minCount`}
                  label={t('boards.editor.minCount')}
                  inputMode="numeric"
                  width="5"
                />
              </>
            )}
            {kind === 'max_per_member_state' && (
              <TextField
                name={`targets.${index}.maxSeats`}
                label={t('boards.editor.maxSeats')}
                inputMode="numeric"
                width="5"
              />
            )}
            {kind === 'max_gender_share' && (
              <TextField
                name={`targets.${index}.maxPercent`}
                label={t('boards.editor.maxPercent')}
                hint={t('boards.editor.maxPercentHint')}
                inputMode="numeric"
                width="5"
              />
            )}
            <Button variant="secondary" size="small" onClick={() => remove(index)}>
              {t('boards.editor.removeTarget', { n: index + 1 })}
            </Button>
          </fieldset>
        );
      })}
      <Button variant="secondary" onClick={() => append(emptyTarget())}>
        {t('boards.editor.addTarget')}
      </Button>
    </>
  );
}

function CriteriaEditor() {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ name: 'selectionCriteria' });
  return (
    <>
      {fields.length === 0 && <p>{t('boards.editor.noCriteria')}</p>}
      {fields.map((field, index) => (
        <fieldset key={field.id} className="fieldset board-row">
          <legend className="legend">{t('boards.editor.criterion', { n: index + 1 })}</legend>
          <TextField
            name={`selectionCriteria.${index}.label.en`}
            label={t('boards.editor.criterionLabel')}
            width="full"
          />
          <TextField
            name={`selectionCriteria.${index}.weight`}
            label={t('boards.editor.criterionWeight')}
            hint={t('boards.editor.criterionWeightHint')}
            inputMode="numeric"
            width="5"
          />
          <Button variant="secondary" size="small" onClick={() => remove(index)}>
            {t('boards.editor.removeCriterion', { n: index + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => append({ key: '', label: { en: '' }, weight: '1' })}>
        {t('boards.editor.addCriterion')}
      </Button>
    </>
  );
}
