import { LANGUAGES, MEMBER_STATE_CODES, STAKEHOLDER_GROUPS } from '@musyawarah/core/domain';
import { CheckboxField, SelectField, TextField, languageAutonym } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';

/** Who is writing: the group, Member State, organisation and language the contribution is filed under. */
export function AboutYou({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="about-heading">
      <h2 className="heading-l" id="about-heading">
        {t('consultations.respond.aboutHeading')}
      </h2>
      <p>{t('consultations.respond.aboutIntro')}</p>
      <SelectField
        name="stakeholderGroup"
        keepBlank
        label={t('consultations.respond.stakeholderGroup')}
        hint={t('consultations.respond.stakeholderGroupHint')}
        placeholder={t('common.selectPlaceholder')}
        options={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`common.stakeholderGroups.${g}`) }))}
      />
      <SelectField
        name="memberState"
        keepBlank
        optional
        label={t('consultations.respond.memberState')}
        placeholder={t('consultations.respond.noMemberState')}
        options={MEMBER_STATE_CODES.map((c) => ({ value: c, label: t(`common.memberStates.${c}`) }))}
      />
      <TextField
        name="organisationName"
        optional
        width="full"
        autoComplete="organization"
        label={t('consultations.respond.organisation')}
        hint={t('consultations.respond.organisationHint')}
      />
      <SelectField
        name="writtenIn"
        keepBlank
        label={t('consultations.respond.writtenIn')}
        hint={t('consultations.respond.writtenInHint')}
        options={LANGUAGES.map((code) => ({ value: code, label: languageAutonym(code), lang: code }))}
      />
      <fieldset className="fieldset">
        <legend className="legend">{t('consultations.respond.namedLegend')}</legend>
        <CheckboxField
          name="namedPublicly"
          label={t('consultations.respond.namedLabel')}
          hint={t('consultations.respond.namedHint', { name })}
        />
      </fieldset>
    </section>
  );
}
