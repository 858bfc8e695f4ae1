import { LANGUAGES, MEMBER_STATE_CODES, STAKEHOLDER_GROUPS } from '@musyawarah/core/domain';
import { useTranslation } from 'react-i18next';
import { languageAutonym } from '../i18n';
import type { Option } from './ChoiceFields';

/** The 11 Member States, names translated, in the order of the shared list (alphabetical in English). */
export function useMemberStateOptions(): Option[] {
  const { t } = useTranslation();
  return MEMBER_STATE_CODES.map((code) => ({ value: code, label: t(`common.memberStates.${code}`) }));
}

export function useStakeholderGroupOptions(): Option[] {
  const { t } = useTranslation();
  return STAKEHOLDER_GROUPS.map((group) => ({
    value: group,
    label: t(`common.stakeholderGroups.${group}`),
    hint: t(`common.stakeholderGroupHints.${group}`),
  }));
}

/** Every language the platform records a preference for, each in its own name. */
export function useLanguageOptions(): Option[] {
  return LANGUAGES.map((code) => ({ value: code, label: languageAutonym(code) }));
}
