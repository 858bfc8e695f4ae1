import { Page, Tag } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../session';

const AREAS = [
  { key: 'users', to: '/users' },
  { key: 'invitations', to: '/invitations' },
  { key: 'mail', to: '/mail' },
] as const;

const ROADMAP_WORK = [
  { key: 'consultations', to: '/consultations' },
  { key: 'readiness', to: '/readiness' },
] as const;

/** Areas of the Roadmap work still being built; listed so staff know what is coming, never linked. */
const COMING = ['boards', 'reviews'] as const;

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('dashboard.title')} caption={me.data?.name} width="full">
      <p className="lead prose">{t('dashboard.lead')}</p>
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
      <h2 className="heading-l">{t('dashboard.comingTitle')}</h2>
      <p className="prose">{t('dashboard.comingIntro')}</p>
      <ul className="grid grid-2 list-plain">
        {COMING.map((key) => (
          <li className="card card--muted" key={key}>
            <h3 className="card__title">{t(`dashboard.coming.${key}.title`)}</h3>
            <p>
              <Tag tone="grey">{t('layout.comingSoon')}</Tag>
            </p>
            <p>{t(`dashboard.coming.${key}.body`)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
