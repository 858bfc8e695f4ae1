import { ButtonLink, InsetText, Loading, useDocumentTitle } from '@musyawarah/ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { loadAllTranslations } from '../i18n';
import { useMe } from '../session';

// The open rounds arrive from the API anyway; their cards and the consultation texts load alongside, off the start-up bundle.
const OpenRoundsSection = lazy(() =>
  Promise.all([import('../features/consultations/OpenRoundsSection'), loadAllTranslations()]).then(([m]) => ({
    default: m.OpenRoundsSection,
  })),
);

// A signed-in person's tasks come from the API; the section and its texts load with the other on-demand translations.
const YourTasks = lazy(() =>
  Promise.all([import('../features/home/YourTasks'), loadAllTranslations()]).then(([m]) => ({
    default: m.YourTasks,
  })),
);

const ACTIONS = [
  { code: 'C2.1', key: 'c21' },
  { code: 'C3.2', key: 'c32' },
  { code: 'C3.3', key: 'c33' },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle('');
  return (
    <>
      <div className="two-thirds">
        <h1 className="heading-xl" tabIndex={-1} data-page-heading="">
          {t('home.title')}
        </h1>
        <p className="lead">{t('home.lead')}</p>
        <p>{t('home.intro')}</p>
        {me.data ? (
          <ButtonLink to="/account" size="start">
            {t('home.accountButton')}
          </ButtonLink>
        ) : (
          <>
            <ButtonLink to="/register" size="start">
              {t('home.startButton')}
            </ButtonLink>
            <p>
              {t('home.haveAccount')} <Link to="/sign-in">{t('home.signIn')}</Link>
            </p>
          </>
        )}
      </div>

      {me.data && (
        <Suspense fallback={<Loading />}>
          <YourTasks role={me.data.role} />
        </Suspense>
      )}

      <section aria-labelledby="open-consultations">
        <h2 className="heading-l" id="open-consultations">
          {t('home.consultations.title')}
        </h2>
        <Suspense fallback={<Loading />}>
          <OpenRoundsSection
            empty={
              <InsetText>
                <p>
                  <strong>{t('home.consultations.none')}</strong>
                </p>
                <p>{t('home.consultations.noneHint')}</p>
              </InsetText>
            }
          />
        </Suspense>
      </section>

      <section aria-labelledby="what-for">
        <h2 className="heading-l" id="what-for">
          {t('home.actions.title')}
        </h2>
        <p className="prose">{t('home.actions.intro')}</p>
        <ul className="grid grid-3 list-plain">
          {ACTIONS.map((a) => (
            <li className="card" key={a.code}>
              <h3 className="card__title">
                <span className="caption">{t('home.actions.actionLabel', { code: a.code })}</span>
                {t(`home.actions.${a.key}.title`)}
              </h3>
              <p>{t(`home.actions.${a.key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="the-roadmap">
        <h2 className="heading-l" id="the-roadmap">
          {t('home.roadmap.title')}
        </h2>
        <div className="prose">
          <p>{t('home.roadmap.body')}</p>
          <p>
            <Link to="/actions">{t('home.roadmap.link')}</Link>
          </p>
        </div>
      </section>
    </>
  );
}
