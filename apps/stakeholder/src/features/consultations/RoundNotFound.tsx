import { Page } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function RoundNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('consultations.notFound.title')}>
      <p>{t('consultations.notFound.body')}</p>
      <p>
        <Link to="/consultations">{t('consultations.notFound.back')}</Link>
      </p>
    </Page>
  );
}
