import {
  ACCOMMODATIONS,
  EVENT_MODES,
  ROUND_AUDIENCES,
  ROUND_FORMATS,
} from '@musyawarah/core/consultation/vocabulary';
import { LANGUAGES } from '@musyawarah/core/domain';
import {
  CheckboxesField,
  CheckboxField,
  DateTimeField,
  languageAutonym,
  languageLabel,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
  useLanguageOptions,
  useMemberStateOptions,
  useStakeholderGroupOptions,
} from '@musyawarah/ui';
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ActionsPicker } from '../ActionsPicker';
import type { RoundFormValues } from '../roundForm';
import { FORM_ID } from './formId';
import { Targets, BoardSelect } from './Targets';

export function RoundFields() {
  const { t } = useTranslation();
  const languageOptions = useLanguageOptions();
  const stateOptions = useMemberStateOptions();
  const groupOptions = useStakeholderGroupOptions();
  const languages = (useWatch({ name: 'languages' }) as string[] | string | undefined) ?? ['en'];
  const chosen = LANGUAGES.filter(
    (l) => l === 'en' || (Array.isArray(languages) ? languages : [languages]).includes(l),
  );
  const audience = useWatch({ name: 'audience' }) as string;
  const hasEvent = useWatch({ name: 'hasEvent' }) as boolean;
  const mode = useWatch({ name: 'event.mode' }) as string;
  // English is the required language: when its text has an error, show its tab so the summary's links reach the fields.
  const { formState } = useFormContext<RoundFormValues>();
  const englishError = !!(formState.errors.title?.en || formState.errors.description?.en);
  const [language, setLanguage] = useState<Key>('en');
  const [submits, setSubmits] = useState(formState.submitCount);
  if (submits !== formState.submitCount) {
    setSubmits(formState.submitCount);
    if (englishError) setLanguage('en');
  }
  const shown = (chosen as readonly string[]).includes(String(language)) ? language : 'en';

  return (
    <>
      <h2 className="heading-l">{t('consultations.editor.textHeading')}</h2>
      <CheckboxesField
        name="languages"
        legend={t('consultations.editor.languages')}
        hint={t('consultations.editor.languagesHint')}
        options={languageOptions}
        columns
      />
      <Tabs className="consult-tabs" selectedKey={shown} onSelectionChange={setLanguage}>
        <TabList aria-label={t('consultations.editor.textLanguages')} className="consult-tabs__list">
          {chosen.map((lang) => (
            <Tab key={lang} id={lang} className="consult-tabs__tab">
              <span lang={lang}>{languageAutonym(lang)}</span>
              {lang === 'en' && (
                <span className="visually-hidden"> {t('consultations.editor.required')}</span>
              )}
            </Tab>
          ))}
        </TabList>
        {chosen.map((lang) => (
          <TabPanel key={lang} id={lang} className="consult-tabs__panel" shouldForceMount>
            <TextField
              name={`title.${lang}`}
              label={t('consultations.editor.titleIn', { language: languageLabel(lang) })}
              optional={lang !== 'en'}
              width="full"
              lang={lang}
            />
            <TextAreaField
              name={`description.${lang}`}
              label={t('consultations.editor.descriptionIn', { language: languageLabel(lang) })}
              optional={lang !== 'en'}
              hint={lang === 'en' ? t('consultations.editor.descriptionHint') : undefined}
              rows={8}
              lang={lang}
            />
          </TabPanel>
        ))}
      </Tabs>

      <h2 className="heading-l">{t('consultations.editor.aboutHeading')}</h2>
      <SelectField
        name="format"
        label={t('consultations.editor.format')}
        options={ROUND_FORMATS.map((f) => ({ value: f, label: t(`consultations.format.${f}`) }))}
      />
      <ActionsPicker formId={FORM_ID} />

      <h2 className="heading-l">{t('consultations.editor.whoHeading')}</h2>
      <RadioGroupField
        name="audience"
        legend={t('consultations.editor.audience')}
        options={ROUND_AUDIENCES.map((a) => ({
          value: a,
          label: t(`consultations.audience.${a}`),
          hint: t(`consultations.audienceHint.${a}`),
        }))}
      />
      {audience === 'invited_groups' && (
        <CheckboxesField
          name="invitedGroups"
          legend={t('consultations.editor.invitedGroups')}
          options={groupOptions}
        />
      )}
      {audience === 'board' && <BoardSelect />}
      <CheckboxesField
        name="memberStates"
        legend={t('consultations.editor.memberStates')}
        hint={t('consultations.editor.memberStatesHint')}
        options={stateOptions}
        optional
        columns
      />

      <h2 className="heading-l">{t('consultations.editor.whenHeading')}</h2>
      <DateTimeField name="opensAt" label={t('consultations.editor.opensAt')} />
      <DateTimeField name="closesAt" label={t('consultations.editor.closesAt')} />

      <h2 className="heading-l">{t('consultations.editor.eventHeading')}</h2>
      <CheckboxField
        name="hasEvent"
        label={t('consultations.editor.hasEvent')}
        hint={t('consultations.editor.hasEventHint')}
      />
      {hasEvent && (
        <fieldset className="fieldset consult-subsection">
          <legend className="legend legend--m">{t('consultations.editor.event')}</legend>
          <RadioGroupField
            name="event.mode"
            legend={t('consultations.editor.eventMode')}
            options={EVENT_MODES.map((m) => ({ value: m, label: t(`consultations.eventMode.${m}`) }))}
          />
          {mode !== 'online' && (
            <TextField name="event.venue" label={t('consultations.editor.venue')} width="full" />
          )}
          {mode !== 'in_person' && (
            <TextField
              name="event.link"
              label={t('consultations.editor.link')}
              hint={t('consultations.editor.linkHint')}
              type="url"
              inputMode="url"
              width="full"
            />
          )}
          <TextField
            name="event.capacity"
            label={t('consultations.editor.capacity')}
            inputMode="numeric"
            width="5"
            optional
          />
          <DateTimeField name="event.startsAt" label={t('consultations.editor.eventStarts')} />
          <DateTimeField name="event.endsAt" label={t('consultations.editor.eventEnds')} />
          <TextField
            name="event.timezone"
            label={t('consultations.editor.timezone')}
            hint={t('consultations.editor.timezoneHint')}
            width="20"
          />
          <CheckboxesField
            name="event.accommodationsOffered"
            legend={t('consultations.editor.accommodations')}
            options={ACCOMMODATIONS.map((a) => ({ value: a, label: t(`consultations.accommodation.${a}`) }))}
            optional
            columns
          />
        </fieldset>
      )}

      <h2 className="heading-l">{t('consultations.editor.targetsHeading')}</h2>
      <p className="hint">{t('consultations.editor.targetsHint')}</p>
      <Targets />
    </>
  );
}
