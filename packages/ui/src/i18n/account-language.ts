import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { matchLocale, rememberLocale } from './index';

/**
 * A signed-in person's own language wins over the browser's and over what this device remembered: applied once when
 * someone signs in (or the page loads signed in). Choosing another language in the switcher afterwards is saved to the
 * account by the app (AppShell's onLanguageChange), so it is not undone here.
 */
export function useAccountLanguage(user: { id: string; locale: string } | null | undefined) {
  const { i18n } = useTranslation();
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!user || appliedFor.current === user.id) return;
    appliedFor.current = user.id;
    const locale = matchLocale(user.locale);
    if (!locale || locale === i18n.language) return;
    rememberLocale(locale);
    void i18n.changeLanguage(locale);
  }, [user, i18n]);
}
