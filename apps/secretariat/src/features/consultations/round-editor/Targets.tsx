import { REPRESENTATION_DIMENSIONS } from '@musyawarah/core/consultation/vocabulary';
import { MEMBER_STATE_CODES, STAKEHOLDER_GROUPS } from '@musyawarah/core/domain';
import { Button, SelectField, TextField, useLanguageOptions, useMemberStateOptions } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import type { RoundFormValues } from '../roundForm';
import { english } from '../shared';

export function Targets() {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ name: 'targets' });
  const values = useWatch({ name: 'targets' }) as RoundFormValues['targets'] | undefined;
  const languageOptions = useLanguageOptions();
  const stateOptions = useMemberStateOptions();
  const groupOptions = STAKEHOLDER_GROUPS.map((g) => ({
    value: g,
    label: t(`common.stakeholderGroups.${g}`),
  }));
  const valueOptions = (dimension: string | undefined) =>
    dimension === 'member_state'
      ? stateOptions.filter((o) => (MEMBER_STATE_CODES as readonly string[]).includes(o.value))
      : dimension === 'language'
        ? languageOptions
        : groupOptions;
  return (
    <>
      {fields.length === 0 && <p>{t('consultations.editor.noTargets')}</p>}
      {fields.map((field, index) => (
        <fieldset key={field.id} className="fieldset consult-row">
          <legend className="legend">{t('consultations.editor.target', { n: index + 1 })}</legend>
          <SelectField
            name={`targets.${index}.dimension`}
            label={t('consultations.editor.dimension')}
            options={REPRESENTATION_DIMENSIONS.map((d) => ({
              value: d,
              label: t(`consultations.dimension.${d}`),
            }))}
          />
          <SelectField
            keepBlank
            name={`targets.${index}.value`}
            label={t('consultations.editor.value')}
            options={valueOptions(values?.[index]?.dimension)}
            placeholder={t('common.selectPlaceholder')}
          />
          <TextField
            name={`targets.${index}.minimum`}
            label={t('consultations.editor.minimum')}
            inputMode="numeric"
            width="5"
          />
          <Button variant="secondary" size="small" onClick={() => remove(index)}>
            {t('consultations.editor.removeTarget', { n: index + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() => append({ dimension: 'stakeholder_group', value: '', minimum: '' })}
      >
        {t('consultations.editor.addTarget')}
      </Button>
    </>
  );
}

/** The advisory boards a round can be addressed to (C2.1 consultation sessions), by name. */
export function BoardSelect() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const boards = useQuery(trpc.boards.adminList.queryOptions());
  return (
    <SelectField
      keepBlank
      name="boardId"
      label={t('consultations.editor.boardId')}
      hint={t('consultations.editor.boardIdHint')}
      placeholder={
        boards.isPending ? t('consultations.editor.boardsLoading') : t('consultations.editor.boardChoose')
      }
      options={(boards.data ?? [])
        .filter((board) => board.status !== 'dissolved')
        .map((board) => ({ value: board.id, label: english(board.name) }))}
    />
  );
}
