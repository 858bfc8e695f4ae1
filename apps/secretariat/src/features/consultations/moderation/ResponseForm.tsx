import { contributionResponseInput } from '@musyawarah/core/consultation/schemas';
import { Button, Form, TextAreaField, useZodForm } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../../trpc';
import type { CardPartProps } from './types';

// The procedure's own rule for the text, after this form's own wording for a blank response (a pipe stops at the
// first schema's issue, so a blank box says "Enter the response" rather than the generic message).
const responseSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, { error: 'consultations.moderation.responseRequired' })
    .pipe(contributionResponseInput.shape.text),
});

/** The Secretariat's public response to a contribution: written, then published (or updated). */
export function ResponseForm({
  contributionId,
  published,
  reference,
  idPrefix,
  refresh,
  onDone,
}: CardPartProps & { published: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useZodForm(responseSchema, { defaultValues: { text: published ?? '' } });
  const respond = useMutation(trpc.contributions.respond.mutationOptions());

  const onSubmit = async ({ text }: z.output<typeof responseSchema>) => {
    // Thrown errors go to the form: on the field when the text is refused, else in the error summary.
    await respond.mutateAsync({ contributionId, text });
    await refresh();
    onDone(t('consultations.moderation.responded', { reference }));
  };

  return (
    <div className="consult-response">
      <Form form={form} id={`${idPrefix}-response-form`} onSubmit={onSubmit}>
        <TextAreaField
          name="text"
          rows={3}
          label={
            <>
              {t('consultations.moderation.response')}
              <span className="visually-hidden"> {reference}</span>
            </>
          }
          hint={t('consultations.moderation.responseHint')}
        />
        <Button type="submit" variant="secondary" size="small" isBusy={respond.isPending}>
          {published
            ? t('consultations.moderation.updateResponse')
            : t('consultations.moderation.publishResponse')}
          <span className="visually-hidden"> {reference}</span>
        </Button>
      </Form>
    </div>
  );
}
