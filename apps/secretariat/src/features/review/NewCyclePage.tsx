import { plannedPhasesFrom, addDays, dayOf } from '@musyawarah/core/review/rules';
import { cycleInput, type CycleInput } from '@musyawarah/core/review/schemas';
import {
  CYCLE_AUDIENCES,
  CYCLE_PHASES,
  type CycleAudience,
  type CyclePhase,
} from '@musyawarah/core/review/vocabulary';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  ButtonGroup,
  ErrorNotice,
  Form,
  formSchema,
  InsetText,
  Loading,
  noticeOnArrival,
  Page,
  RadioGroupField,
  TextField,
  useNotice,
  useServerMessage,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import { useCycle, type Cycle } from './CyclePage';
import {
  FilledLanguages,
  LanguageChoice,
  LanguageTabs,
  chosenLanguages,
  initialLanguages,
  pickLanguages,
  textToForm,
} from './LanguageFields';
import { ConflictReload } from './ConflictReload';
import '@musyawarah/ui/review.css';

type Framework = NonNullable<Outputs['review']['framework']>;

interface CycleFormValues {
  /** The languages filled in besides English (the form's choice; not sent). */
  languages: string[];
  title: Record<string, string>;
  description: Record<string, string>;
  audience: CycleAudience | '';
  publicationDate: string;
  phases: { phase: CyclePhase; plannedStart: string; plannedEnd: string }[];
}

const FORM_ID = 'cycle';

/** `/review/cycles/new`: a cycle under the framework in force, its phases planned from the framework's timeline. */
export function NewCyclePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const framework = useQuery(trpc.review.framework.queryOptions());
  return (
    <Page title={t('reviews.newCycle.title')} backLink={{ to: '/review', label: t('reviews.home.title') }}>
      {framework.isPending ? (
        <Loading />
      ) : framework.isError ? (
        <ErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />
      ) : !framework.data ? (
        <InsetText>
          <p>
            {t('reviews.newCycle.needsFramework')}{' '}
            <Link to="/review/framework">{t('reviews.home.frameworkCreate')}</Link>
          </p>
        </InsetText>
      ) : (
        <CycleForm framework={framework.data} frameworkVersion={framework.data.version} />
      )}
    </Page>
  );
}

/** `/review/cycles/:cycleId/plan`: the cycle's title, audience, publication date and planned dates (never actual ones). */
export function EditCyclePage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const notice = useNotice();
  return (
    <Page
      title={t('reviews.newCycle.editTitle')}
      caption={cycle.data?.title.en}
      backLink={{ to: `/review/cycles/${cycleId}`, label: t('reviews.sections.timeline') }}
    >
      {cycle.isPending ? (
        <Loading />
      ) : cycle.isError ? (
        <ErrorNotice error={cycle.error} onRetry={() => void cycle.refetch()} />
      ) : cycle.data.stage === 'adopted' ? (
        <InsetText>
          <p>{t('reviews.newCycle.adopted')}</p>
        </InsetText>
      ) : (
        <CycleForm
          key={cycle.data.version}
          frameworkVersion={cycle.data.frameworkVersion}
          cycle={cycle.data}
          onReloaded={() => notice.success(t('reviews.conflict.reloaded'))}
        />
      )}
    </Page>
  );
}

function CycleForm({
  framework,
  frameworkVersion,
  cycle,
  onReloaded,
}: {
  framework?: Framework;
  frameworkVersion: number;
  cycle?: Cycle;
  onReloaded?: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const start = addDays(dayOf(new Date()), 7);
  const planned = cycle
    ? cycle.phases.map((p) => ({ phase: p.phase, plannedStart: p.plannedStart, plannedEnd: p.plannedEnd }))
    : plannedPhasesFrom(framework?.document.timeline ?? [], start);
  const schema = formSchema(({ languages: ticked, ...v }: CycleFormValues) => {
    const languages = chosenLanguages(ticked);
    return {
      ...v,
      title: pickLanguages(v.title, languages),
      description: pickLanguages(v.description, languages),
      frameworkVersion,
      baseEditionNumber: cycle?.baseEditionNumber,
    };
  }, cycleInput);
  const form = useForm<CycleFormValues, unknown, CycleInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: {
      languages: initialLanguages(cycle?.title, cycle?.description),
      title: textToForm(cycle?.title),
      description: textToForm(cycle?.description),
      audience: cycle?.audience ?? 'all_participants',
      publicationDate: cycle?.publicationDate ?? planned[planned.length - 1]!.plannedEnd,
      phases: planned,
    },
    resolver: zodResolver(schema),
  });
  const create = useMutation(trpc.review.createCycle.mutationOptions());
  const update = useMutation(trpc.review.updateCycle.mutationOptions());

  // A refusal, "someone else changed this cycle" included, is thrown to the form's error summary.
  const onSubmit = async (values: CycleInput) => {
    const saved = cycle
      ? await update.mutateAsync({ cycleId: cycle.id, expectedVersion: cycle.version, cycle: values })
      : await create.mutateAsync(values);
    await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
    void navigate(`/review/cycles/${saved.id}`, {
      state: noticeOnArrival.success({ key: cycle ? 'reviews.cycle.planSaved' : 'reviews.cycle.created' }),
    });
  };

  const reload = async () => {
    // The page keys this form by the cycle's version: the reloaded cycle starts a fresh form, without the refusal.
    await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
    onReloaded?.();
  };

  return (
    <>
      <Form
        form={form}
        id={FORM_ID}
        onSubmit={onSubmit}
        serverMessage={serverMessage}
        renderMessageExtra={(key) =>
          key === 'review.cycleConflict' && cycle ? (
            <ConflictReload explain onReload={() => void reload()} />
          ) : null
        }
      >
        {framework && (
          <p>
            {t('reviews.newCycle.framework', {
              version: framework.version,
              title: framework.document.title,
            })}
          </p>
        )}
        <CycleTextFields />
        <RadioGroupField
          name="audience"
          legend={t('reviews.newCycle.audience')}
          options={CYCLE_AUDIENCES.map((a) => ({
            value: a,
            label: t(`reviews.audience.${a}`),
            hint: t(`reviews.audienceHint.${a}`),
          }))}
        />
        <h2 className="heading-l">{t('reviews.newCycle.phasesHeading')}</h2>
        <p className="hint">{t('reviews.newCycle.phasesHint')}</p>
        {CYCLE_PHASES.map((phase, index) => (
          <fieldset key={phase} className="fieldset review-repeat">
            <legend className="legend">{t(`reviews.stage.${phase}`)}</legend>
            <TextField
              name={`phases.${index}.plannedStart`}
              label={t('reviews.newCycle.plannedStart')}
              type="date"
              width="20"
            />
            <TextField
              name={`phases.${index}.plannedEnd`}
              label={t('reviews.newCycle.plannedEnd')}
              type="date"
              width="20"
            />
          </fieldset>
        ))}
        <TextField
          name="publicationDate"
          label={t('reviews.newCycle.publicationDate')}
          hint={t('reviews.newCycle.publicationDateHint')}
          type="date"
          width="20"
        />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {cycle ? t('reviews.newCycle.save') : t('reviews.newCycle.create')}
          </Button>
          <Link to={cycle ? `/review/cycles/${cycle.id}` : '/review'}>{t('reviews.common.cancel')}</Link>
        </ButtonGroup>
      </Form>
    </>
  );
}

/** The title and description, per language: English required, the other languages ticked to fill them in. */
function CycleTextFields() {
  const { t } = useTranslation();
  const languages = chosenLanguages(useWatch({ name: 'languages' }));
  return (
    <>
      <h2 className="heading-l">{t('reviews.newCycle.textHeading')}</h2>
      <LanguageChoice legend={t('reviews.newCycle.languages')} hint={t('reviews.newCycle.languagesHint')} />
      <FilledLanguages names={['title', 'description']} />
      <LanguageTabs
        label={t('reviews.newCycle.textLanguages')}
        languages={languages}
        fields={[
          { name: 'title', label: (language) => t('reviews.newCycle.titleIn', { language }) },
          {
            name: 'description',
            label: (language) => t('reviews.newCycle.descriptionIn', { language }),
            multiline: true,
            rows: 4,
            englishOptional: true,
          },
        ]}
      />
      <h2 className="heading-l">{t('reviews.newCycle.aboutHeading')}</h2>
    </>
  );
}
