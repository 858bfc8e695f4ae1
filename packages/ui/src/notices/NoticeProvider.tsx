import {
  createContext,
  useCallback,
  useContext,
  useId,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { cx } from '../components/cx';
import type { Message } from '../errors/server-error';
import { useMessage } from '../i18n/translate';

export type NoticeTone = 'success' | 'error';

/** What a notice says: words already translated, or a translation key, translated when shown. */
export type NoticeText = string | Message;

interface Notice {
  tone: NoticeTone;
  text: NoticeText;
  /** Counts notices, so the same words said twice are a new node and are announced again. */
  n: number;
}

export interface Notices {
  /** "Seat added": the outcome of what the person just did on this page. */
  success: (text: NoticeText) => void;
  /** A refusal or failure of an action that has no form to show it next to. */
  error: (text: NoticeText) => void;
  clear: () => void;
}

interface Regions {
  notice: Notice | null;
  /** The region showing the notice: the one mounted last (a page's own, else the shell's). */
  active: string | undefined;
  register: (id: string) => () => void;
}

const ActionsContext = createContext<Notices | null>(null);
const RegionsContext = createContext<Regions | null>(null);

/**
 * The one place an app says "saved", "sent" or "that failed" after an action on the same page (issue #12). A notice is
 * shown as a GOV.UK notification banner inside a live region (WCAG 4.1.3; polite for an outcome, an alert for a
 * failure): a screen reader announces it without focus moving away from what the person was doing, and it stays until the next notice or until they go to another
 * page or view, rather than vanishing on a timer before it could be read. The kit's AppShell mounts this once per app.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const { pathname, search } = useLocation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [regions, setRegions] = useState<string[]>([]);
  // Another page, or another view of it (a tab, a filter: the address changes): the notice was about what was done
  // there and no longer applies. Adjusted while rendering, so it is never shown in the new view.
  const here = pathname + search;
  const [shownOn, setShownOn] = useState(here);
  if (shownOn !== here) {
    setShownOn(here);
    setNotice(null);
  }
  const say = useCallback(
    (tone: NoticeTone) => (text: NoticeText) => setNotice((prev) => ({ tone, text, n: (prev?.n ?? 0) + 1 })),
    [],
  );
  const actions = useMemo<Notices>(
    () => ({ success: say('success'), error: say('error'), clear: () => setNotice(null) }),
    [say],
  );
  const register = useCallback((id: string) => {
    setRegions((list) => [...list, id]);
    return () => setRegions((list) => list.filter((other) => other !== id));
  }, []);
  const value = useMemo<Regions>(
    () => ({ notice, active: regions[regions.length - 1], register }),
    [notice, regions, register],
  );
  return (
    <ActionsContext.Provider value={actions}>
      <RegionsContext.Provider value={value}>{children}</RegionsContext.Provider>
    </ActionsContext.Provider>
  );
}

/** Says something in the app's notice region: `const notice = useNotice(); notice.success(t('boards.seats.added'))`. */
export function useNotice(): Notices {
  const notices = useContext(ActionsContext);
  if (!notices) throw new Error('useNotice() needs a NoticeProvider (the kit AppShell mounts one).');
  return notices;
}

/**
 * Where notices appear. The AppShell puts one at the top of the main content; a page whose actions sit further down
 * (a tab, a table of rows) puts its own beside them, so the banner is seen where the person is working. Only the
 * region mounted last shows the notice, so it appears once. The live region is on the page before any notice is put
 * in it: assistive technology announces changes to a region it already knows, not a region that appears with its text.
 */
export function NoticeRegion() {
  const regions = useContext(RegionsContext);
  const id = useId();
  const register = regions?.register;
  useLayoutEffect(() => register?.(id), [register, id]);
  if (!regions || regions.active !== id) return null;
  const { notice } = regions;
  // An outcome is announced politely, after what the screen reader is saying, from a status region that is on the page
  // before anything is said. A failure interrupts (role="alert", since the person's action did not happen); an alert
  // is announced when it is inserted with its text, so it exists only while there is one and pages carry no empty alert.
  return (
    <div className="notice-region" data-notice-region="">
      <div role="status" aria-live="polite" aria-atomic="true">
        {notice?.tone === 'success' && <NoticeBanner key={notice.n} notice={notice} />}
      </div>
      {notice?.tone === 'error' && (
        <div role="alert" key={notice.n}>
          <NoticeBanner notice={notice} />
        </div>
      )}
    </div>
  );
}

function NoticeBanner({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const tm = useMessage();
  // No role of its own: the region around it is the status; the banner is only how it looks.
  return (
    <div className={cx('notification', `notification--${notice.tone}`)} data-notice={notice.tone}>
      <div className="notification__header">
        <h2 className="notification__title">{t(`layout.notification.${notice.tone}`)}</h2>
      </div>
      <div className="notification__content">
        <p>{typeof notice.text === 'string' ? notice.text : tm(notice.text)}</p>
      </div>
    </div>
  );
}
