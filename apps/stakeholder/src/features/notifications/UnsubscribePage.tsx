import { Button, ErrorNotice, NotificationBanner, Page } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../trpc';

/**
 * The confirmation page of an unsubscribe link. Opening the link changes nothing (mail scanners open every link);
 * the button does, without signing in — the signed token in the link is the authority.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useMutation(trpc.notifications.unsubscribe.mutationOptions());
  return (
    <Page title={t('notifications.unsubscribe.title')}>
      {!token ? (
        <p className="body">{t('notifications.unsubscribe.missing')}</p>
      ) : unsubscribe.isSuccess ? (
        <NotificationBanner tone="success" heading={t('notifications.unsubscribe.done')} focusOnMount>
          <p className="body">
            <Link to="/account/notifications">{t('notifications.settingsLink')}</Link>
          </p>
        </NotificationBanner>
      ) : (
        <>
          {unsubscribe.isError && <ErrorNotice error={unsubscribe.error} />}
          <p className="body">{t('notifications.unsubscribe.intro')}</p>
          <Button onClick={() => unsubscribe.mutate({ token })} isBusy={unsubscribe.isPending}>
            {t('notifications.unsubscribe.button')}
          </Button>
        </>
      )}
    </Page>
  );
}
