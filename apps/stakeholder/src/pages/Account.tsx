import { Loading, Page, Panel, useDocumentTitle } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../session';
import { ProfileSection } from './account/ProfileSection';
import { SessionsSection } from './account/SessionsSection';
import { ExportSection } from './account/ExportSection';
import { DeleteSection } from './account/DeleteSection';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <Loading />;
  const user = me.data;
  return (
    <Page title={t('account.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('account.lead', { email: user.email })}</p>
        <ProfileSection user={user} />
        <h2 className="heading-l">{t('notifications.preferences.title')}</h2>
        <p className="body">
          <Link to="/account/notifications">{t('notifications.settingsLink')}</Link>
        </p>
      </div>
      <SessionsSection />
      <div className="two-thirds">
        <ExportSection />
        <DeleteSection user={user} />
      </div>
    </Page>
  );
}

export function AccountDeletedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.deleted.title'));
  return (
    <div className="two-thirds">
      <Panel title={t('account.deleted.title')}>
        <p>{t('account.deleted.body')}</p>
      </Panel>
      <p>{t('account.deleted.contributions')}</p>
      <p>
        <Link to="/">{t('layout.notFound.home')}</Link>
      </p>
    </div>
  );
}
