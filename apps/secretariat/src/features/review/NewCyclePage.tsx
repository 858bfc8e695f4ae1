import { plannedPhasesFrom, addDays, dayOf } from '@musyawarah/core/review/rules';
import { cycleInput, type CycleInput } from '@musyawarah/core/review/schemas';
import { CYCLE_AUDIENCES, CYCLE_PHASES } from '@musyawarah/core/review/vocabulary';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  ButtonGroup,
  ErrorNotice,
  Form,
  InsetText,
  Loading,
  Page,
  RadioGroupField,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { useTRPC, type Outputs } from '../../trpc';
import { FieldsFor, Input, TextArea } from '../consultations/fields';
import './review.css';

type Framework = NonNullable<Outputs['review']['framework']>;

interface CycleFormValues {
  title: string;
  description: string;
  audience: string;
  publicationDate: string;
  phases: { phase: string; plannedStart: string; plannedEnd: string }[];
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
        <CycleForm framework={framework.data} />
      )}
    </Page>
  );
}

function CycleForm({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = addDays(dayOf(new Date()), 7);
  const planned = plannedPhasesFrom(framework.document.timeline, start);
  const schema = z.preprocess(
    (values) => ({ ...(values as CycleFormValues), frameworkVersion: framework.version }),
    cycleInput,
  ) as unknown as z.ZodType<CycleInput, CycleFormValues>;
  const form = useForm<CycleFormValues, unknown, CycleInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: {
      title: '',
      description: '',
      audience: 'all_participants',
      publicationDate: planned[planned.length - 1]!.plannedEnd,
      phases: planned,
    },
    resolver: zodResolver(schema) as unknown as Resolver<CycleFormValues, unknown, CycleInput>,
  });
  const create = useMutation(trpc.review.createCycle.mutationOptions());

  const onSubmit = async (values: CycleInput) => {
    const created = await create.mutateAsync(values);
    await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
    void navigate(`/review/cycles/${created.id}`, { state: { notice: 'created' } });
  };

  return (
    <Form form={form} id={FORM_ID} onSubmit={onSubmit}>
      <FieldsFor formId={FORM_ID}>
        <p>
          {t('reviews.newCycle.framework', { version: framework.version, title: framework.document.title })}
        </p>
        <Input name="title" label={t('reviews.newCycle.cycleTitle')} width="full" />
        <TextArea name="description" label={t('reviews.newCycle.description')} optional rows={4} />
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
            <Input
              name={`phases.${index}.plannedStart`}
              label={t('reviews.newCycle.plannedStart')}
              type="date"
              width="20"
            />
            <Input
              name={`phases.${index}.plannedEnd`}
              label={t('reviews.newCycle.plannedEnd')}
              type="date"
              width="20"
            />
          </fieldset>
        ))}
        <Input
          name="publicationDate"
          label={t('reviews.newCycle.publicationDate')}
          hint={t('reviews.newCycle.publicationDateHint')}
          type="date"
          width="20"
        />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('reviews.newCycle.create')}
          </Button>
          <Link to="/review">{t('reviews.common.cancel')}</Link>
        </ButtonGroup>
      </FieldsFor>
    </Form>
  );
}
