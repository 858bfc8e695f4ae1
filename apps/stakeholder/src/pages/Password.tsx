import {
  completePasswordResetInput,
  linkTokenField,
  requestPasswordResetInput,
} from '@musyawarah/core/schemas/account';
import {
  Button,
  Form,
  Page,
  PasswordField,
  TextField,
  errorKey,
  isLinkError,
  noticeOnArrival,
  useMessage,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTRPC } from '../trpc';
import { PasswordHint } from './Register';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm(requestPasswordResetInput, { defaultValues: { email: '' } });

  if (sentTo) {
    return (
      <Page title={t('signIn.checkEmail.title')}>
        <p className="lead">{t('password.forgot.sent', { email: sentTo })}</p>
        <p>{t('password.forgot.expiry')}</p>
        <p>
          <Link to="/sign-in">{t('password.backToSignIn')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('password.forgot.title')} backLink={{ to: '/sign-in', label: t('password.backToSignIn') }}>
      <p>{t('password.forgot.intro')}</p>
      <Form
        form={form}
        id="forgot-password"
        onSubmit={async (values) => {
          await request.mutateAsync(values);
          setSentTo(values.email);
        }}
      >
        <TextField
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="email"
          spellCheck={false}
        />
        <Button type="submit" isBusy={request.isPending}>
          {t('password.forgot.submit')}
        </Button>
      </Form>
    </Page>
  );
}

/** A link that does not work any more: say why and offer a way on. */
export function BrokenLinkPage({
  reason,
  hint,
  retryTo,
  retryLabel,
}: {
  reason: string;
  hint?: string;
  retryTo: string;
  retryLabel: string;
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  return (
    <Page title={t('signIn.confirm.failedTitle')}>
      <p className="lead">{tm(reason)}</p>
      {hint && <p>{hint}</p>}
      <p>
        <Link to={retryTo}>{retryLabel}</Link>
      </p>
    </Page>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const complete = useMutation(trpc.auth.completePasswordReset.mutationOptions());
  const form = useZodForm(completePasswordResetInput, { defaultValues: { token, password: '' } });
  const linkKey = errorKey(complete.error);

  if (!linkTokenField.safeParse(token).success || isLinkError(linkKey)) {
    return (
      <BrokenLinkPage
        reason={linkKey ?? 'auth.linkInvalid'}
        retryTo="/forgot-password"
        retryLabel={t('password.reset.requestNew')}
      />
    );
  }
  return (
    <Page title={t('password.reset.title')}>
      <Form
        form={form}
        id="reset-password"
        onSubmit={async (values) => {
          await complete.mutateAsync(values);
          await navigate('/sign-in', {
            state: noticeOnArrival.success({ key: 'signIn.notices.passwordChanged' }),
          });
        }}
      >
        <PasswordField
          name="password"
          label={t('password.reset.password')}
          hint={<PasswordHint />}
          autoComplete="new-password"
        />
        <Button type="submit" isBusy={complete.isPending}>
          {t('password.reset.submit')}
        </Button>
      </Form>
    </Page>
  );
}
