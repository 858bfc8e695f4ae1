import { NotificationBanner } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The round closed while the participant was answering: said once by a failed save, with focus by a failed send. */
export function DeadlinePassed({ closedBy }: { closedBy: 'save' | 'submit' }) {
  const { t } = useTranslation();
  return (
    <NotificationBanner
      key={closedBy}
      tone="error"
      focusOnMount={closedBy === 'submit'}
      heading={t('consultations.respond.deadlinePassedHeading')}
    >
      <p>{t('consultations.respond.deadlinePassedBody')}</p>
      <p>
        <Link to="/my-contributions">{t('consultations.receipt.myContributions')}</Link>
      </p>
    </NotificationBanner>
  );
}
