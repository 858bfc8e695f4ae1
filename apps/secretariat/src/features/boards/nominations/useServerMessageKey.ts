import { useTranslation } from 'react-i18next';

/** A message key the API sent for one field, in words; a key without a translation reads as 'invalid'. */
export function useServerMessageKey() {
  const { t, i18n } = useTranslation();
  return (key: string) => (i18n.exists(key) ? t(key) : t('validation.invalid'));
}
