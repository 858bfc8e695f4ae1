import { Button, ErrorNotice, InsetText, Loading, Page } from '@musyawarah/ui';
import { NOTIFICATION_DELIVERIES, type NotificationDelivery, type NotificationKind } from '@musyawarah/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';

/**
 * Notification settings under the account: per kind, e-mail at once, in a daily or weekly summary, or none (the bell
 * lists everything either way), and what the person follows. Each choice is saved when made.
 */
export function PreferencesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.notifications.preferences.queryOptions());
  const follows = useQuery(trpc.notifications.follows.queryOptions());
  const [saved, setSaved] = useState<NotificationKind | null>(null);
  const save = useMutation(
    trpc.notifications.setPreference.mutationOptions({
      // The choice shows at once (a radio that waits for the server looks broken); a failure is refetched below.
      onMutate: ({ kind, delivery }) => {
        setSaved(null);
        queryClient.setQueryData(trpc.notifications.preferences.queryKey(), (old) =>
          old?.map((p) => (p.kind === kind ? { ...p, delivery } : p)),
        );
      },
      onError: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.preferences.queryKey() }),
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.notifications.preferences.queryKey() });
        setSaved(result.kind);
      },
    }),
  );
  const unfollow = useMutation(
    trpc.notifications.unfollow.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.follows.queryKey() }),
    }),
  );
  return (
    <Page
      title={t('notifications.preferences.title')}
      backLink={{ to: '/account', label: t('shell.nav.account') }}
    >
      <p className="body">{t('notifications.preferences.intro')}</p>
      <InsetText>{t('notifications.preferences.essential')}</InsetText>
      {save.isError && <ErrorNotice error={save.error} />}
      {preferences.isPending ? (
        <Loading />
      ) : preferences.isError ? (
        <ErrorNotice error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        preferences.data.map((preference) => (
          <div className="form-group" key={preference.kind}>
            <fieldset className="fieldset">
              <legend className="legend">{t(`notifications.kinds.${preference.kind}`)}</legend>
              <div className="choices">
                {NOTIFICATION_DELIVERIES.map((delivery: NotificationDelivery) => {
                  const id = `delivery-${preference.kind}-${delivery}`;
                  return (
                    <div className="choice" key={delivery}>
                      <input
                        className="choice__input"
                        type="radio"
                        id={id}
                        name={`delivery-${preference.kind}`}
                        checked={preference.delivery === delivery}
                        onChange={() => save.mutate({ kind: preference.kind, delivery })}
                      />
                      <label className="choice__label" htmlFor={id}>
                        {t(`notifications.deliveries.${delivery}`)}
                      </label>
                    </div>
                  );
                })}
              </div>
              <p className="hint" role="status">
                {saved === preference.kind ? t('notifications.preferences.saved') : ''}
              </p>
            </fieldset>
          </div>
        ))
      )}
      <h2 className="heading-m">{t('notifications.preferences.follows')}</h2>
      {follows.data && follows.data.length === 0 && (
        <p className="body">{t('notifications.preferences.noFollows')}</p>
      )}
      {follows.data && follows.data.length > 0 && (
        <ul className="list">
          {follows.data.map((f) => (
            <li key={`${f.subjectType}:${f.subjectId}`}>
              <Link to={followLink(f.subjectType, f.subjectId)}>
                {t(`notifications.preferences.subjects.${f.subjectType as 'round'}`)}
                {f.subjectType === 'action' ? ` ${f.subjectId}` : ''}
              </Link>{' '}
              <Button
                variant="secondary"
                size="small"
                onClick={() =>
                  unfollow.mutate({ subjectType: f.subjectType as 'round', subjectId: f.subjectId })
                }
              >
                {t('notifications.unfollow')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function followLink(subjectType: string, subjectId: string) {
  switch (subjectType) {
    case 'round':
      return `/consultations/${subjectId}`;
    case 'action':
      return `/actions/${subjectId}`;
    case 'board':
      return `/boards/${subjectId}`;
    default:
      return `/review/${subjectId}`;
  }
}
