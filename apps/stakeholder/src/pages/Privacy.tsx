import { Page } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Sections of the notice; each has a title and paragraphs or a list in privacy.json. */
const SECTIONS = [
  { key: 'who', paragraphs: ['p1'] },
  { key: 'collect', list: ['account', 'profile', 'sessions', 'contributions', 'activity', 'email'] },
  { key: 'why', list: ['signIn', 'consult', 'representation', 'security'] },
  { key: 'cookies', paragraphs: ['p1', 'p2'] },
  { key: 'shared', paragraphs: ['p1', 'p2'] },
  { key: 'keep', paragraphs: ['p1', 'p2'] },
] as const;

export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.title')}>
      <p className="lead">{t('privacy.lead')}</p>
      {SECTIONS.map((s) => (
        <section key={s.key} aria-labelledby={`privacy-${s.key}`}>
          <h2 className="heading-m" id={`privacy-${s.key}`}>
            {t(`privacy.${s.key}.title`)}
          </h2>
          {'paragraphs' in s && s.paragraphs.map((p) => <p key={p}>{t(`privacy.${s.key}.${p}`)}</p>)}
          {'list' in s && (
            <ul className="list">
              {s.list.map((item) => (
                <li key={item}>{t(`privacy.${s.key}.${item}`)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section aria-labelledby="privacy-rights">
        <h2 className="heading-m" id="privacy-rights">
          {t('privacy.rights.title')}
        </h2>
        <p>{t('privacy.rights.intro')}</p>
        <ul className="list">
          <li>{t('privacy.rights.see')}</li>
          <li>{t('privacy.rights.correct')}</li>
          <li>{t('privacy.rights.delete')}</li>
        </ul>
        <p>
          {t('privacy.rights.where')} <Link to="/account">{t('privacy.rights.accountLink')}</Link>
        </p>
        <p>{t('privacy.rights.contact')}</p>
      </section>
      <section aria-labelledby="privacy-changes">
        <h2 className="heading-m" id="privacy-changes">
          {t('privacy.changes.title')}
        </h2>
        <p>{t('privacy.changes.p1')}</p>
      </section>
    </Page>
  );
}
