import { AppShell, NotificationBell, useAccountLanguage } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useMe, useSaveLanguage, useSignOut } from './session';
import { useTRPC } from './trpc';

export function Root() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut, isPending } = useSignOut({ key: 'signIn.signedOut' });
  const user = me.data ?? null;
  useAccountLanguage(user);
  const saveLanguage = useSaveLanguage();
  const isSecretariat = user?.role === 'secretariat';
  const trpc = useTRPC();
  const unread = useQuery(
    trpc.notifications.unreadCount.queryOptions(undefined, {
      enabled: isSecretariat,
      refetchInterval: 60_000,
    }),
  );
  return (
    <AppShell
      onLanguageChange={saveLanguage}
      homeHref="/"
      tagline={t('shell.tagline')}
      navigation={
        isSecretariat
          ? [
              { to: '/', label: t('shell.nav.overview'), end: true },
              { to: '/users', label: t('shell.nav.users') },
              { to: '/invitations', label: t('shell.nav.invitations') },
              { to: '/consultations', label: t('consultations.nav') },
              { to: '/readiness', label: t('readiness.nav') },
              { to: '/boards', label: t('boards.nav') },
              { to: '/review', label: t('reviews.nav') },
              { to: '/dashboards', label: t('charts.page.nav') },
              { to: '/translations', label: t('translations.nav') },
              { to: '/mail', label: t('shell.nav.mail') },
            ]
          : []
      }
      user={user}
      userTools={
        isSecretariat ? <NotificationBell to="/notifications" unread={unread.data?.unread ?? 0} /> : null
      }
      onSignOut={signOut}
      signingOut={isPending}
      footerLinks={[
        { to: '/', label: t('shell.footer.publicSite'), external: true },
        { to: '/privacy', label: t('shell.footer.privacy'), external: true },
      ]}
    >
      <Outlet />
    </AppShell>
  );
}
