import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '@musyawarah/core';
import { useFormat } from '../i18n/translate';
import { Button, LinkButton } from './Button';

/**
 * The bell in the header: a link to the notification centre whose accessible name carries the unread count
 * ("Notifications, 3 unread"), so the number is heard, not only seen. The badge is decorative beside it.
 */
export function NotificationBell({
  to,
  unread,
  external,
}: {
  to: string;
  unread: number;
  external?: boolean;
}) {
  const { t } = useTranslation();
  const label =
    unread > 0 ? t('notifications.bell.labelUnread', { count: unread }) : t('notifications.bell.label');
  const content = (
    <>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </>
  );
  return external ? (
    <a href={to} className="header__link notification-bell" aria-label={label}>
      {content}
    </a>
  ) : (
    <Link to={to} className="header__link notification-bell" aria-label={label}>
      {content}
    </Link>
  );
}

export interface NotificationItem {
  id: string;
  event: string;
  params: unknown;
  link: string;
  createdAt: string | Date;
  readAt: string | Date | null;
}

/** A notification's sentence in the reader's language: per-language titles picked, phases named. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  return (item: Pick<NotificationItem, 'event' | 'params'>) => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries((item.params ?? {}) as Record<string, unknown>)) {
      if (value === null || value === undefined) continue;
      if (typeof value === 'object') values[name] = localized(value as { en: string }, [i18n.language]).text;
      else if (name === 'phase' && typeof value === 'string')
        values[name] = t(`notifications.phases.${value}`);
      else if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    }
    return t(`notifications.events.${item.event}`, values);
  };
}

/**
 * The notification centre's list, newest first. `renderLink` lets each app decide how a path of the stakeholder app
 * is opened (a router link there, a full page load from the Secretariat app).
 */
export function NotificationList({
  items,
  onMarkRead,
  onMarkAllRead,
  busy,
  renderLink,
}: {
  items: NotificationItem[];
  onMarkRead: (id: string) => void;
  onMarkAllRead: () => void;
  busy?: boolean;
  renderLink: (item: NotificationItem, text: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useNotificationText();
  if (items.length === 0) return <p className="body">{t('notifications.empty')}</p>;
  const anyUnread = items.some((i) => !i.readAt);
  return (
    <>
      {anyUnread && (
        <Button variant="secondary" onClick={onMarkAllRead} isBusy={busy}>
          {t('notifications.markAllRead')}
        </Button>
      )}
      <ul className="notification-list">
        {items.map((item) => (
          <li
            key={item.id}
            className={
              item.readAt
                ? 'notification-list__item'
                : 'notification-list__item notification-list__item--unread'
            }
          >
            {!item.readAt && (
              <strong className="tag notification-list__tag">{t('notifications.unread')}</strong>
            )}
            <p className="notification-list__text">{renderLink(item, text(item))}</p>
            <p className="notification-list__meta">
              <time dateTime={new Date(item.createdAt).toISOString()}>{format.dateTime(item.createdAt)}</time>
              {!item.readAt && (
                <>
                  {' · '}
                  <LinkButton onClick={() => onMarkRead(item.id)}>{t('notifications.markRead')}</LinkButton>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Follow" / "Unfollow" on a page, with a line saying what following does. */
export function FollowButton({
  following,
  onToggle,
  busy,
  name,
}: {
  following: boolean;
  onToggle: () => void;
  busy?: boolean;
  /** What is followed, for the accessible name ("Follow: Consultation on…"). */
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="follow">
      <Button
        variant="secondary"
        size="small"
        onClick={onToggle}
        isBusy={busy}
        aria-pressed={following}
        aria-label={`${following ? t('notifications.unfollow') : t('notifications.follow')}: ${name}`}
        data-follow=""
      >
        {following ? t('notifications.unfollow') : t('notifications.follow')}
      </Button>
      <p className="follow__hint">{t('notifications.followHint')}</p>
    </div>
  );
}
