import { signInInput } from '@musyawarah/core/schemas/account';
import { Button, Form, Page, PasswordField, TextField, useZodForm } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext, useSetMe } from '../session';
import { useTRPC } from '../trpc';

export function SignInPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const setMe = useSetMe();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());
  const form = useZodForm(signInInput, { defaultValues: { email: '', password: '' } });

  return (
    <Page title={t('signIn.title')}>
      <Form
        form={form}
        id="sign-in"
        onSubmit={async (values) => {
          const { user } = await signIn.mutateAsync(values);
          setMe(user);
          await navigate(safeNext(params.get('next'), '/'), { replace: true });
        }}
        renderMessageExtra={(key) =>
          key === 'auth.emailNotConfirmed' ? (
            <p>
              <Link to="/register/check-email" state={{ email: form.getValues('email') }}>
                {t('signIn.resendLink')}
              </Link>
            </p>
          ) : null
        }
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
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <h2 className="heading-m">{t('signIn.noAccountTitle')}</h2>
      <p>
        <Link to="/register">{t('signIn.register')}</Link>
      </p>
    </Page>
  );
}
