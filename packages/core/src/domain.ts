/** The 11 ASEAN Member States (Timor-Leste joined in October 2025) and the locales of their national languages. */
export const MEMBER_STATES = [
  { code: 'BN', name: 'Brunei Darussalam', languages: ['ms'] },
  { code: 'KH', name: 'Cambodia', languages: ['km'] },
  { code: 'ID', name: 'Indonesia', languages: ['id'] },
  { code: 'LA', name: 'Lao PDR', languages: ['lo'] },
  { code: 'MY', name: 'Malaysia', languages: ['ms'] },
  { code: 'MM', name: 'Myanmar', languages: ['my'] },
  { code: 'PH', name: 'Philippines', languages: ['fil', 'en'] },
  { code: 'SG', name: 'Singapore', languages: ['en', 'ms', 'zh', 'ta'] },
  { code: 'TH', name: 'Thailand', languages: ['th'] },
  { code: 'TL', name: 'Timor-Leste', languages: ['tet', 'pt'] },
  { code: 'VN', name: 'Viet Nam', languages: ['vi'] },
] as const;

export type MemberStateCode = (typeof MEMBER_STATES)[number]['code'];
export const MEMBER_STATE_CODES = MEMBER_STATES.map((s) => s.code) as [MemberStateCode, ...MemberStateCode[]];

/** English is ASEAN's working language and always required; the others are the Member States' national languages. */
export const LANGUAGES = [
  'en',
  'ms',
  'km',
  'id',
  'lo',
  'my',
  'fil',
  'zh',
  'ta',
  'th',
  'tet',
  'pt',
  'vi',
] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

/**
 * Each language in its own name, as its speakers write it on official sites. Fixed rather than read from the browser:
 * CLDR gives "Indonesia", "Melayu" and "Tetum", and browsers without full ICU data give English names or codes.
 */
export const LANGUAGE_AUTONYMS: Record<LanguageCode, string> = {
  en: 'English',
  ms: 'Bahasa Melayu',
  km: 'ខ្មែរ',
  id: 'Bahasa Indonesia',
  lo: 'ລາວ',
  my: 'မြန်မာ',
  fil: 'Filipino',
  zh: '中文',
  ta: 'தமிழ்',
  th: 'ไทย',
  tet: 'Tetun',
  pt: 'Português',
  vi: 'Tiếng Việt',
};

export const ROLES = ['secretariat', 'member_state', 'stakeholder'] as const;
export type Role = (typeof ROLES)[number];

/** Who a stakeholder speaks for. Used for registration, stakeholder mapping and representation measures. */
export const STAKEHOLDER_GROUPS = [
  'civil_society',
  'industry',
  'academia',
  'government_agency',
  'international_partner',
  'individual',
  'other',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const ORGANISATION_KINDS = [
  'civil_society',
  'industry',
  'academia',
  'government_agency',
  'international_partner',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** An organisation named at registration takes the kind its member's stakeholder group implies. */
export function organisationKindForGroup(group: StakeholderGroup): OrganisationKind {
  return group === 'individual' ? 'other' : group;
}
