import { ROLES, type Role } from '@musyawarah/core/domain';
import { ButtonLink, DataTable, ErrorNotice, Loading, Page, Tag, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Form, Link, useSearchParams } from 'react-router';
import { useTRPC, type Outputs } from '../trpc';

type User = Outputs['users']['list'][number];

const STATUS_TONE = { active: 'green', pending_verification: 'yellow', deleted: 'grey' } as const;

export function UsersPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const [params] = useSearchParams();
  const roleParam = params.get('role');
  const role = (ROLES as readonly string[]).includes(roleParam ?? '') ? (roleParam as Role) : undefined;
  const search = params.get('search')?.trim() || undefined;
  const users = useQuery(trpc.users.list.queryOptions({ role, search }));

  const memberStateOrGroup = (u: User) => {
    if (u.role === 'member_state' && u.memberState) return t(`common.memberStates.${u.memberState}`);
    if (u.role === 'stakeholder') {
      const group = u.stakeholderGroup ? t(`common.stakeholderGroups.${u.stakeholderGroup}`) : '';
      return [group, u.organisationName].filter(Boolean).join(' – ');
    }
    return u.organisationName ?? '';
  };

  return (
    <Page title={t('users.title')} width="full">
      <p className="prose">{t('users.intro')}</p>
      <ButtonLink to="/users/invite">{t('users.inviteButton')}</ButtonLink>

      <Form method="get" className="filter" role="search" aria-label={t('users.filter.label')}>
        <div className="form-group">
          <label className="label" htmlFor="users-role">
            {t('users.filter.role')}
          </label>
          <select id="users-role" name="role" className="select" defaultValue={role ?? ''}>
            <option value="">{t('users.filter.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="label" htmlFor="users-search">
            {t('users.filter.search')}
          </label>
          <span className="hint" id="users-search-hint">
            {t('users.filter.searchHint')}
          </span>
          <input
            id="users-search"
            name="search"
            type="search"
            className="input input--w30"
            defaultValue={search ?? ''}
            aria-describedby="users-search-hint"
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('users.filter.submit')}
        </button>
      </Form>

      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <p>
          <strong>{t('users.none')}</strong>{' '}
          {(role || search) && <Link to="/users">{t('users.clearFilter')}</Link>}
        </p>
      ) : (
        <DataTable
          caption={t('users.caption', { count: users.data.length })}
          rows={users.data}
          rowKey={(u) => u.id}
          columns={[
            { key: 'name', header: t('users.columns.name'), rowHeader: true, cell: (u) => u.name },
            { key: 'email', header: t('users.columns.email'), cell: (u) => u.email },
            { key: 'role', header: t('users.columns.role'), cell: (u) => t(`common.roles.${u.role}`) },
            { key: 'details', header: t('users.columns.details'), cell: memberStateOrGroup },
            {
              key: 'status',
              header: t('users.columns.status'),
              cell: (u) => <Tag tone={STATUS_TONE[u.status]}>{t(`users.status.${u.status}`)}</Tag>,
            },
            {
              key: 'created',
              header: t('users.columns.created'),
              cell: (u) => <time dateTime={format.isoString(u.createdAt)}>{format.date(u.createdAt)}</time>,
            },
          ]}
        />
      )}
    </Page>
  );
}
