import { frameworkDocumentSchema } from '@musyawarah/core/review/schemas';
import { CYCLE_PHASES, type CyclePhase } from '@musyawarah/core/review/vocabulary';
import {
  Button,
  ButtonGroup,
  DataTable,
  ErrorNotice,
  Form,
  formSchema,
  Loading,
  NoticeRegion,
  Page,
  TextAreaField,
  TextField,
  useFormat,
  useNotice,
  useServerMessage,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { useTRPC, type Outputs } from '../../trpc';
import '@musyawarah/ui/review.css';
import {
  LanguageChoice,
  LanguageTabs,
  chosenLanguages,
  initialLanguages,
  pickLanguages,
  textToForm,
} from './LanguageFields';
import { ConflictReload } from './ConflictReload';

type Framework = NonNullable<Outputs['review']['framework']>;

/** A criterion or metric as the editor holds it: name and description per language. */
interface EntryValues {
  key: string;
  name: Record<string, string>;
  description: Record<string, string>;
}

/**
 * What the editor holds: the document with numbers as typed and texts in every language, turned into the shared
 * schema's shape (only the chosen languages) before validation. `languages` is the form's choice and is not sent.
 */
interface FrameworkFormValues {
  languages: string[];
  document: {
    title: string;
    introduction: string;
    criteria: EntryValues[];
    metrics: EntryValues[];
    timeline: { phase: CyclePhase; durationDays: string }[];
  };
}

const FORM_ID = 'framework';
const emptyEntry = (): EntryValues => ({ key: '', name: textToForm(null), description: textToForm(null) });
const entryToForm = (entry: Framework['document']['criteria'][number]): EntryValues => ({
  key: entry.key,
  name: textToForm(entry.name),
  description: textToForm(entry.description),
});

function toForm(framework: Framework | null): FrameworkFormValues {
  const doc = framework?.document;
  const entries = [...(doc?.criteria ?? []), ...(doc?.metrics ?? [])];
  return {
    languages: initialLanguages(...entries.flatMap((e) => [e.name, e.description])),
    document: {
      title: doc?.title ?? '',
      introduction: doc?.introduction ?? '',
      criteria: doc?.criteria.map(entryToForm) ?? [emptyEntry()],
      metrics: doc?.metrics.map(entryToForm) ?? [],
      timeline: CYCLE_PHASES.map((phase) => ({
        phase,
        durationDays: String(doc?.timeline.find((p) => p.phase === phase)?.durationDays ?? ''),
      })),
    },
  };
}

/** Anything but a whole number is left out: the schema refuses it as not a number, like a blank. */
const wholeNumber = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : undefined);

/** The shared document schema, after the typed day counts are turned into numbers. */
const frameworkFormSchema = formSchema(
  (v: FrameworkFormValues) => {
    const languages = chosenLanguages(v.languages);
    const entry = (e: EntryValues) => ({
      key: e.key,
      name: pickLanguages(e.name, languages),
      description: pickLanguages(e.description, languages),
    });
    return {
      document: {
        ...v.document,
        criteria: v.document.criteria.map(entry),
        metrics: v.document.metrics.map(entry),
        timeline: v.document.timeline.map((p) => ({
          phase: p.phase,
          durationDays: wholeNumber(p.durationDays),
        })),
      },
    };
  },
  z.object({ document: frameworkDocumentSchema }),
);

/** `/review/framework`: the Regional Review Framework. Every save is a new version; earlier ones stay readable. */
export function FrameworkPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const current = useQuery(trpc.review.framework.queryOptions());
  const notice = useNotice();
  return (
    <Page
      title={t('reviews.framework.title')}
      caption={current.data ? t('reviews.framework.caption', { version: current.data.version }) : undefined}
      backLink={{ to: '/review', label: t('reviews.home.title') }}
    >
      <p className="prose">{t('reviews.framework.intro')}</p>
      {current.isPending ? (
        <Loading />
      ) : current.isError ? (
        <ErrorNotice error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <FrameworkForm
          key={current.data?.version ?? 0}
          framework={current.data}
          onSaved={(version) => notice.success({ key: 'reviews.framework.saved', params: { version } })}
        />
      )}
      {/* Beside the save button, at the foot of a long form: outside the form, which starts afresh for each version. */}
      <NoticeRegion />
      <History />
    </Page>
  );
}

function FrameworkForm({
  framework,
  onSaved,
}: {
  framework: Framework | null;
  onSaved: (version: number) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const form = useZodForm(frameworkFormSchema, { defaultValues: toForm(framework) });
  const save = useMutation(trpc.review.saveFramework.mutationOptions());

  // A refusal, "someone saved a newer version" included, is thrown to the form's error summary.
  const onSubmit = async (values: z.output<typeof frameworkFormSchema>) => {
    const saved = await save.mutateAsync({
      document: values.document,
      expectedVersion: framework?.version ?? null,
    });
    await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
    onSaved(saved.version);
  };

  return (
    <>
      {/* The page keys this form by the framework's version: the reloaded version starts a fresh form. */}
      <Form
        form={form}
        id={FORM_ID}
        onSubmit={onSubmit}
        serverMessage={serverMessage}
        renderMessageExtra={(key) =>
          key === 'review.frameworkConflict' ? (
            <ConflictReload
              onReload={() => void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() })}
            />
          ) : null
        }
      >
        <TextField name="document.title" label={t('reviews.framework.docTitle')} width="full" />
        <TextAreaField
          name="document.introduction"
          label={t('reviews.framework.introduction')}
          hint={t('reviews.framework.introductionHint')}
          optional
          rows={5}
        />
        <LanguageChoice
          legend={t('reviews.framework.languages')}
          hint={t('reviews.framework.languagesHint')}
        />
        <h2 className="heading-l">{t('reviews.framework.criteriaHeading')}</h2>
        <p className="hint">{t('reviews.framework.criteriaHint')}</p>
        <Items name="criteria" legendKey="reviews.framework.criterion" minimum={1} />
        <h2 className="heading-l">{t('reviews.framework.metricsHeading')}</h2>
        <p className="hint">{t('reviews.framework.metricsHint')}</p>
        <Items name="metrics" legendKey="reviews.framework.metric" minimum={0} />
        <h2 className="heading-l">{t('reviews.framework.timelineHeading')}</h2>
        <p className="hint">{t('reviews.framework.timelineHint')}</p>
        {CYCLE_PHASES.map((phase, index) => (
          <TextField
            key={phase}
            name={`document.timeline.${index}.durationDays`}
            label={t('reviews.framework.phaseDays', { phase: t(`reviews.stage.${phase}`) })}
            inputMode="numeric"
            width="5"
          />
        ))}
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {framework ? t('reviews.framework.saveNew') : t('reviews.framework.saveFirst')}
          </Button>
          <Link to="/review">{t('reviews.common.cancel')}</Link>
        </ButtonGroup>
      </Form>
    </>
  );
}

function Items({
  name,
  legendKey,
  minimum,
}: {
  name: 'criteria' | 'metrics';
  legendKey: string;
  minimum: number;
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray<FrameworkFormValues, `document.${typeof name}`>({
    name: `document.${name}`,
  });
  const languages = chosenLanguages(useWatch({ name: 'languages' }));
  return (
    <>
      {fields.map((field, index) => (
        <fieldset key={field.id} className="fieldset review-repeat">
          <legend className="legend">{t(legendKey, { n: index + 1 })}</legend>
          <TextField
            name={`document.${name}.${index}.key`}
            label={t('reviews.framework.key')}
            hint={t('reviews.framework.keyHint')}
            width="20"
          />
          <LanguageTabs
            label={t('reviews.framework.textLanguages', { item: t(legendKey, { n: index + 1 }) })}
            languages={languages}
            fields={[
              {
                name: `document.${name}.${index}.name`,
                label: (language) => t('reviews.framework.nameIn', { language }),
              },
              {
                name: `document.${name}.${index}.description`,
                label: (language) => t('reviews.framework.descriptionIn', { language }),
                multiline: true,
                rows: 3,
              },
            ]}
          />
          {fields.length > minimum && (
            <Button variant="secondary" size="small" onClick={() => remove(index)}>
              {t('reviews.framework.remove', { item: t(legendKey, { n: index + 1 }) })}
            </Button>
          )}
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => append(emptyEntry())}>
        {t(`reviews.framework.add.${name}`)}
      </Button>
    </>
  );
}

function History() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const versions = useQuery(trpc.review.frameworkVersions.queryOptions());
  return (
    <section aria-labelledby="framework-history" className="review-history">
      <h2 className="heading-l" id="framework-history">
        {t('reviews.framework.historyHeading')}
      </h2>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorNotice error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <p>{t('reviews.framework.noHistory')}</p>
      ) : (
        <DataTable
          caption={t('reviews.framework.historyHeading')}
          captionHidden
          rows={versions.data}
          rowKey={(v) => String(v.version)}
          columns={[
            {
              key: 'version',
              header: t('reviews.framework.columns.version'),
              rowHeader: true,
              cell: (v) => v.version,
            },
            {
              key: 'saved',
              header: t('reviews.framework.columns.saved'),
              cell: (v) => format.dateTime(v.createdAt),
            },
            { key: 'by', header: t('reviews.framework.columns.by'), cell: (v) => v.createdBy ?? '' },
          ]}
        />
      )}
    </section>
  );
}
