import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { Page } from './Page';

export function NotFoundPage({ homeHref = '/' }: { homeHref?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('layout.notFound.title')}>
      <p>{t('layout.notFound.body')}</p>
      <p>
        <Link to={homeHref}>{t('layout.notFound.home')}</Link>
      </p>
    </Page>
  );
}

/** Route error boundary content: a 404 for unknown routes, otherwise a plain apology with a way on. */
export function RouteErrorPage({ homeHref = '/' }: { homeHref?: string }) {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage homeHref={homeHref} />;
  return (
    <Page title={t('layout.routeError.title')}>
      <p>{t('layout.routeError.body')}</p>
      <p>
        <Link to={homeHref} reloadDocument>
          {t('layout.notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
