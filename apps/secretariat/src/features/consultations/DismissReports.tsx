import { dismissReportsInput } from '@musyawarah/core/consultation/schemas';
import { Button, Details, Form, TextAreaField, useZodForm } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../trpc';

// The procedure's own rule for the note, after this form's own wording for a blank one (the pipe stops there).
const dismissSchema = z.object({
  note: z
    .string()
    .trim()
    .min(1, { error: 'worksurface.moderation.dismissNoteRequired' })
    .pipe(dismissReportsInput.shape.note),
});

/**
 * A reported contribution that breaks no rule: its reports are dismissed with a note for the record, and it stays
 * shown. Offered beside "Hide", behind a disclosure, so hiding is not the only way to clear a report.
 */
export function DismissReports({
  contributionId,
  reference,
  onDone,
  refresh,
}: {
  contributionId: string;
  reference: string;
  onDone: (message: string, tone?: 'success' | 'error') => void;
  refresh: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useZodForm(dismissSchema, { defaultValues: { note: '' } });
  const dismiss = useMutation(trpc.contributions.dismissReports.mutationOptions());

  const onSubmit = async ({ note }: z.output<typeof dismissSchema>) => {
    // Thrown errors go to the form: on the field when the note is refused, else in the error summary.
    await dismiss.mutateAsync({ contributionId, note });
    form.reset({ note: '' });
    await refresh();
    onDone(t('worksurface.moderation.dismissed', { reference }));
  };

  return (
    <Details summary={t('worksurface.moderation.dismissSummary')}>
      <Form form={form} id={`dismiss-reports-${contributionId}`} onSubmit={onSubmit}>
        <TextAreaField
          name="note"
          rows={3}
          label={
            <>
              {t('worksurface.moderation.dismissNote')}
              <span className="visually-hidden"> {reference}</span>
            </>
          }
          hint={t('worksurface.moderation.dismissHint')}
        />
        <Button type="submit" variant="secondary" isBusy={dismiss.isPending}>
          {t('worksurface.moderation.dismiss')}
          <span className="visually-hidden"> {reference}</span>
        </Button>
      </Form>
    </Details>
  );
}
