import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorNotice } from './Feedback';
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

/** A page whose data could not be loaded at all (offline, API down): an h1, the reason and a way to try again. */
export function ServiceProblemPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Page title={t('layout.routeError.title')}>
      <ErrorNotice error={error} onRetry={onRetry} />
    </Page>
  );
}
