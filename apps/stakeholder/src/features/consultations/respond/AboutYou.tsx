import { LANGUAGES, MEMBER_STATE_CODES, STAKEHOLDER_GROUPS } from '@musyawarah/core/domain';
import { cx, fieldId, languageAutonym } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { FORM_ID } from './formId';
import { languageOf, type About } from './values';
import { FieldErrorText, SelectBox } from './fields';

/** Who is writing: the group, Member State, organisation and language the contribution is filed under. */
export function AboutYou({
  about,
  errors,
  name,
  onChange,
  clearError,
}: {
  about: About;
  errors: Record<string, string>;
  name: string;
  onChange: (about: Partial<About>) => void;
  clearError: (path: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="about-heading">
      <h2 className="heading-l" id="about-heading">
        {t('consultations.respond.aboutHeading')}
      </h2>
      <p>{t('consultations.respond.aboutIntro')}</p>
      <SelectBox
        path="stakeholderGroup"
        label={t('consultations.respond.stakeholderGroup')}
        hint={t('consultations.respond.stakeholderGroupHint')}
        value={about.stakeholderGroup}
        error={errors.stakeholderGroup}
        placeholder={t('common.selectPlaceholder')}
        options={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`common.stakeholderGroups.${g}`) }))}
        onChange={(v) => {
          clearError('stakeholderGroup');
          onChange({ stakeholderGroup: v });
        }}
      />
      <SelectBox
        path="memberState"
        label={t('consultations.respond.memberState')}
        optional
        value={about.memberState}
        error={errors.memberState}
        placeholder={t('consultations.respond.noMemberState')}
        options={MEMBER_STATE_CODES.map((c) => ({ value: c, label: t(`common.memberStates.${c}`) }))}
        onChange={(v) => onChange({ memberState: v })}
      />
      <div className={cx('form-group', errors.organisationName && 'form-group--error')}>
        <label className="label" htmlFor={fieldId(FORM_ID, 'organisationName')}>
          {t('consultations.respond.organisation')} <span className="optional">{t('layout.optional')}</span>
        </label>
        <div className="hint" id={`${fieldId(FORM_ID, 'organisationName')}-hint`}>
          {t('consultations.respond.organisationHint')}
        </div>
        {errors.organisationName && (
          <FieldErrorText path="organisationName" message={errors.organisationName} />
        )}
        <input
          id={fieldId(FORM_ID, 'organisationName')}
          className="input"
          autoComplete="organization"
          maxLength={200}
          aria-describedby={`${fieldId(FORM_ID, 'organisationName')}-hint`}
          value={about.organisationName}
          onChange={(e) => onChange({ organisationName: e.target.value })}
        />
      </div>
      <SelectBox
        path="writtenIn"
        label={t('consultations.respond.writtenIn')}
        hint={t('consultations.respond.writtenInHint')}
        value={about.writtenIn}
        error={errors.writtenIn}
        options={LANGUAGES.map((code) => ({ value: code, label: languageAutonym(code), lang: code }))}
        onChange={(v) => {
          clearError('writtenIn');
          const writtenIn = languageOf(v);
          if (writtenIn) onChange({ writtenIn });
        }}
      />
      <div className="form-group">
        <fieldset className="fieldset" aria-describedby="named-hint">
          <legend className="legend">{t('consultations.respond.namedLegend')}</legend>
          <div className="hint" id="named-hint">
            {t('consultations.respond.namedHint', { name })}
          </div>
          <div className="choice">
            <input
              id={fieldId(FORM_ID, 'namedPublicly')}
              className="choice__input"
              type="checkbox"
              checked={about.namedPublicly}
              onChange={(e) => onChange({ namedPublicly: e.target.checked })}
            />
            <label className="choice__label" htmlFor={fieldId(FORM_ID, 'namedPublicly')}>
              {t('consultations.respond.namedLabel')}
            </label>
          </div>
        </fieldset>
      </div>
    </section>
  );
}
