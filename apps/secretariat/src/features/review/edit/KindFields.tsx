import type { Catalogue } from '@musyawarah/core/catalogue/types';
import { Button, CheckboxesField, SelectField, TextAreaField, TextField } from '@musyawarah/ui';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ENTRY_FIELDS,
  TERMS,
  entriesOf,
  findArea,
  findSubAction,
  needs,
  type EditFormValues,
} from '../editForm';

const excerpt = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The fields the chosen kind needs, with the base edition's current text beside them. */
export function KindFields({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useTranslation();
  const { setValue } = useFormContext<EditFormValues>();
  const values = useWatch<EditFormValues>() as EditFormValues;
  const need = needs(values.kind);
  const area = findArea(catalogue, values.actionAreaId);
  const subActionNeeded = need.subAction || (need.entryList && values.field !== 'objectives');
  const sub = findSubAction(catalogue, values.subActionId);
  const entries = need.entryList ? entriesOf(catalogue, values) : [];
  const chosenEntry = need.entryIndex && values.index !== '' ? entries[Number(values.index)] : undefined;
  const milestones = need.move && sub ? (sub.milestones[values.from as 'short'] ?? []) : [];
  const current =
    values.kind === 'changeActionAreaTitle'
      ? area?.title
      : values.kind === 'changeSubActionTitle'
        ? sub?.title
        : chosenEntry;
  const termOptions = TERMS.map((term) => ({ value: term, label: t(`reviews.term.${term}`) }));

  return (
    <>
      {need.actionArea && (
        <SelectField
          keepBlank
          name="actionAreaId"
          label={t('reviews.editor.actionArea')}
          placeholder={t('common.selectPlaceholder')}
          options={catalogue.actionAreas.map((a) => ({
            value: a.id,
            label: `${a.id} — ${excerpt(a.title, 70)}`,
          }))}
        />
      )}
      {need.entryList && (
        <SelectField
          name="field"
          label={t('reviews.editor.field')}
          options={ENTRY_FIELDS.map((f) => ({ value: f, label: t(`reviews.field.${f}`) }))}
        />
      )}
      {subActionNeeded && area && (
        <SelectField
          keepBlank
          name="subActionId"
          label={t('reviews.editor.subAction')}
          placeholder={t('common.selectPlaceholder')}
          options={area.subActions.map((s) => ({ value: s.id, label: `${s.id} — ${excerpt(s.title, 70)}` }))}
        />
      )}
      {need.entryList && values.field === 'milestones' && (
        <SelectField name="term" label={t('reviews.editor.term')} options={termOptions} />
      )}
      {need.entryIndex && (
        <SelectField
          keepBlank
          name="index"
          label={t('reviews.editor.entry')}
          placeholder={entries.length ? t('common.selectPlaceholder') : t('reviews.editor.noEntries')}
          options={entries.map((text, i) => ({
            value: String(i),
            label: t('reviews.editor.entryOption', { n: i + 1, text: excerpt(text) }),
          }))}
        />
      )}
      {need.before && (
        <SelectField
          keepBlank
          name="before"
          label={t('reviews.editor.position')}
          placeholder={t('reviews.editor.atEnd')}
          options={entries.map((text, i) => ({
            value: String(i),
            label: t('reviews.editor.beforeOption', { n: i + 1, text: excerpt(text) }),
          }))}
          optional
        />
      )}
      {need.move && (
        <>
          <SelectField name="from" label={t('reviews.editor.fromTerm')} options={termOptions} />
          <SelectField
            keepBlank
            name="index"
            label={t('reviews.editor.milestone')}
            placeholder={milestones.length ? t('common.selectPlaceholder') : t('reviews.editor.noEntries')}
            options={milestones.map((text, i) => ({
              value: String(i),
              label: t('reviews.editor.entryOption', { n: i + 1, text: excerpt(text) }),
            }))}
          />
          <SelectField name="to" label={t('reviews.editor.toTerm')} options={termOptions} />
        </>
      )}
      {current && (
        <div className="inset-text">
          <p className="heading-s">{t('reviews.editor.currentText')}</p>
          <p className="review-pre">{current}</p>
          {(need.text || need.title) && (
            <Button
              variant="secondary"
              size="small"
              onClick={() => {
                if (need.title) setValue('payload.title', current);
                else {
                  const raw =
                    values.field === 'objectives' ? area?.objectives[Number(values.index)] : undefined;
                  const named =
                    raw ??
                    (values.field === 'targetAreas' || values.field === 'measures'
                      ? sub?.[values.field][Number(values.index)]
                      : undefined);
                  setValue('payload.name', named?.name ?? '');
                  setValue('payload.text', named ? named.text : current);
                }
              }}
            >
              {t('reviews.editor.copyCurrent')}
            </Button>
          )}
        </div>
      )}
      {(need.newSubAction || need.newActionArea) && (
        <TextField
          name="newId"
          label={need.newSubAction ? t('reviews.editor.newSubActionId') : t('reviews.editor.newActionAreaId')}
          hint={
            need.newSubAction
              ? t('reviews.editor.newSubActionIdHint', { area: values.actionAreaId || 'C2.1' })
              : t('reviews.editor.newActionAreaIdHint')
          }
          width="20"
        />
      )}
      {(need.title || need.newSubAction || need.newActionArea) && (
        <TextAreaField name="payload.title" label={t('reviews.editor.newTitle')} rows={2} />
      )}
      {need.text &&
        (values.field === 'objectives' || values.field === 'targetAreas' || values.field === 'measures') && (
          <TextField
            name="payload.name"
            label={t('reviews.editor.newName')}
            hint={t('reviews.editor.newNameHint')}
            width="full"
            optional
          />
        )}
      {need.text && <TextAreaField name="payload.text" label={t('reviews.editor.newText')} rows={6} />}
      {need.criteria && (
        <CheckboxesField
          name="criteria"
          legend={t('reviews.editor.criteria')}
          hint={t('reviews.editor.criteriaHint', {
            current: sub?.linkedCriteria.join(', ') || t('common.none'),
          })}
          options={Array.from({ length: 40 }, (_, i) => ({ value: `Q${i + 1}`, label: `Q${i + 1}` }))}
          columns
        />
      )}
    </>
  );
}
