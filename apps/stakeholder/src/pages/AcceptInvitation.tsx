import { acceptInvitationInput, linkTokenField } from '@musyawarah/core/schemas/account';
import {
  Button,
  ErrorNotice,
  Form,
  Loading,
  Page,
  Panel,
  PasswordField,
  SummaryList,
  errorKey,
  isLinkError,
  useDocumentTitle,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSetMe } from '../session';
import { useTRPC } from '../trpc';
import { BrokenLinkPage } from './Password';
import { PasswordHint } from './Register';

/** `/accept-invitation?token=…`: the Secretariat invited someone as Secretariat staff or a Member State representative. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const setMe = useSetMe();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const valid = linkTokenField.safeParse(token).success;
  const details = useQuery(
    // Accepting uses the link up: a refetch after that would report it as used, so the details are read once.
    trpc.auth.invitationDetails.queryOptions(
      { token },
      { enabled: valid, retry: false, staleTime: Infinity },
    ),
  );
  const accept = useMutation(
    trpc.auth.acceptInvitation.mutationOptions({ onSuccess: ({ user }) => setMe(user) }),
  );
  const form = useZodForm(acceptInvitationInput, { defaultValues: { token, password: '' } });
  useDocumentTitle(accept.isSuccess ? t('invitation.doneTitle') : t('invitation.title'));

  if (accept.isSuccess) {
    const user = accept.data.user;
    return (
      <div className="two-thirds">
        <Panel title={t('invitation.doneTitle')}>
          <p>{t('invitation.doneBody')}</p>
        </Panel>
        {user.role === 'secretariat' ? (
          <p>
            {/* A different app on the same origin: a full page load, not a router link. */}
            <a href="/secretariat/">{t('invitation.toSecretariat')}</a>
          </p>
        ) : (
          <p>
            <Link to="/account">{t('invitation.toAccount')}</Link>
          </p>
        )}
      </div>
    );
  }

  const brokenKey = !valid ? 'auth.linkInvalid' : (errorKey(details.error) ?? errorKey(accept.error));
  if (isLinkError(brokenKey)) {
    return (
      <BrokenLinkPage
        reason={brokenKey}
        hint={t('invitation.askAgain')}
        retryTo="/"
        retryLabel={t('layout.notFound.home')}
      />
    );
  }
  if (details.isPending) {
    return (
      <Page title={t('invitation.title')}>
        <Loading />
      </Page>
    );
  }
  if (details.isError) {
    return (
      <Page title={t('invitation.title')}>
        <ErrorNotice error={details.error} onRetry={() => void details.refetch()} />
      </Page>
    );
  }

  const invitation = details.data;
  const role = t(`common.roles.${invitation.role}`);

  return (
    <Page title={t('invitation.title')}>
      <p className="lead">
        {invitation.invitedByName
          ? t('invitation.leadBy', { role, name: invitation.invitedByName })
          : t('invitation.lead', { role })}
      </p>
      <SummaryList
        rows={[
          { key: 'name', label: t('invitation.name'), value: invitation.name },
          { key: 'email', label: t('invitation.email'), value: invitation.email },
          { key: 'role', label: t('invitation.role'), value: role },
          ...(invitation.memberState
            ? [
                {
                  key: 'memberState',
                  label: t('invitation.memberState'),
                  value: t(`common.memberStates.${invitation.memberState}`),
                },
              ]
            : []),
        ]}
      />
      <p>
        {t(invitation.role === 'secretariat' ? 'invitation.whatSecretariat' : 'invitation.whatMemberState')}
      </p>
      <p>{t('invitation.notYou')}</p>
      <h2 className="heading-m">{t('invitation.passwordTitle')}</h2>
      <Form
        form={form}
        id="accept-invitation"
        onSubmit={async (values) => {
          await accept.mutateAsync(values);
        }}
      >
        <PasswordField
          name="password"
          label={t('invitation.password')}
          hint={<PasswordHint />}
          autoComplete="new-password"
        />
        <Button type="submit" isBusy={accept.isPending}>
          {t('invitation.submit')}
        </Button>
      </Form>
    </Page>
  );
}
