import { questionInput, type QuestionInput } from '@musyawarah/core/consultation/schemas';
import {
  LIKERT_POINTS,
  OPTION_QUESTION_KINDS,
  QUESTION_KINDS,
  type QuestionKind,
} from '@musyawarah/core/consultation/vocabulary';
import {
  Button,
  ButtonGroup,
  CheckboxField,
  ErrorNotice,
  Form,
  formSchema,
  languageAutonym,
  Loading,
  noticeOnArrival,
  optionOrBlank,
  Page,
  SelectField,
  TextField,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { useTRPC } from '../../trpc';
import './consultations.css';
import { english, useServerMessage, type RoundDetail } from './shared';

const FORM_ID = 'questions';

interface QuestionForm {
  kind: QuestionKind | '';
  prompt: Record<string, string>;
  help: Record<string, string>;
  required: boolean;
  options: { text: Record<string, string> }[];
  likert: { points: string; minLabel: Record<string, string>; maxLabel: Record<string, string> };
}
interface QuestionsFormValues {
  questions: QuestionForm[];
}

const isOptionKind = (kind: string) => (OPTION_QUESTION_KINDS as readonly string[]).includes(kind);

function toInput(q: QuestionForm) {
  return {
    kind: q.kind || undefined,
    prompt: q.prompt,
    help: q.help.en?.trim() ? q.help : null,
    required: q.required,
    options: isOptionKind(q.kind) ? q.options.map((o) => o.text) : [],
    likert:
      q.kind === 'likert'
        ? { ...q.likert, points: LIKERT_POINTS.find((points) => String(points) === q.likert.points) }
        : null,
  };
}

const schema = formSchema(
  (values: QuestionsFormValues) => ({ questions: values.questions.map(toInput) }),
  z.object({ questions: z.array(questionInput).max(50) }),
);

const emptyQuestion = (): QuestionForm => ({
  kind: 'free_text',
  prompt: { en: '' },
  help: { en: '' },
  required: false,
  options: [{ text: { en: '' } }, { text: { en: '' } }],
  likert: { points: '5', minLabel: { en: '' }, maxLabel: { en: '' } },
});

function fromRound(round: RoundDetail): QuestionForm[] {
  return round.questions.map((q) => ({
    kind: optionOrBlank(QUESTION_KINDS, q.kind),
    prompt: { ...q.prompt },
    help: { en: '', ...(q.help ?? {}) },
    required: q.required,
    options: q.options.length ? q.options.map((text) => ({ text: { ...text } })) : emptyQuestion().options,
    likert: q.likert
      ? {
          points: String(q.likert.points),
          minLabel: { ...q.likert.minLabel },
          maxLabel: { ...q.likert.maxLabel },
        }
      : emptyQuestion().likert,
  }));
}

export function QuestionsPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const trpc = useTRPC();
  const round = useQuery(trpc.rounds.adminGet.queryOptions({ roundId }));
  return (
    <Page
      title={t('consultations.questions.title')}
      caption={round.data ? english(round.data.title) : undefined}
      backLink={{ to: `/consultations/${roundId}`, label: t('consultations.round.back') }}
    >
      {round.isPending ? (
        <Loading />
      ) : round.isError ? (
        <ErrorNotice error={round.error} onRetry={() => void round.refetch()} />
      ) : (
        <QuestionsForm round={round.data} />
      )}
    </Page>
  );
}

function QuestionsForm({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [announcement, setAnnouncement] = useState('');
  const form = useZodForm(schema, { defaultValues: { questions: fromRound(round) } });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'questions' });
  const save = useMutation(trpc.rounds.saveQuestions.mutationOptions());

  const onSubmit = async (values: { questions: QuestionInput[] }) => {
    // A refusal (questions locked once feedback arrived: `round.questionsLocked`) shows in the form's error summary.
    await save.mutateAsync({ roundId: round.id, questions: values.questions });
    await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
    void navigate(`/consultations/${round.id}`, {
      state: noticeOnArrival.success({ key: 'consultations.round.notice.saved' }),
    });
  };

  const moveTo = (from: number, to: number, fieldKey: string, direction: 'up' | 'down') => {
    if (to < 0 || to >= fields.length) return;
    move(from, to);
    setAnnouncement(t('consultations.questions.moved', { from: from + 1, to: to + 1 }));
    // Keep focus on the button that was pressed, now in the question's new place; at an end, on the other one.
    requestAnimationFrame(() => {
      const atEnd = (direction === 'up' && to === 0) || (direction === 'down' && to === fields.length - 1);
      document
        .getElementById(`${fieldKey}-${atEnd ? (direction === 'up' ? 'down' : 'up') : direction}`)
        ?.focus();
    });
  };

  return (
    <>
      <p className="prose">{t('consultations.questions.intro')}</p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <Form form={form} id={FORM_ID} onSubmit={onSubmit} serverMessage={serverMessage}>
        {fields.length === 0 && <p>{t('consultations.questions.none')}</p>}
        <ol className="list-plain consult-questions">
          {fields.map((field, index) => (
            <li key={field.id} className="consult-question">
              <fieldset className="fieldset">
                <legend className="legend legend--m">
                  {t('consultations.questions.question', { n: index + 1 })}
                </legend>
                <div className="button-group consult-question__tools">
                  <Button
                    id={`${field.id}-up`}
                    variant="secondary"
                    size="small"
                    aria-disabled={index === 0 ? true : undefined}
                    onClick={() => moveTo(index, index - 1, field.id, 'up')}
                  >
                    {t('consultations.questions.moveUp')}
                    <span className="visually-hidden">
                      {' '}
                      {t('consultations.questions.question', { n: index + 1 })}
                    </span>
                  </Button>
                  <Button
                    id={`${field.id}-down`}
                    variant="secondary"
                    size="small"
                    aria-disabled={index === fields.length - 1 ? true : undefined}
                    onClick={() => moveTo(index, index + 1, field.id, 'down')}
                  >
                    {t('consultations.questions.moveDown')}
                    <span className="visually-hidden">
                      {' '}
                      {t('consultations.questions.question', { n: index + 1 })}
                    </span>
                  </Button>
                  <Button variant="warning" size="small" onClick={() => remove(index)}>
                    {t('consultations.questions.remove', { n: index + 1 })}
                  </Button>
                </div>
                <QuestionFields index={index} languages={round.languages} />
              </fieldset>
            </li>
          ))}
        </ol>
        <ButtonGroup>
          <Button variant="secondary" onClick={() => append(emptyQuestion())}>
            {t('consultations.questions.add')}
          </Button>
        </ButtonGroup>
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('consultations.questions.save')}
          </Button>
          <Link to={`/consultations/${round.id}`}>{t('consultations.editor.cancel')}</Link>
        </ButtonGroup>
      </Form>
    </>
  );
}

function PerLanguage({ name, label, languages }: { name: string; label: string; languages: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {languages.map((lang) => (
        <TextField
          key={lang}
          name={`${name}.${lang}`}
          lang={lang}
          width="full"
          optional={lang !== 'en'}
          label={t('consultations.questions.inLanguage', { label, language: languageAutonym(lang) })}
        />
      ))}
    </>
  );
}

function QuestionFields({ index, languages }: { index: number; languages: string[] }) {
  const { t } = useTranslation();
  const base = `questions.${index}`;
  const kind = useWatch({ name: `${base}.kind` }) as string;
  const options = useFieldArray({ name: `${base}.options` as 'questions.0.options' });
  const langs = ['en', ...languages.filter((l) => l !== 'en')];
  return (
    <>
      <SelectField
        name={`${base}.kind`}
        label={t('consultations.questions.kind')}
        options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`consultations.questionKind.${k}`) }))}
      />
      <PerLanguage name={`${base}.prompt`} label={t('consultations.questions.prompt')} languages={langs} />
      <TextField name={`${base}.help.en`} label={t('consultations.questions.help')} optional width="full" />
      <CheckboxField name={`${base}.required`} label={t('consultations.questions.required')} />
      {isOptionKind(kind) && (
        <fieldset className="fieldset consult-subsection">
          <legend className="legend">{t('consultations.questions.options')}</legend>
          {options.fields.map((o, i) => (
            <div key={o.id} className="consult-row">
              <PerLanguage
                name={`${base}.options.${i}.text`}
                label={t('consultations.questions.option', { n: i + 1 })}
                languages={langs}
              />
              {options.fields.length > 2 && (
                <Button variant="secondary" size="small" onClick={() => options.remove(i)}>
                  {t('consultations.questions.removeOption', { n: i + 1 })}
                </Button>
              )}
            </div>
          ))}
          {options.fields.length < 20 && (
            <Button variant="secondary" size="small" onClick={() => options.append({ text: { en: '' } })}>
              {t('consultations.questions.addOption')}
            </Button>
          )}
        </fieldset>
      )}
      {kind === 'likert' && (
        <fieldset className="fieldset consult-subsection">
          <legend className="legend">{t('consultations.questions.scale')}</legend>
          <SelectField
            name={`${base}.likert.points`}
            label={t('consultations.questions.points')}
            options={LIKERT_POINTS.map((p) => ({ value: String(p), label: String(p) }))}
          />
          <PerLanguage
            name={`${base}.likert.minLabel`}
            label={t('consultations.questions.minLabel')}
            languages={langs}
          />
          <PerLanguage
            name={`${base}.likert.maxLabel`}
            label={t('consultations.questions.maxLabel')}
            languages={langs}
          />
        </fieldset>
      )}
    </>
  );
}
