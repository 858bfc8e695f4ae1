import { roundThemeInput } from '@musyawarah/core/consultation/schemas';
import { Button, Form, TextField, useZodForm } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../../trpc';
import type { RoundDetail } from '../shared';

// The procedure's own rule for the label, after this form's own wording for a blank one (the pipe stops there).
const themeSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, { error: 'consultations.moderation.themeRequired' })
    .pipe(roundThemeInput.shape.label),
});

export function AddTheme({
  round,
  onDone,
}: {
  round: RoundDetail;
  onDone: (text: string, tone?: 'success' | 'error') => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(themeSchema, { defaultValues: { label: '' } });
  const add = useMutation(trpc.rounds.addTheme.mutationOptions());

  const onSubmit = async ({ label }: z.output<typeof themeSchema>) => {
    // Thrown errors go to the form: a theme of that name already in the round is the label's own error
    // (`validation.themeExists`), anything else the error summary's.
    const theme = await add.mutateAsync({ roundId: round.id, label });
    form.reset({ label: '' });
    await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
    onDone(t('consultations.moderation.themeAdded', { label: theme.label }));
  };

  return (
    <div className="consult-inline-form">
      <Form
        form={form}
        id="add-theme"
        onSubmit={onSubmit}
        aria-label={t('consultations.moderation.addTheme')}
      >
        <TextField
          name="label"
          width="20"
          label={t('consultations.moderation.newTheme')}
          hint={
            round.themes.length
              ? t('consultations.moderation.existingThemes', {
                  list: round.themes.map((th) => th.label).join(', '),
                })
              : t('consultations.moderation.noThemes')
          }
        />
        <Button type="submit" variant="secondary" isBusy={add.isPending}>
          {t('consultations.moderation.addTheme')}
        </Button>
      </Form>
    </div>
  );
}
