import { Page } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AttentionNow } from '../features/home/Overview';
import { useMe } from '../session';

const AREAS = [
  { key: 'users', to: '/users' },
  { key: 'invitations', to: '/invitations' },
  { key: 'mail', to: '/mail' },
] as const;

const ROADMAP_WORK = [
  { key: 'consultations', to: '/consultations' },
  { key: 'readiness', to: '/readiness' },
  { key: 'boards', to: '/boards' },
  { key: 'reviews', to: '/review' },
] as const;

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('dashboard.title')} caption={me.data?.name} width="full">
      <p className="lead prose">{t('dashboard.lead')}</p>
      <AttentionNow />
      <h2 className="heading-l">{t('dashboard.roadmapWork')}</h2>
      <ul className="grid grid-2 list-plain">
        {ROADMAP_WORK.map((a) => (
          <li className="card" key={a.key}>
            <h3 className="card__title">
              <Link to={a.to}>{t(`dashboard.work.${a.key}.title`)}</Link>
            </h3>
            <p>{t(`dashboard.work.${a.key}.body`)}</p>
          </li>
        ))}
      </ul>
      <h2 className="heading-l">{t('dashboard.manage')}</h2>
      <ul className="grid grid-3 list-plain">
        {AREAS.map((a) => (
          <li className="card" key={a.key}>
            <h3 className="card__title">
              <Link to={a.to}>{t(`dashboard.areas.${a.key}.title`)}</Link>
            </h3>
            <p>{t(`dashboard.areas.${a.key}.body`)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
