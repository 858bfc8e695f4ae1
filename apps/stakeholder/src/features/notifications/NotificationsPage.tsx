import { NotificationList, Page, Loading, ErrorNotice } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';

/** The notification centre: everything the person was told, newest first; opening one marks it read. */
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
        <Link to="/account/notifications">{t('notifications.settingsLink')}</Link>
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
          renderLink={(item, text) => (
            <Link
              to={item.link}
              onClick={() => {
                if (!item.readAt) markRead.mutate({ notificationId: item.id });
              }}
            >
              {text}
            </Link>
          )}
        />
      )}
    </Page>
  );
}
