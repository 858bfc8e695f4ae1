import { reportContributionInput } from '@musyawarah/core/consultation/schemas';
import { MODERATION_REASONS } from '@musyawarah/core/consultation/vocabulary';
import {
  Button,
  ButtonGroup,
  Form,
  LinkButton,
  ModalDialog,
  RadioGroupField,
  TextAreaField,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../../trpc';
import { useServerMessage, type PublicContribution } from '../data';

// The procedure's own rules, after this form's wording for a reason not chosen (the pipe stops at the first issue, so
// "Select why you are reporting" rather than the generic "choose one of the options").
const reportSchema = reportContributionInput.omit({ contributionId: true }).extend({
  reason: z
    .string({ error: 'consultations.report.reasonMissing' })
    .pipe(reportContributionInput.shape.reason),
});

export function ReportDialog({
  contribution,
  onClose,
  onReported,
}: {
  contribution: PublicContribution | null;
  onClose: () => void;
  onReported: (id: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const serverMessage = useServerMessage();
  const form = useZodForm(reportSchema, { defaultValues: { note: '' } });
  const report = useMutation(trpc.contributions.report.mutationOptions());
  const close = () => {
    form.reset();
    report.reset();
    onClose();
  };
  const onSubmit = async ({ reason, note }: z.output<typeof reportSchema>) => {
    if (!contribution) return;
    // Thrown errors go to the form's error summary (and to the field the server names).
    await report.mutateAsync({ contributionId: contribution.id, reason, note });
    onReported(contribution.id);
    close();
  };
  return (
    <ModalDialog
      isOpen={contribution !== null}
      onOpenChange={(open) => !open && close()}
      title={t('consultations.report.title')}
    >
      <Form form={form} id="report-contribution" onSubmit={onSubmit} serverMessage={serverMessage}>
        <p>{t('consultations.report.intro')}</p>
        <RadioGroupField
          name="reason"
          legend={t('consultations.report.reason')}
          options={MODERATION_REASONS.map((r) => ({
            value: r,
            label: t(`consultations.report.reasons.${r}`),
          }))}
        />
        <TextAreaField
          name="note"
          label={t('consultations.report.note')}
          optional
          rows={3}
          maxLength={1000}
        />
        <ButtonGroup>
          <Button type="submit" isBusy={report.isPending}>
            {t('consultations.report.send')}
          </Button>
          <LinkButton onClick={close}>{t('consultations.report.cancel')}</LinkButton>
        </ButtonGroup>
      </Form>
    </ModalDialog>
  );
}
