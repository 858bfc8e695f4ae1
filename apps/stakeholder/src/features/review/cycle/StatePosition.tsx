import { positionInput, type PositionInput } from '@musyawarah/core/review/schemas';
import { type MemberStateCode } from '@musyawarah/core';
import { POSITION_KINDS, type PositionKind } from '@musyawarah/core/review/vocabulary';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  ButtonGroup,
  Form,
  LinkButton,
  RadioGroupField,
  TextAreaField,
  formSchema,
  useNoticeBeside,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { PositionTag } from '../shared';
import { type ParticipantEdit } from './types';

export interface PositionFormValues {
  kind: PositionKind | '';
  text: string;
  counterProposal: string;
}

/** The representative's state's formal position on one edit: shown when recorded, and (in the comment period) a form. */
export function StatePosition({
  edit,
  memberState,
  canRecord,
  n,
}: {
  edit: ParticipantEdit;
  memberState: MemberStateCode;
  canRecord: boolean;
  n: number;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const notice = useNoticeBeside({ headingLevel: 5 });
  // The form, and the button that sent it, go when the position is recorded: focus is put on what replaces them (the
  // button to change it) rather than left to fall back to the top of the page.
  const [justRecorded, setJustRecorded] = useState(false);
  const own = edit.myPosition;
  const formId = `position-${n}`;
  const changeId = `${formId}-change`;
  useEffect(() => {
    if (justRecorded) document.getElementById(changeId)?.focus();
  }, [justRecorded, changeId]);
  const schema = formSchema(
    (values: PositionFormValues) => ({
      ...values,
      kind: values.kind || undefined,
      editId: edit.id,
      memberState,
    }),
    positionInput,
  );
  const form = useForm<PositionFormValues, unknown, PositionInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: {
      kind: own?.kind ?? '',
      text: own?.text ?? '',
      counterProposal: own?.counterProposal ?? '',
    },
    resolver: zodResolver(schema),
  });
  const record = useMutation(trpc.review.recordPosition.mutationOptions());
  const kind = useWatch({ control: form.control, name: 'kind' });
  const state = t(`common.memberStates.${memberState}`);

  const onSubmit = async (values: PositionInput) => {
    notice.clear();
    await record.mutateAsync(values);
    await queryClient.invalidateQueries({ queryKey: trpc.review.edits.queryKey({ cycleId: edit.cycleId }) });
    setEditing(false);
    setJustRecorded(true);
    notice.success(t('reviews.position.saved', { state }));
  };

  return (
    <section className="review-position-form" aria-labelledby={`${formId}-heading`}>
      <h4 className="heading-s" id={`${formId}-heading`}>
        {t('reviews.position.heading', { state })}
      </h4>
      {own && !editing ? (
        <>
          <p>
            <PositionTag kind={own.kind} />
          </p>
          {own.text && <p className="review-pre">{own.text}</p>}
          {own.counterProposal && (
            <>
              <p className="heading-s">{t('reviews.position.counterProposal')}</p>
              <p className="review-pre inset-text">{own.counterProposal}</p>
            </>
          )}
          {own.answer && (
            <>
              <p className="heading-s">{t('reviews.answer')}</p>
              <p className="review-pre">{own.answer}</p>
            </>
          )}
          {canRecord && (
            <Button
              id={changeId}
              variant="secondary"
              onClick={() => {
                notice.clear();
                setJustRecorded(false);
                setEditing(true);
              }}
            >
              {t('reviews.position.change')}
              <span className="visually-hidden"> {t('reviews.edit.number', { n })}</span>
            </Button>
          )}
        </>
      ) : !canRecord ? (
        <p>{t('reviews.position.noneRecorded')}</p>
      ) : (
        <Form
          form={form}
          id={formId}
          onSubmit={onSubmit}
          aria-label={t('reviews.position.heading', { state })}
        >
          <RadioGroupField
            name="kind"
            legend={t('reviews.position.kindLegend', { state })}
            options={POSITION_KINDS.map((k) => ({
              value: k,
              label: t(`reviews.position.${k}`),
              hint: t(`reviews.positionHint.${k}`),
            }))}
          />
          <TextAreaField
            name="text"
            label={
              kind === 'object' || kind === 'support_with_amendment'
                ? t('worksurface.position.textRequired')
                : t('worksurface.position.textRule')
            }
            rows={4}
          />
          {kind === 'support_with_amendment' && (
            <TextAreaField
              name="counterProposal"
              label={t('reviews.position.counterProposal')}
              hint={t('reviews.position.counterProposalHint')}
              rows={4}
            />
          )}
          <ButtonGroup>
            <Button type="submit" isBusy={form.formState.isSubmitting}>
              {t('reviews.position.submit', { state })}
            </Button>
            {own && <LinkButton onClick={() => setEditing(false)}>{t('reviews.common.cancel')}</LinkButton>}
          </ButtonGroup>
        </Form>
      )}
      {notice.region}
    </section>
  );
}
