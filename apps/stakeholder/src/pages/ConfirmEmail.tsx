import { confirmEmailInput, linkTokenField, resendConfirmationInput } from '@musyawarah/core/schemas/account';
import {
  Button,
  Details,
  Form,
  NoticeRegion,
  Page,
  Panel,
  PasswordField,
  TextField,
  errorKey,
  isLinkError,
  useDocumentTitle,
  useMessage,
  useNotice,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useSetMe } from '../session';
import { PasswordHint } from './Register';
import { useTRPC } from '../trpc';

/** "Send the link again" form; the answer is the same whether or not the address has an account. */
export function ResendConfirmation({ email = '' }: { email?: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const resend = useMutation(trpc.auth.resendConfirmation.mutationOptions());
  const notice = useNotice();
  const form = useZodForm(resendConfirmationInput, { defaultValues: { email } });
  return (
    <>
      <Form
        form={form}
        id="resend"
        aria-label={t('signIn.resendTitle')}
        onSubmit={async (values) => {
          await resend.mutateAsync(values);
          notice.success(t('signIn.resent', { email: values.email }));
        }}
      >
        <TextField
          name="email"
          type="email"
          label={t('register.email')}
          autoComplete="email"
          spellCheck={false}
        />
        <Button type="submit" variant="secondary" isBusy={resend.isPending}>
          {t('signIn.resendButton')}
        </Button>
      </Form>
      {/* Below the form it answers (it comes after other text on the page). */}
      <NoticeRegion />
    </>
  );
}

export function CheckEmailPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const email = (location.state as { email?: string } | null)?.email;
  return (
    <Page title={t('signIn.checkEmail.title')}>
      <p className="lead">{email ? t('signIn.checkEmail.sentTo', { email }) : t('signIn.checkEmail.sent')}</p>
      <p>{t('signIn.checkEmail.instructions')}</p>
      <Details summary={t('signIn.checkEmail.notReceived')}>
        <p>{t('signIn.checkEmail.spam')}</p>
        <ResendConfirmation email={email} />
      </Details>
    </Page>
  );
}

/**
 * `/confirm-email?token=…`: the person who opened the link from the mailbox chooses the password here, so an account
 * registered by someone else for this address never has a password they know. Confirming signs the user in.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const tm = useMessage();
  const trpc = useTRPC();
  const setMe = useSetMe();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const valid = linkTokenField.safeParse(token).success;
  const confirm = useMutation(
    trpc.auth.confirmEmail.mutationOptions({ onSuccess: ({ user }) => setMe(user) }),
  );
  const form = useZodForm(confirmEmailInput, { defaultValues: { token, password: '' } });
  const linkKey = errorKey(confirm.error);
  const failed = !valid || isLinkError(linkKey);
  const key = !valid ? 'auth.linkInvalid' : linkKey;
  useDocumentTitle(
    failed
      ? t('signIn.confirm.failedTitle')
      : confirm.isSuccess
        ? t('signIn.confirm.doneTitle')
        : t('signIn.confirm.title'),
  );

  if (confirm.isSuccess) {
    return (
      <div className="two-thirds">
        <Panel title={t('signIn.confirm.doneTitle')}>
          <p>{t('signIn.confirm.signedIn')}</p>
        </Panel>
        <p>
          <Link to="/account">{t('signIn.confirm.toAccount')}</Link>
        </p>
        <p>
          <Link to="/">{t('signIn.confirm.toHome')}</Link>
        </p>
      </div>
    );
  }
  if (failed) {
    return (
      <Page title={t('signIn.confirm.failedTitle')}>
        <p className="lead">{tm(key ?? 'auth.linkInvalid')}</p>
        {key === 'auth.linkUsed' ? (
          <p>
            {t('signIn.confirm.usedHint')} <Link to="/sign-in">{t('layout.signIn')}</Link>
          </p>
        ) : (
          <>
            <p>{t('signIn.confirm.resendHint')}</p>
            <ResendConfirmation />
          </>
        )}
      </Page>
    );
  }
  return (
    <Page title={t('signIn.confirm.title')}>
      <p className="lead">{t('signIn.confirm.intro')}</p>
      <Form
        form={form}
        id="confirm-email"
        onSubmit={async (values) => void (await confirm.mutateAsync(values))}
      >
        <PasswordField
          name="password"
          label={t('signIn.confirm.password')}
          hint={<PasswordHint />}
          autoComplete="new-password"
        />
        <Button type="submit" isBusy={confirm.isPending}>
          {t('signIn.confirm.submit')}
        </Button>
      </Form>
    </Page>
  );
}
