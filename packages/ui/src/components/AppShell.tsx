import { useEffect, useId, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { LinkButton } from './Button';
import { cx } from './cx';
import { LanguageButtonContent } from './LanguageButtonContent';
import type { LanguageSwitcherProps } from './LanguageSwitcher';
import { TranslationDraftNotice } from './TranslationDraftNotice';
import { NoticeProvider, NoticeRegion } from '../notices/NoticeProvider';

/**
 * The language menu is a react-aria menu, and react-aria (with every script's face, which the menu lists) costs a phone
 * most of a second to load and evaluate. So the page starts with a plain button that looks the same, and the menu loads
 * when someone shows they want it: pointer over it, focus on it, or a tap. A tap opens the menu once it is there.
 */
function DeferredLanguageSwitcher({ onChange }: { onChange?: (locale: string) => void }) {
  const [Switcher, setSwitcher] = useState<ComponentType<LanguageSwitcherProps> | null>(null);
  const standIn = useRef<HTMLButtonElement>(null);
  const loading = useRef(false);
  const [pressed, setPressed] = useState(false);
  const [hadFocus, setHadFocus] = useState(false);
  const load = () => {
    if (loading.current) return;
    loading.current = true;
    void import('./LanguageSwitcher')
      .then((m) => {
        setHadFocus(document.activeElement === standIn.current);
        setSwitcher(() => m.LanguageSwitcher);
      })
      .catch(() => {
        loading.current = false; // offline: the next gesture tries again
      });
  };
  if (Switcher) return <Switcher onChange={onChange} takeFocus={hadFocus} defaultOpen={pressed} />;
  return (
    <button
      ref={standIn}
      type="button"
      className="lang-button"
      aria-haspopup="true"
      aria-expanded="false"
      onPointerEnter={load}
      onFocus={load}
      onClick={() => {
        setPressed(true);
        load();
      }}
    >
      <LanguageButtonContent />
    </button>
  );
}

export interface NavItem {
  to: string;
  label: string;
  /** Match the path exactly (for the home link). */
  end?: boolean;
  /** A page of the other app on the same site: a plain link with a full page load. */
  external?: boolean;
}

export interface AppShellProps {
  /** Router path of the brand link. */
  homeHref: string;
  /** Second line under the service name ("ASEAN Responsible AI Roadmap" / "Secretariat"). */
  tagline: string;
  navigation?: NavItem[];
  /** The signed-in user, shown in the header with a sign-out button. */
  user?: { name: string } | null;
  onSignOut?: () => void;
  signingOut?: boolean;
  /** Shown in the header when nobody is signed in (e.g. a "Sign in" link). */
  signedOutLinks?: ReactNode;
  footerLinks?: NavItem[];
  /** Called after the reader picks another language (an app saves it as a signed-in person's language). */
  onLanguageChange?: (locale: string) => void;
  /** Shown first in the header's tools for a signed-in person (the notification bell). */
  userTools?: ReactNode;
  children: ReactNode;
}

/** A small abstract mark: people seated in a circle, for deliberation. Decorative. */
function Mark() {
  const dots = Array.from({ length: 8 }, (_, i) => {
    const a = (i / 8) * Math.PI * 2;
    return <circle key={i} cx={18 + Math.cos(a) * 12} cy={18 + Math.sin(a) * 12} r="3.2" fill="#ffcc00" />;
  });
  return (
    <svg className="header__mark" viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <circle cx="18" cy="18" r="5" fill="#ffffff" />
      {dots}
    </svg>
  );
}

/**
 * Moves focus to the page's h1 after client-side navigation, so screen-reader and keyboard users start at the new
 * content (a full page load would do that by itself). Scroll resets to the top.
 */
function useRouteFocus() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('#main-content [data-page-heading]');
    (heading ?? document.getElementById('main-content'))?.focus({ preventScroll: true });
  }, [pathname]);
}

/**
 * Skip link, header (brand, user, sign out, language), service navigation, main landmark (with the app's notices,
 * `useNotice`) and footer.
 */
export function AppShell({
  homeHref,
  tagline,
  navigation = [],
  user,
  onSignOut,
  signingOut,
  signedOutLinks,
  footerLinks = [],
  onLanguageChange,
  userTools,
  children,
}: AppShellProps) {
  const { t } = useTranslation();
  useRouteFocus();
  return (
    <>
      <a href="#main-content" className="skip-link">
        {t('layout.skipLink')}
      </a>
      <header>
        <div className="header">
          <div className="width-container header__inner">
            <Link to={homeHref} className="header__brand">
              <Mark />
              <span>
                <span className="header__service">{t('layout.serviceName')}</span>
                <span className="header__tagline">{tagline}</span>
              </span>
            </Link>
            <div className="header__tools">
              {user ? (
                <>
                  {userTools}
                  <span className="header__user">
                    <span className="visually-hidden">{t('layout.signedInAs')} </span>
                    {user.name}
                  </span>
                  {onSignOut && (
                    <LinkButton onClick={onSignOut} aria-disabled={signingOut ? true : undefined}>
                      {t('layout.signOut')}
                    </LinkButton>
                  )}
                </>
              ) : (
                signedOutLinks
              )}
              <DeferredLanguageSwitcher onChange={onLanguageChange} />
            </div>
          </div>
        </div>
        {navigation.length > 0 && <ServiceNav navigation={navigation} />}
        <div className="width-container">
          <div className="phase-banner">
            <p>
              <strong className="tag">{t('layout.phase.tag')}</strong> {t('layout.phase.text')}
            </p>
          </div>
          <TranslationDraftNotice onLanguageChange={onLanguageChange} />
        </div>
      </header>
      <div className="main-wrapper">
        <div className="width-container">
          <main id="main-content" tabIndex={-1}>
            <NoticeProvider>
              <NoticeRegion />
              {children}
            </NoticeProvider>
          </main>
        </div>
      </div>
      <footer className="footer">
        <div className="width-container">
          <h2 className="visually-hidden">{t('layout.footer.heading')}</h2>
          {footerLinks.length > 0 && (
            <ul className="footer__links">
              {footerLinks.map((item) => (
                <li key={item.to}>
                  {item.external ? (
                    <a href={item.to}>{item.label}</a>
                  ) : (
                    <Link to={item.to}>{item.label}</Link>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p>{t('layout.footer.about')}</p>
        </div>
      </footer>
    </>
  );
}

/**
 * The service's pages. On a phone the list folds behind a "Menu" button (a disclosure), so the header and nine links
 * do not fill the screen before the page begins; it folds again after each navigation.
 */
function ServiceNav({ navigation }: { navigation: NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // Open only on the page it was opened on: a navigation folds it again without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const listId = useId();
  return (
    <nav className="service-nav" aria-label={t('layout.navigationLabel')}>
      <div className="width-container">
        <button
          type="button"
          className="service-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          {t('layout.serviceMenu')}
        </button>
        <ul id={listId} className={cx('service-nav__list', open && 'service-nav__list--open')}>
          {navigation.map((item) => (
            <li className="service-nav__item" key={item.to}>
              {item.external ? (
                <a href={item.to} className="service-nav__link">
                  {item.label}
                </a>
              ) : (
                <NavLink to={item.to} end={item.end} className="service-nav__link">
                  {item.label}
                </NavLink>
              )}
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
