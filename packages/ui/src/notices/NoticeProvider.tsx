import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { cx } from '../components/cx';
import type { Message } from '../errors/server-error';
import { useMessage } from '../i18n/translate';

export type NoticeTone = 'success' | 'error';

/** What a notice says: words already translated, or a translation key, translated when shown. */
export type NoticeText = string | Message;

/** Where to go next from a notice ("Open the mail outbox"), shown under its text: an address inside the app. */
export interface NoticeLink {
  to: string;
  text: NoticeText;
}

interface Notice {
  tone: NoticeTone;
  text: NoticeText;
  link?: NoticeLink;
  /** Counts notices, so the same words said twice are a new node and are announced again. */
  n: number;
  /** Brought by a navigation: it is about the page as a whole, so it is shown at the top, not beside a page's actions. */
  onArrival?: boolean;
  /** Said inside a `<NoticeRegion>` that wraps the actions (its id): shown there while it is mounted. */
  scope?: string;
}

/** Where a notice carried across a navigation sits in the history entry's state. */
const ARRIVAL_KEY = 'musyawarahNotice';

/**
 * History state that makes the page a navigation lands on show a notice, once: "the round was created" after the form
 * that created it sends the person to the round. Plain data (a history entry's state is copied by the browser), so the
 * text is a translation key (a `Message`) or words already translated.
 */
export type NoticeOnArrival = {
  readonly [ARRIVAL_KEY]: { tone: NoticeTone; text: NoticeText; link?: NoticeLink };
};

/**
 * `navigate(to, { state: noticeOnArrival.success({ key: 'boards.board.notice.created' }) })`, or the same as the `state`
 * of a `<Navigate>`. The NoticeProvider shows it on arrival like any other notice, then takes it out of the history
 * entry: a reload or a return by Back is not a new outcome, so it is not announced again (the GOV.UK and Rails "flash").
 */
export const noticeOnArrival = {
  success: (text: NoticeText, link?: NoticeLink): NoticeOnArrival => ({
    [ARRIVAL_KEY]: { tone: 'success', text, link },
  }),
  error: (text: NoticeText, link?: NoticeLink): NoticeOnArrival => ({
    [ARRIVAL_KEY]: { tone: 'error', text, link },
  }),
};

function arrivingNotice(state: unknown): NoticeOnArrival[typeof ARRIVAL_KEY] | null {
  if (typeof state !== 'object' || state === null || !(ARRIVAL_KEY in state)) return null;
  const carried = (state as Partial<NoticeOnArrival>)[ARRIVAL_KEY];
  const fine =
    carried &&
    (carried.tone === 'success' || carried.tone === 'error') &&
    (typeof carried.text === 'string' || typeof carried.text?.key === 'string');
  return fine ? carried : null;
}

export interface Notices {
  /** "Seat added": the outcome of what the person just did on this page. */
  success: (text: NoticeText, link?: NoticeLink) => void;
  /** A refusal or failure of an action that has no form to show it next to. */
  error: (text: NoticeText, link?: NoticeLink) => void;
  clear: () => void;
}

interface Regions {
  notice: Notice | null;
  /**
   * The region showing the notice: the wrapping region it was said in while that is mounted; else, of the regions
   * that wrap nothing, the one mounted last (a page's own, else the shell's), or the first (the shell's) for a notice
   * brought by a navigation.
   */
  active: string | undefined;
  /**
   * The regions that wrap nothing and are on the page: the first (the shell's, always there, so a notice brought by a
   * navigation lands in a live region that existed before it) and the one mounted last.
   */
  shown: string[];
  register: (id: string, wraps: boolean) => () => void;
}

interface RegisteredRegion {
  id: string;
  wraps: boolean;
}

/** The notice actions for the wrapping region they are used in (none: the page's). */
type ScopedNotices = (scope: string | undefined) => Notices;

const ActionsContext = createContext<ScopedNotices | null>(null);
const RegionsContext = createContext<Regions | null>(null);
/** The wrapping `<NoticeRegion>` a component sits in: what it says is shown there. */
const ScopeContext = createContext<string | undefined>(undefined);

/**
 * The one place an app says "saved", "sent" or "that failed" after an action on the same page (issue #12). A notice is
 * shown as a GOV.UK notification banner inside a live region (WCAG 4.1.3; polite for an outcome, an alert for a
 * failure): a screen reader announces it without focus moving away from what the person was doing, and it stays until the next notice or until they go to another
 * page or view, rather than vanishing on a timer before it could be read. The kit's AppShell mounts this once per app.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const arriving = arrivingNotice(location.state);
  const [notice, setNotice] = useState<Notice | null>(arriving && { ...arriving, n: 1, onArrival: true });
  const [regions, setRegions] = useState<RegisteredRegion[]>([]);
  // Another page, or another view of it (a tab, a filter: the address changes): the notice was about what was done
  // there and no longer applies, unless the navigation brought one of its own. Adjusted while rendering, so an old
  // notice is never shown in the new view and a brought one is there from the first paint.
  const here = location.pathname + location.search;
  const [shownOn, setShownOn] = useState({ here, entry: location.key });
  if (shownOn.entry !== location.key) {
    setShownOn({ here, entry: location.key });
    if (arriving) setNotice((prev) => ({ ...arriving, n: (prev?.n ?? 0) + 1, onArrival: true }));
    else if (shownOn.here !== here) setNotice(null);
  }
  // Shown once: the history entry forgets it (same address, so the notice above stays), and a reload, or coming
  // back to this entry, does not say it again.
  useEffect(() => {
    if (!arrivingNotice(location.state)) return;
    const rest: Record<string, unknown> = { ...(location.state as Record<string, unknown>) };
    delete rest[ARRIVAL_KEY];
    void navigate(
      { pathname: location.pathname, search: location.search, hash: location.hash },
      { replace: true, state: Object.keys(rest).length > 0 ? rest : null },
    );
  }, [location, navigate]);
  const actions = useMemo<ScopedNotices>(
    () => (scope) => {
      const say = (tone: NoticeTone) => (text: NoticeText, link?: NoticeLink) =>
        setNotice((prev) => ({ tone, text, link, scope, n: (prev?.n ?? 0) + 1 }));
      return { success: say('success'), error: say('error'), clear: () => setNotice(null) };
    },
    [],
  );
  const register = useCallback((id: string, wraps: boolean) => {
    setRegions((list) => [...list, { id, wraps }]);
    return () => setRegions((list) => list.filter((other) => other.id !== id));
  }, []);
  const value = useMemo<Regions>(() => {
    const open = regions.filter((region) => !region.wraps);
    const scoped =
      notice?.scope && regions.some((region) => region.id === notice.scope) ? notice.scope : undefined;
    // A notice brought by a navigation is about the page, so it takes the first region (the shell's, at the top).
    const fallback = notice?.onArrival ? open[0] : open[open.length - 1];
    const shown = [open[0]?.id, open[open.length - 1]?.id].filter((id) => id !== undefined);
    return { notice, active: scoped ?? fallback?.id, shown, register };
  }, [notice, regions, register]);
  return (
    <ActionsContext.Provider value={actions}>
      <RegionsContext.Provider value={value}>{children}</RegionsContext.Provider>
    </ActionsContext.Provider>
  );
}

/** Says something in the app's notice region: `const notice = useNotice(); notice.success(t('boards.seats.added'))`. */
export function useNotice(): Notices {
  const scoped = useContext(ActionsContext);
  const scope = useContext(ScopeContext);
  if (!scoped) throw new Error('useNotice() needs a NoticeProvider (the kit AppShell mounts one).');
  return useMemo(() => scoped(scope), [scoped, scope]);
}

/**
 * Where notices appear. The AppShell puts one at the top of the main content; a page whose actions sit further down
 * (a tab, a table of rows) puts its own beside them, so the banner is seen where the person is working. Only the
 * region mounted last shows the notice, so it appears once; a notice brought by a navigation (`noticeOnArrival`) is
 * shown in the first, the shell's, above the page's heading. A region that wraps the actions
 * (`<NoticeRegion><Transitions /></NoticeRegion>`) shows what `useNotice()` says inside it, and nothing else, wherever
 * other regions are mounted: for a part of a page far from the others (a status section at the foot). The live region
 * is on the page before any notice is put in it: assistive technology announces changes to a region it already knows,
 * not a region that appears with its text.
 */
export function NoticeRegion({
  children,
  scope,
  headingLevel = 2,
}: {
  children?: ReactNode;
  scope?: string;
  /** The banner title's heading level: one below the section the region sits in (GOV.UK's `titleHeadingLevel`). */
  headingLevel?: HeadingLevel;
}) {
  const regions = useContext(RegionsContext);
  const ownId = useId();
  const id = scope ?? ownId;
  const register = regions?.register;
  const wraps = children !== undefined;
  // A wrapping region, or one placed for `useNoticeBeside`, shows only what is said in its scope.
  const scoped = wraps || scope !== undefined;
  useLayoutEffect(() => register?.(id, scoped), [register, id, scoped]);
  if (!regions) return children;
  // A scoped region keeps its live region while mounted: its actions' notices are said in it.
  if (!scoped && !regions.shown.includes(id)) return null;
  const notice = regions.active === id ? regions.notice : null;
  const live = (
    // An outcome is announced politely, after what the screen reader is saying, from a status region that is on the page
    // before anything is said. A failure interrupts (role="alert", since the person's action did not happen); an alert
    // is announced when it is inserted with its text, so it exists only while there is one and pages carry no empty alert.
    <div className="notice-region" data-notice-region="">
      <div role="status" aria-live="polite" aria-atomic="true">
        {notice?.tone === 'success' && (
          <NoticeBanner key={notice.n} notice={notice} headingLevel={headingLevel} />
        )}
      </div>
      {notice?.tone === 'error' && (
        <div role="alert" key={notice.n}>
          <NoticeBanner notice={notice} headingLevel={headingLevel} />
        </div>
      )}
    </div>
  );
  if (!wraps) return live;
  return (
    <ScopeContext.Provider value={id}>
      {live}
      {children}
    </ScopeContext.Provider>
  );
}

/** The notice actions of one part of a page, and the region to put beside that part's actions. */
export interface NoticeBeside extends Notices {
  /** Where this part's notices are shown: put it where its action is (after its button), inside the part. */
  region: ReactNode;
}

/**
 * Notices about one of several actions on a long page (a position on each edit of a cycle, the sections of the
 * account page), shown beside it rather than at the top, where at 375 px they would be off-screen: what is said
 * through it appears only in its `region`, wherever that is placed (after the form's button, so the banner is where
 * the person is looking). The region is on the page, empty, before anything is said, so its words are announced. A
 * wrapping `<NoticeRegion>` is the same for a part whose notice belongs above its actions.
 */
export function useNoticeBeside({ headingLevel }: { headingLevel?: HeadingLevel } = {}): NoticeBeside {
  const scoped = useContext(ActionsContext);
  if (!scoped) throw new Error('useNoticeBeside() needs a NoticeProvider (the kit AppShell mounts one).');
  const scope = useId();
  const notices = useMemo(() => scoped(scope), [scoped, scope]);
  return useMemo(
    () => ({ ...notices, region: <NoticeRegion scope={scope} headingLevel={headingLevel} /> }),
    [notices, scope, headingLevel],
  );
}

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

function NoticeBanner({ notice, headingLevel }: { notice: Notice; headingLevel: HeadingLevel }) {
  const Title = `h${headingLevel}` as const;
  const { t } = useTranslation();
  const tm = useMessage();
  const words = (text: NoticeText) => (typeof text === 'string' ? text : tm(text));
  // No role of its own: the region around it is the status; the banner is only how it looks.
  return (
    <div className={cx('notification', `notification--${notice.tone}`)} data-notice={notice.tone}>
      <div className="notification__header">
        <Title className="notification__title">{t(`layout.notification.${notice.tone}`)}</Title>
      </div>
      <div className="notification__content">
        <p>{words(notice.text)}</p>
        {notice.link && (
          <p>
            <Link to={notice.link.to}>{words(notice.link.text)}</Link>
          </p>
        )}
      </div>
    </div>
  );
}
