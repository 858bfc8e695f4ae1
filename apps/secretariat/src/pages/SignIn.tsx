import { signInInput } from '@musyawarah/core/schemas/account';
import { Button, Form, NotificationBanner, Page, PasswordField, TextField, useZodForm } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext, useMe, useSetMe } from '../session';
import { useTRPC } from '../trpc';

export function SignInPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const setMe = useSetMe();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());
  const form = useZodForm(signInInput, { defaultValues: { email: '', password: '' } });
  const next = safeNext(params.get('next'));

  if (me.data?.role === 'secretariat') return <Navigate to={next} replace />;

  return (
    <Page title={t('signIn.title')}>
      {me.data && (
        <NotificationBanner>
          <p>{t('signIn.wrongAccount', { name: me.data.name })}</p>
          <p>
            <a href="/">{t('signIn.toPublicSite')}</a>
          </p>
        </NotificationBanner>
      )}
      <p>{t('signIn.intro')}</p>
      <Form
        form={form}
        id="sign-in"
        onSubmit={async (values) => {
          const { user } = await signIn.mutateAsync({ ...values, requiredRole: 'secretariat' });
          setMe(user);
          await navigate(next, { replace: true });
        }}
      >
        <TextField
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="username"
          spellCheck={false}
        />
        <PasswordField name="password" label={t('signIn.password')} autoComplete="current-password" />
        <Button type="submit" isBusy={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </Form>
      <p>
        <a href="/forgot-password">{t('signIn.forgot')}</a>
      </p>
    </Page>
  );
}
