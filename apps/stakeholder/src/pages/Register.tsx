import { isSupportedLocale } from '@musyawarah/ui';
import { registerInput } from '@musyawarah/core/schemas/account';
import {
  Button,
  CheckboxField,
  Form,
  Page,
  RadioGroupField,
  SelectField,
  TextField,
  useMemberStateOptions,
  useStakeholderGroupOptions,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useTRPC } from '../trpc';

export function PasswordHint() {
  const { t } = useTranslation();
  return (
    <>
      {t('register.passwordHint.intro')}
      <ul>
        <li>{t('register.passwordHint.length')}</li>
        <li>{t('register.passwordHint.phrase')}</li>
        <li>{t('register.passwordHint.common')}</li>
      </ul>
    </>
  );
}

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const register = useMutation(trpc.auth.register.mutationOptions());
  const memberStates = useMemberStateOptions();
  const groups = useStakeholderGroupOptions();
  const form = useZodForm(registerInput, {
    defaultValues: {
      name: '',
      email: '',
      organisationName: '',
      locale: isSupportedLocale(i18n.language) ? i18n.language : 'en',
    },
  });

  return (
    <Page title={t('register.title')}>
      <p>{t('register.intro')}</p>
      <p>
        {t('register.haveAccount')} <Link to="/sign-in">{t('register.signIn')}</Link>
      </p>
      <Form
        form={form}
        id="register"
        onSubmit={async (values) => {
          await register.mutateAsync(values);
          await navigate('/register/check-email', { state: { email: values.email } });
        }}
      >
        <TextField name="name" label={t('register.name')} hint={t('register.nameHint')} autoComplete="name" />
        <TextField
          name="email"
          type="email"
          label={t('register.email')}
          hint={t('register.emailHint')}
          autoComplete="email"
          spellCheck={false}
        />
        <RadioGroupField
          name="stakeholderGroup"
          legend={t('register.group')}
          hint={t('register.groupHint')}
          options={groups}
        />
        <TextField
          name="organisationName"
          label={t('register.organisation')}
          hint={t('register.organisationHint')}
          autoComplete="organization"
          optional
        />
        <SelectField
          name="memberState"
          label={t('register.memberState')}
          hint={t('register.memberStateHint')}
          options={memberStates}
          placeholder={t('register.memberStateNone')}
          optional
        />
        <CheckboxField
          name="privacyConsent"
          label={t('register.consent')}
          hint={
            <>
              <Link to="/privacy" target="_blank" rel="noopener">
                {t('register.consentLink')}
              </Link>{' '}
              {t('register.consentHint')}
            </>
          }
        />
        <Button type="submit" isBusy={register.isPending}>
          {t('register.submit')}
        </Button>
      </Form>
    </Page>
  );
}
