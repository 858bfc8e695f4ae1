import { commentInput, type CommentInput } from '@musyawarah/core/review/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, CheckboxField, Form, TextAreaField, formSchema, type NoticeBeside } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useDay } from '../shared';
import { type Cycle } from './types';

export interface CommentFormValues {
  body: string;
  confidential: boolean;
}

export function CommentForm({
  cycle,
  editId,
  parentId,
  formId,
  label,
  notice,
  onSend,
  onDone,
}: {
  cycle: Cycle;
  editId: string;
  parentId?: string;
  formId: string;
  label: string;
  /** Where "your comment was added" is said: beside this form, or beside the comment a reply answers (the reply form closes). */
  notice: NoticeBeside;
  /** Called as the comment is sent, before the answer (a reply puts its notice's region beside the comment then). */
  onSend?: () => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const day = useDay();
  const headingId = useId();
  const schema = formSchema((values: CommentFormValues) => ({ ...values, editId, parentId }), commentInput);
  const form = useForm<CommentFormValues, unknown, CommentInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: { body: '', confidential: false },
    resolver: zodResolver(schema),
  });
  const add = useMutation(trpc.review.addComment.mutationOptions());
  // One key per comment, kept until it is stored: sending again after a lost answer stores it once.
  const idempotencyKey = useRef(crypto.randomUUID());
  const onSubmit = async (values: CommentInput) => {
    onSend?.();
    notice.clear();
    await add.mutateAsync({ ...values, idempotencyKey: idempotencyKey.current });
    idempotencyKey.current = crypto.randomUUID();
    await queryClient.invalidateQueries({ queryKey: trpc.review.comments.queryKey({ editId }) });
    form.reset();
    notice.success(t('reviews.comments.sent'));
    onDone?.();
  };
  return (
    <div className="review-inline-form" role="group" aria-labelledby={headingId}>
      <p className="heading-s" id={headingId}>
        {label}
      </p>
      <Form form={form} id={formId} onSubmit={onSubmit} aria-label={label}>
        <TextAreaField name="body" label={t('reviews.comments.body')} rows={4} />
        <CheckboxField
          name="confidential"
          label={t('reviews.comments.confidential')}
          hint={t('reviews.comments.confidentialHint', { date: day(cycle.publicationDate) })}
        />
        <Button type="submit" isBusy={form.formState.isSubmitting}>
          {parentId ? t('reviews.comments.sendReply') : t('reviews.comments.send')}
        </Button>
      </Form>
    </div>
  );
}
