import { facilitatedContributionInput } from '@musyawarah/core/consultation/schemas';
import { type LanguageCode, type MemberStateCode, type StakeholderGroup } from '@musyawarah/core';
import { FEEDBACK_TYPES, type FeedbackType } from '@musyawarah/core/consultation/vocabulary';
import {
  Button,
  ButtonGroup,
  CheckboxesField,
  CheckboxField,
  Form,
  formSchema,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
  useLanguageOptions,
  useMemberStateOptions,
  useNoticeBeside,
  useStakeholderGroupOptions,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../trpc';
import { english, useServerMessage, type RoundDetail } from './shared';

const FORM_ID = 'on-behalf';

/** The contribution fields as the form holds them; answers are turned into the API's shape on submit. */
interface OnBehalfValues {
  participantName: string;
  facilitationNote: string;
  stakeholderGroup: StakeholderGroup | '';
  memberState: MemberStateCode | '';
  organisationName: string;
  writtenIn: LanguageCode;
  namedPublicly: boolean;
  items: { type: FeedbackType; text: string; actionId: string }[];
  answers: Record<string, unknown>;
}

const onBehalfSchema = formSchema(
  (values: OnBehalfValues) => values,
  facilitatedContributionInput
    .omit({ roundId: true, idempotencyKey: true, answers: true })
    .extend({ answers: z.record(z.string(), z.unknown()).default({}) }),
);

type Question = RoundDetail['questions'][number];

function toAnswer(question: Question, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  switch (question.kind) {
    case 'free_text':
      return typeof value === 'string' && value.trim() ? value : undefined;
    case 'single_choice':
    case 'likert':
      return Number(value);
    case 'multiple_choice': {
      const list = Array.isArray(value) ? value : [value];
      return list.length ? list.map(Number) : undefined;
    }
    default:
      return undefined;
  }
}

export function OnBehalfForm({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const groupOptions = useStakeholderGroupOptions();
  const stateOptions = useMemberStateOptions();
  const languageOptions = useLanguageOptions().filter((o) => round.languages.includes(o.value));
  // One key per submission: a retry after a timeout or a double press gets the first receipt, not a second copy.
  const idempotencyKey = useRef(crypto.randomUUID());
  // The receipt is said beside the submit button, at the foot of a long form, where the person is.
  const notice = useNoticeBeside({ headingLevel: 3 });
  const serverMessage = useServerMessage();
  const defaults: OnBehalfValues = {
    participantName: '',
    facilitationNote: '',
    stakeholderGroup: '',
    memberState: '',
    organisationName: '',
    writtenIn: 'en',
    namedPublicly: false,
    items: [{ type: 'suggestion', text: '', actionId: '' }],
    answers: {},
  };
  const form = useZodForm(onBehalfSchema, { defaultValues: defaults });
  const items = useFieldArray({ control: form.control, name: 'items' });
  const submit = useMutation(trpc.contributions.submitOnBehalf.mutationOptions());

  const onSubmit = async (values: z.output<typeof onBehalfSchema>) => {
    const answers: Record<string, unknown> = {};
    for (const q of round.questions) {
      const a = toAnswer(q, values.answers[q.id]);
      if (a !== undefined) answers[q.id] = a;
    }
    notice.clear();
    // A refusal (a round that closed meanwhile: `round.closed`) is thrown to the form's error summary, in words.
    const result = await submit.mutateAsync({
      ...values,
      roundId: round.id,
      answers,
      idempotencyKey: idempotencyKey.current,
    });
    idempotencyKey.current = crypto.randomUUID();
    notice.success(t('consultations.onBehalf.saved', { reference: result.receiptReference }));
    form.reset(defaults);
    await queryClient.invalidateQueries({
      queryKey: trpc.contributions.moderationQueue.queryKey({ roundId: round.id }),
    });
    await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
  };

  if (round.phase !== 'open') return <p>{t('consultations.onBehalf.onlyOpen')}</p>;

  return (
    <>
      <p className="prose">{t('consultations.onBehalf.intro')}</p>
      <Form
        form={form}
        id={FORM_ID}
        onSubmit={onSubmit}
        serverMessage={serverMessage}
        aria-label={t('consultations.onBehalf.heading')}
      >
        <TextField
          name="participantName"
          label={t('consultations.onBehalf.participantName')}
          hint={t('consultations.onBehalf.participantNameHint')}
          optional
        />
        <CheckboxField name="namedPublicly" label={t('consultations.onBehalf.namedPublicly')} />

        <h3 className="heading-s">{t('consultations.onBehalf.feedbackHeading')}</h3>
        {items.fields.map((field, index) => (
          <fieldset key={field.id} className="fieldset consult-row">
            <legend className="legend">{t('consultations.onBehalf.item', { n: index + 1 })}</legend>
            <SelectField
              name={`items.${index}.type`}
              label={t('consultations.onBehalf.type')}
              options={FEEDBACK_TYPES.map((type) => ({
                value: type,
                label: t(`consultations.feedbackType.${type}`),
              }))}
            />
            <TextAreaField name={`items.${index}.text`} label={t('consultations.onBehalf.text')} rows={4} />
            <TextField
              name={`items.${index}.actionId`}
              label={t('consultations.onBehalf.actionId')}
              hint={t('consultations.onBehalf.actionIdHint')}
              width="5"
              optional
            />
            {items.fields.length > 1 && (
              <Button variant="secondary" size="small" onClick={() => items.remove(index)}>
                {t('consultations.onBehalf.removeItem', { n: index + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        {items.fields.length < 20 && (
          <Button
            variant="secondary"
            onClick={() => items.append({ type: 'suggestion', text: '', actionId: '' })}
          >
            {t('consultations.onBehalf.addItem')}
          </Button>
        )}

        {round.questions.length > 0 && (
          <h3 className="heading-s">{t('consultations.onBehalf.questionsHeading')}</h3>
        )}
        {round.questions.map((q) => {
          const name = `answers.${q.id}`;
          const label = english(q.prompt);
          const options = (q.options as unknown[]).map((o, i) => ({ value: String(i), label: english(o) }));
          if (q.kind === 'free_text')
            return <TextAreaField key={q.id} name={name} label={label} optional={!q.required} rows={3} />;
          if (q.kind === 'single_choice')
            return (
              <SelectField
                keepBlank
                key={q.id}
                name={name}
                label={label}
                options={options}
                placeholder={t('common.selectPlaceholder')}
                optional={!q.required}
              />
            );
          if (q.kind === 'multiple_choice')
            return (
              <CheckboxesField
                key={q.id}
                name={name}
                legend={label}
                options={options}
                optional={!q.required}
              />
            );
          if (q.kind === 'likert') {
            const points = q.likert?.points ?? 5;
            return (
              <SelectField
                keepBlank
                key={q.id}
                name={name}
                label={label}
                hint={t('consultations.onBehalf.likertHint', {
                  min: english(q.likert?.minLabel),
                  max: english(q.likert?.maxLabel),
                  points,
                })}
                options={Array.from({ length: points }, (_, i) => ({
                  value: String(i + 1),
                  label: String(i + 1),
                }))}
                placeholder={t('common.selectPlaceholder')}
                optional={!q.required}
              />
            );
          }
          return (
            <p key={q.id} className="hint">
              {t('consultations.onBehalf.rankingUnsupported', { prompt: label })}
            </p>
          );
        })}

        <h3 className="heading-s">{t('consultations.onBehalf.aboutHeading')}</h3>
        <RadioGroupField
          name="stakeholderGroup"
          legend={t('consultations.onBehalf.group')}
          options={groupOptions}
        />
        <SelectField
          keepBlank
          name="memberState"
          label={t('consultations.onBehalf.memberState')}
          options={stateOptions}
          placeholder={t('consultations.onBehalf.noState')}
          optional
        />
        <TextField name="organisationName" label={t('consultations.onBehalf.organisation')} optional />
        <SelectField
          name="writtenIn"
          label={t('consultations.onBehalf.writtenIn')}
          options={languageOptions}
        />
        <TextAreaField
          name="facilitationNote"
          label={t('consultations.onBehalf.note')}
          hint={t('consultations.onBehalf.noteHint')}
          optional
          rows={3}
        />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('consultations.onBehalf.submit')}
          </Button>
        </ButtonGroup>
        {notice.region}
      </Form>
    </>
  );
}
