import { deleteAccountInput } from '@musyawarah/core/schemas/account';
import {
  Button,
  ButtonGroup,
  Form,
  LinkButton,
  ModalDialog,
  PasswordField,
  TextField,
  WarningText,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveSignedOut } from '../../session';
import { useTRPC, type Me } from '../../trpc';

export function DeleteSection({ user }: { user: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const leaveSignedOut = useLeaveSignedOut();
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
            leaveSignedOut({ to: '/account/deleted' });
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
