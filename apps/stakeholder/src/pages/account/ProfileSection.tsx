import { LANGUAGES, type LanguageCode } from '@musyawarah/core/domain';
import { updateProfileInput } from '@musyawarah/core/schemas/account';
import {
  Button,
  Form,
  RadioGroupField,
  SelectField,
  SummaryList,
  TextField,
  useLanguageOptions,
  useMemberStateOptions,
  useStakeholderGroupOptions,
  useZodForm,
  useNoticeBeside,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Me } from '../../trpc';

export const toLocale = (code: string): LanguageCode =>
  (LANGUAGES as readonly string[]).includes(code) ? (code as LanguageCode) : 'en';

export function profileValues(user: Me) {
  return {
    name: user.name,
    stakeholderGroup: user.stakeholderGroup ?? undefined,
    organisationName: user.organisationName ?? '',
    memberState: user.memberState ?? undefined,
    locale: toLocale(user.locale),
  };
}

export function ProfileSection({ user }: { user: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.account.updateProfile.mutationOptions());
  const notice = useNoticeBeside({ headingLevel: 3 });
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
          notice.clear();
          const { user: updated } = await update.mutateAsync(values);
          queryClient.setQueryData(trpc.auth.me.queryKey(), updated);
          form.reset(profileValues(updated));
          // By key, so it is said in the language just chosen.
          notice.success({ key: 'account.profile.saved' });
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
      {notice.region}
    </section>
  );
}
