import { LANGUAGES, type LanguageCode } from '@musyawarah/core/domain';
import { deleteAccountInput, updateProfileInput } from '@musyawarah/core/schemas/account';
import {
  Button,
  ButtonGroup,
  DataTable,
  ErrorNotice,
  Form,
  LinkButton,
  Loading,
  ModalDialog,
  NotificationBanner,
  Page,
  Panel,
  PasswordField,
  RadioGroupField,
  SelectField,
  SummaryList,
  Tag,
  TextField,
  WarningText,
  useDocumentTitle,
  useFormat,
  useLanguageOptions,
  useMemberStateOptions,
  useMessage,
  useStakeholderGroupOptions,
  useZodForm,
  mapServerError,
  type Message,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe, useSetMe } from '../session';
import { useTRPC, type Me, type Outputs } from '../trpc';
import { describeUserAgent } from '../user-agent';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <Loading />;
  const user = me.data;
  return (
    <Page title={t('account.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('account.lead', { email: user.email })}</p>
        <ProfileSection user={user} />
        <h2 className="heading-l">{t('notifications.preferences.title')}</h2>
        <p className="body">
          <Link to="/account/notifications">{t('notifications.settingsLink')}</Link>
        </p>
      </div>
      <SessionsSection />
      <div className="two-thirds">
        <ExportSection />
        <DeleteSection user={user} />
      </div>
    </Page>
  );
}

const toLocale = (code: string): LanguageCode =>
  (LANGUAGES as readonly string[]).includes(code) ? (code as LanguageCode) : 'en';

function profileValues(user: Me) {
  return {
    name: user.name,
    stakeholderGroup: user.stakeholderGroup ?? undefined,
    organisationName: user.organisationName ?? '',
    memberState: user.memberState ?? undefined,
    locale: toLocale(user.locale),
  };
}

function ProfileSection({ user }: { user: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.account.updateProfile.mutationOptions());
  const [saved, setSaved] = useState(0);
  const groups = useStakeholderGroupOptions();
  const memberStates = useMemberStateOptions();
  const languages = useLanguageOptions();
  const isStakeholder = user.role === 'stakeholder';
  const form = useZodForm(updateProfileInput, { defaultValues: profileValues(user) });

  return (
    <section aria-labelledby="profile-heading">
      <h2 className="heading-l" id="profile-heading">
        {t('account.profile.title')}
      </h2>
      {saved > 0 && (
        <NotificationBanner tone="success" focusOnMount key={saved}>
          <p>{t('account.profile.saved')}</p>
        </NotificationBanner>
      )}
      <SummaryList
        rows={[
          { key: 'email', label: t('account.profile.email'), value: user.email },
          { key: 'role', label: t('account.profile.role'), value: t(`common.roles.${user.role}`) },
          ...(!isStakeholder && user.memberState
            ? [
                {
                  key: 'state',
                  label: t('account.profile.memberState'),
                  value: t(`common.memberStates.${user.memberState}`),
                },
              ]
            : []),
        ]}
      />
      <Form
        form={form}
        id="profile"
        onSubmit={async (values) => {
          setSaved(0);
          const { user: updated } = await update.mutateAsync(values);
          queryClient.setQueryData(trpc.auth.me.queryKey(), updated);
          form.reset(profileValues(updated));
          setSaved((n) => n + 1);
        }}
      >
        <TextField name="name" label={t('register.name')} autoComplete="name" />
        {isStakeholder && (
          <>
            <RadioGroupField name="stakeholderGroup" legend={t('register.group')} options={groups} />
            <TextField
              name="organisationName"
              label={t('register.organisation')}
              autoComplete="organization"
              optional
            />
            <SelectField
              name="memberState"
              label={t('register.memberState')}
              options={memberStates}
              placeholder={t('register.memberStateNone')}
              optional
            />
          </>
        )}
        <SelectField
          name="locale"
          label={t('account.profile.locale')}
          hint={t('account.profile.localeHint')}
          options={languages}
        />
        <Button type="submit" isBusy={update.isPending}>
          {t('account.profile.submit')}
        </Button>
      </Form>
    </section>
  );
}

type Session = Outputs['account']['sessions'][number];

function SessionsSection() {
  const { t } = useTranslation();
  const tm = useMessage();
  const trpc = useTRPC();
  const format = useFormat();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const [problem, setProblem] = useState<Message | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onError = (error: unknown) => setProblem(mapServerError(error).message);
  const revoke = useMutation(
    trpc.account.revokeSession.mutationOptions({
      onSuccess: async (_data, { sessionId }) => {
        const session = sessions.data?.find((s) => s.id === sessionId);
        if (session?.current) {
          setMe(null);
          await navigate('/sign-in', { state: { notice: 'signedOut' } });
          return;
        }
        setNotice(t('account.sessions.revoked'));
        await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
      },
      onError,
    }),
  );
  const everywhere = useMutation(
    trpc.auth.signOutEverywhere.mutationOptions({
      onSuccess: async () => {
        setMe(null);
        await navigate('/sign-in', { state: { notice: 'signedOutEverywhere' } });
      },
      onError,
    }),
  );
  const device = (s: Session) => describeUserAgent(s.userAgent, t);

  return (
    <section aria-labelledby="sessions-heading">
      <h2 className="heading-l" id="sessions-heading">
        {t('account.sessions.title')}
      </h2>
      <p className="prose">{t('account.sessions.intro')}</p>
      {problem && (
        <NotificationBanner tone="error" focusOnMount>
          <p>{tm(problem)}</p>
        </NotificationBanner>
      )}
      {notice && (
        <NotificationBanner tone="success" focusOnMount key={notice}>
          <p>{notice}</p>
        </NotificationBanner>
      )}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <DataTable
          caption={t('account.sessions.caption')}
          captionHidden
          rows={sessions.data}
          rowKey={(s) => s.id}
          columns={[
            {
              key: 'device',
              header: t('account.sessions.device'),
              rowHeader: true,
              cell: (s) => (
                <>
                  {device(s)} {s.current && <Tag tone="green">{t('account.sessions.current')}</Tag>}
                </>
              ),
            },
            {
              key: 'ip',
              header: t('account.sessions.ip'),
              cell: (s) => <span className="mono">{s.ipAddress ?? '–'}</span>,
            },
            {
              key: 'created',
              header: t('account.sessions.signedIn'),
              cell: (s) => (
                <time dateTime={format.isoString(s.createdAt)}>{format.dateTime(s.createdAt)}</time>
              ),
            },
            {
              key: 'used',
              header: t('account.sessions.lastUsed'),
              cell: (s) => (
                <time dateTime={format.isoString(s.lastUsedAt)}>{format.dateTime(s.lastUsedAt)}</time>
              ),
            },
            {
              key: 'action',
              header: t('account.sessions.action'),
              className: 'actions',
              cell: (s) => (
                <LinkButton
                  onClick={() => {
                    setProblem(null);
                    revoke.mutate({ sessionId: s.id });
                  }}
                  aria-disabled={revoke.isPending ? true : undefined}
                >
                  {t('account.sessions.signOut')}
                  <span className="visually-hidden">
                    {' '}
                    {t('account.sessions.signOutContext', {
                      device: device(s),
                      time: format.dateTime(s.lastUsedAt),
                    })}
                  </span>
                </LinkButton>
              ),
            },
          ]}
        />
      )}
      <ButtonGroup>
        <Button
          variant="secondary"
          isBusy={everywhere.isPending}
          onClick={() => {
            setProblem(null);
            everywhere.mutate();
          }}
        >
          {t('account.sessions.everywhere')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

function ExportSection() {
  const { t } = useTranslation();
  const tm = useMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Message | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const data = await queryClient.fetchQuery({ ...trpc.account.exportData.queryOptions(), staleTime: 0 });
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'musyawarah-my-data.json';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(mapServerError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="export-heading">
      <h2 className="heading-l" id="export-heading">
        {t('account.export.title')}
      </h2>
      <p>{t('account.export.body')}</p>
      {problem && (
        <NotificationBanner tone="error" focusOnMount>
          <p>{tm(problem)}</p>
        </NotificationBanner>
      )}
      <Button variant="secondary" isBusy={busy} onClick={() => void download()}>
        {t('account.export.button')}
      </Button>
    </section>
  );
}

function DeleteSection({ user }: { user: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const [open, setOpen] = useState(false);
  const remove = useMutation(trpc.account.deleteAccount.mutationOptions());
  const form = useZodForm(deleteAccountInput, { defaultValues: { confirmEmail: '', password: '' } });
  return (
    <section aria-labelledby="delete-heading">
      <h2 className="heading-l" id="delete-heading">
        {t('account.delete.title')}
      </h2>
      <p>{t('account.delete.body')}</p>
      <WarningText>{t('account.delete.warning')}</WarningText>
      <Button variant="warning" onClick={() => setOpen(true)}>
        {t('account.delete.button')}
      </Button>
      <ModalDialog
        isOpen={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) form.reset();
        }}
        title={t('account.delete.dialogTitle')}
        tone="warning"
      >
        <p>{t('account.delete.dialogBody', { email: user.email })}</p>
        <Form
          form={form}
          id="delete-account"
          onSubmit={async (values) => {
            await remove.mutateAsync(values);
            setMe(null);
            await navigate('/account/deleted', { replace: true });
          }}
        >
          <TextField
            name="confirmEmail"
            type="email"
            label={t('account.delete.confirmEmail')}
            autoComplete="off"
            spellCheck={false}
          />
          <PasswordField
            name="password"
            label={t('account.delete.password')}
            autoComplete="current-password"
          />
          <ButtonGroup>
            <Button type="submit" variant="warning" isBusy={remove.isPending}>
              {t('account.delete.confirm')}
            </Button>
            <LinkButton onClick={() => setOpen(false)}>{t('account.delete.cancel')}</LinkButton>
          </ButtonGroup>
        </Form>
      </ModalDialog>
    </section>
  );
}

export function AccountDeletedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.deleted.title'));
  return (
    <div className="two-thirds">
      <Panel title={t('account.deleted.title')}>
        <p>{t('account.deleted.body')}</p>
      </Panel>
      <p>{t('account.deleted.contributions')}</p>
      <p>
        <Link to="/">{t('layout.notFound.home')}</Link>
      </p>
    </div>
  );
}
