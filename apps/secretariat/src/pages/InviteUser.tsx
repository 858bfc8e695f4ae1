import { inviteUserInput } from '@musyawarah/core/schemas/account';
import {
  Button,
  Form,
  noticeOnArrival,
  Page,
  RadioGroupField,
  SelectField,
  TextField,
  useMemberStateOptions,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../trpc';

export function InviteUserPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invite = useMutation(trpc.users.invite.mutationOptions());
  const memberStates = useMemberStateOptions();
  const form = useZodForm(inviteUserInput, { defaultValues: { name: '', email: '' } });
  const role = form.watch('role');

  // A Secretariat account never has a Member State: clear it when the role changes away.
  useEffect(() => {
    if (role !== 'member_state') form.setValue('memberState', undefined);
  }, [role, form]);

  return (
    <Page title={t('users.invite.title')} backLink={{ to: '/users', label: t('shell.nav.users') }}>
      <p>{t('users.invite.intro')}</p>
      <Form
        form={form}
        id="invite"
        onSubmit={async (values) => {
          const { invitation } = await invite.mutateAsync(values);
          await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
          await queryClient.invalidateQueries({ queryKey: trpc.mail.pathKey() });
          await navigate('/invitations', {
            state: noticeOnArrival.success(
              { key: 'users.invite.sent', params: { email: invitation.email } },
              { to: '/mail', text: { key: 'invitations.toOutbox' } },
            ),
          });
        }}
      >
        <TextField name="name" label={t('users.invite.name')} autoComplete="off" />
        <TextField
          name="email"
          type="email"
          label={t('users.invite.email')}
          autoComplete="off"
          spellCheck={false}
        />
        <RadioGroupField
          name="role"
          legend={t('users.invite.role')}
          hint={t('users.invite.roleHint')}
          options={[
            {
              value: 'secretariat',
              label: t('users.invite.roles.secretariat'),
              hint: t('users.invite.roles.secretariatHint'),
            },
            {
              value: 'member_state',
              label: t('users.invite.roles.member_state'),
              hint: t('users.invite.roles.member_stateHint'),
            },
          ]}
        />
        {role === 'member_state' && (
          <SelectField
            name="memberState"
            label={t('users.invite.memberState')}
            hint={t('users.invite.memberStateHint')}
            options={memberStates}
            placeholder={t('common.selectPlaceholder')}
          />
        )}
        <Button type="submit" isBusy={invite.isPending}>
          {t('users.invite.submit')}
        </Button>
      </Form>
    </Page>
  );
}
