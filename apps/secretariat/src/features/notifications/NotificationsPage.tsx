import { ErrorNotice, Loading, NotificationList, Page } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';
import { secretariatPathOf } from './links';

/**
 * The Secretariat's notification centre. A round, board or review cycle followed from its page here opens that page
 * (and counts as read); any other notification points at a page of the public app, opened with a full page load (it is
 * another app). The settings live there too, under the account.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 100 }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() }),
    ]);
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAllRead = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  return (
    <Page title={t('notifications.title')}>
      <p className="body">
        <a href="/account/notifications">{t('notifications.settingsLink')}</a>
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <NotificationList
          items={list.data.items}
          busy={markAllRead.isPending}
          onMarkRead={(id) => markRead.mutate({ notificationId: id })}
          onMarkAllRead={() => markAllRead.mutate()}
          renderLink={(item, text) => {
            const here = secretariatPathOf(item.link);
            if (!here) return <a href={item.link}>{text}</a>;
            return (
              <Link
                to={here}
                onClick={() => {
                  if (!item.readAt) markRead.mutate({ notificationId: item.id });
                }}
              >
                {text}
              </Link>
            );
          }}
        />
      )}
    </Page>
  );
}
