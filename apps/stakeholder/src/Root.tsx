import { AppShell, NotificationBell, useAccountLanguage } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe, useSaveLanguage, useSignOut } from './session';
import { useTRPC } from './trpc';

export function Root() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut, isPending } = useSignOut({ key: 'signIn.notices.signedOut' });
  const user = me.data ?? null;
  useAccountLanguage(user);
  const saveLanguage = useSaveLanguage();
  const trpc = useTRPC();
  // The bell's count: refreshed every minute and when the window regains focus (TanStack Query's default).
  const unread = useQuery(
    trpc.notifications.unreadCount.queryOptions(undefined, {
      enabled: Boolean(user),
      refetchInterval: 60_000,
    }),
  );
  const navigation = [
    { to: '/', label: t('shell.nav.home'), end: true },
    { to: '/actions', label: t('shell.nav.roadmap') },
    { to: '/assessment', label: t('shell.nav.assessment') },
    { to: '/consultations', label: t('shell.nav.rounds') },
    { to: '/boards', label: t('shell.nav.boards') },
    { to: '/review', label: t('shell.nav.review') },
    ...(user ? [{ to: '/my-contributions', label: t('shell.nav.mine') }] : []),
    ...(user ? [{ to: '/boards/mine', label: t('shell.nav.myBoards') }] : []),
    ...(user ? [{ to: '/account', label: t('shell.nav.account') }] : []),
    // Secretariat staff also use the other app; a plain link (full page load) to /secretariat/.
    ...(user?.role === 'secretariat'
      ? [{ to: '/secretariat/', label: t('shell.nav.secretariat'), external: true }]
      : []),
  ];
  return (
    <AppShell
      onLanguageChange={saveLanguage}
      homeHref="/"
      tagline={t('shell.tagline')}
      navigation={navigation}
      user={user}
      userTools={user ? <NotificationBell to="/notifications" unread={unread.data?.unread ?? 0} /> : null}
      onSignOut={signOut}
      signingOut={isPending}
      signedOutLinks={
        // While the session is being read the links hold their place, unseen and unfocusable: appearing later they
        // pushed the whole page down on a phone (Lighthouse counted a layout shift of 0.3).
        me.isPending ? (
          <span aria-hidden="true" style={{ display: 'contents', visibility: 'hidden' }}>
            <span className="header__link">{t('layout.signIn')}</span>
            <span className="header__link">{t('shell.register')}</span>
          </span>
        ) : (
          <>
            <Link className="header__link" to="/sign-in">
              {t('layout.signIn')}
            </Link>
            <Link className="header__link" to="/register">
              {t('shell.register')}
            </Link>
          </>
        )
      }
      footerLinks={[
        { to: '/privacy', label: t('shell.footer.privacy') },
        { to: '/actions', label: t('shell.footer.roadmap') },
        { to: '/open-data', label: t('shell.footer.openData') },
      ]}
    >
      <Outlet />
    </AppShell>
  );
}
