import { Loading, Page } from '@musyawarah/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useMe } from '../../session';
import type { Me } from '../../trpc';

/** Saved assessments belong to a Member State: only its representatives (role member_state) can open them. */
export function RequireMemberState({
  children,
}: {
  children: (me: Me & { memberState: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (me.data.role !== 'member_state' || !me.data.memberState) {
    return (
      <Page title={t('assessment.guard.title')}>
        <p>{t('assessment.guard.body')}</p>
        <p>
          <Link to="/assessment">{t('assessment.guard.try')}</Link>
        </p>
      </Page>
    );
  }
  return children(me.data as Me & { memberState: string });
}
