import {
  ACCOMMODATIONS,
  EVENT_MODES,
  REPRESENTATION_DIMENSIONS,
  ROUND_AUDIENCES,
  ROUND_FORMATS,
} from '@musyawarah/core/consultation/vocabulary';
import { LANGUAGES, MEMBER_STATE_CODES, STAKEHOLDER_GROUPS } from '@musyawarah/core/domain';
import {
  Button,
  ButtonGroup,
  CheckboxesField,
  CheckboxField,
  DateTimeField,
  errorKey,
  ErrorNotice,
  Form,
  languageAutonym,
  languageLabel,
  Loading,
  localToIso,
  NotificationBanner,
  Page,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
  useLanguageOptions,
  useMemberStateOptions,
  useStakeholderGroupOptions,
} from '@musyawarah/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useFieldArray, useForm, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { RoundInput } from '@musyawarah/core/consultation/schemas';
import { useTRPC } from '../../trpc';
import { ActionsPicker } from './ActionsPicker';
import './consultations.css';
import { emptyRound, roundFormSchema, roundToForm, type RoundFormValues } from './roundForm';
import { english, useServerMessage, type RoundDetail } from './shared';

const FORM_ID = 'round';

export function NewRoundPage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('consultations.editor.newTitle')}
      backLink={{ to: '/consultations', label: t('consultations.list.title') }}
    >
      <RoundForm initial={emptyRound()} />
    </Page>
  );
}

export function EditRoundPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const trpc = useTRPC();
  const round = useQuery(trpc.rounds.adminGet.queryOptions({ roundId }));
  const [reloaded, setReloaded] = useState(false);
  return (
    <Page
      title={t('consultations.editor.editTitle')}
      caption={round.data ? english(round.data.title) : undefined}
      backLink={{ to: `/consultations/${roundId}`, label: t('consultations.round.back') }}
    >
      {reloaded && (
        <NotificationBanner tone="success" focusOnMount>
          <p>{t('consultations.editor.reloaded')}</p>
        </NotificationBanner>
      )}
      {round.isPending ? (
        <Loading />
      ) : round.isError ? (
        <ErrorNotice error={round.error} onRetry={() => void round.refetch()} />
      ) : (
        <RoundForm
          key={round.data.version}
          round={round.data}
          initial={roundToForm(round.data)}
          onReloaded={() => setReloaded(true)}
        />
      )}
    </Page>
  );
}

function RoundForm({
  round,
  initial,
  onReloaded,
}: {
  round?: RoundDetail;
  initial: RoundFormValues;
  onReloaded?: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<RoundFormValues, unknown, RoundInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: initial,
    resolver: zodResolver(roundFormSchema),
  });
  const create = useMutation(trpc.rounds.create.mutationOptions());
  const update = useMutation(trpc.rounds.update.mutationOptions());

  const onSubmit = async (values: RoundInput) => {
    setConflict(null);
    // The API parses its input again: it gets what the schema accepted, the times as typed with the user's offset.
    const raw = form.getValues();
    const input = {
      ...values,
      opensAt: localToIso(raw.opensAt) ?? values.opensAt.toISOString(),
      closesAt: localToIso(raw.closesAt) ?? values.closesAt.toISOString(),
      event: values.event
        ? {
            ...values.event,
            startsAt: localToIso(raw.event.startsAt) ?? values.event.startsAt.toISOString(),
            endsAt: localToIso(raw.event.endsAt) ?? values.event.endsAt.toISOString(),
          }
        : undefined,
    };
    try {
      const saved = round
        ? await update.mutateAsync({
            roundId: round.id,
            expectedVersion: round.version,
            round: input,
          })
        : await create.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
      void navigate(`/consultations/${saved.id}`, { state: { notice: round ? 'saved' : 'created' } });
    } catch (error) {
      const key = errorKey(error);
      if (key === 'round.editConflict' || key === 'round.finished') {
        setConflict(serverMessage(error));
        return;
      }
      throw error;
    }
  };

  const reload = async () => {
    if (!round) return;
    await queryClient.invalidateQueries({ queryKey: trpc.rounds.adminGet.queryKey({ roundId: round.id }) });
    setConflict(null);
    onReloaded?.();
  };

  return (
    <>
      {conflict && (
        <NotificationBanner tone="error" focusOnMount>
          <p>{conflict}</p>
          <Button variant="secondary" onClick={() => void reload()}>
            {t('consultations.editor.reload')}
          </Button>
        </NotificationBanner>
      )}
      <Form
        form={form}
        id={FORM_ID}
        onSubmit={onSubmit}
        onServerError={(mapped) => {
          // "People registered for this event" concerns the event as a whole: shown at the box that removes it.
          const removal = mapped.fieldErrors.find((f) => f.path === 'event');
          if (!removal) return;
          form.clearErrors('event');
          form.setError('hasEvent', { type: 'server', message: removal.key });
        }}
      >
        <RoundFields />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {round ? t('consultations.editor.save') : t('consultations.editor.create')}
          </Button>
          <Link to={round ? `/consultations/${round.id}` : '/consultations'}>
            {t('consultations.editor.cancel')}
          </Link>
        </ButtonGroup>
      </Form>
    </>
  );
}

function RoundFields() {
  const { t } = useTranslation();
  const languageOptions = useLanguageOptions();
  const stateOptions = useMemberStateOptions();
  const groupOptions = useStakeholderGroupOptions();
  const languages = (useWatch({ name: 'languages' }) as string[] | string | undefined) ?? ['en'];
  const chosen = LANGUAGES.filter(
    (l) => l === 'en' || (Array.isArray(languages) ? languages : [languages]).includes(l),
  );
  const audience = useWatch({ name: 'audience' }) as string;
  const hasEvent = useWatch({ name: 'hasEvent' }) as boolean;
  const mode = useWatch({ name: 'event.mode' }) as string;
  // English is the required language: when its text has an error, show its tab so the summary's links reach the fields.
  const { formState } = useFormContext<RoundFormValues>();
  const englishError = !!(formState.errors.title?.en || formState.errors.description?.en);
  const [language, setLanguage] = useState<Key>('en');
  const [submits, setSubmits] = useState(formState.submitCount);
  if (submits !== formState.submitCount) {
    setSubmits(formState.submitCount);
    if (englishError) setLanguage('en');
  }
  const shown = (chosen as readonly string[]).includes(String(language)) ? language : 'en';

  return (
    <>
      <h2 className="heading-l">{t('consultations.editor.textHeading')}</h2>
      <CheckboxesField
        name="languages"
        legend={t('consultations.editor.languages')}
        hint={t('consultations.editor.languagesHint')}
        options={languageOptions}
        columns
      />
      <Tabs className="consult-tabs" selectedKey={shown} onSelectionChange={setLanguage}>
        <TabList aria-label={t('consultations.editor.textLanguages')} className="consult-tabs__list">
          {chosen.map((lang) => (
            <Tab key={lang} id={lang} className="consult-tabs__tab">
              <span lang={lang}>{languageAutonym(lang)}</span>
              {lang === 'en' && (
                <span className="visually-hidden"> {t('consultations.editor.required')}</span>
              )}
            </Tab>
          ))}
        </TabList>
        {chosen.map((lang) => (
          <TabPanel key={lang} id={lang} className="consult-tabs__panel" shouldForceMount>
            <TextField
              name={`title.${lang}`}
              label={t('consultations.editor.titleIn', { language: languageLabel(lang) })}
              optional={lang !== 'en'}
              width="full"
              lang={lang}
            />
            <TextAreaField
              name={`description.${lang}`}
              label={t('consultations.editor.descriptionIn', { language: languageLabel(lang) })}
              optional={lang !== 'en'}
              hint={lang === 'en' ? t('consultations.editor.descriptionHint') : undefined}
              rows={8}
              lang={lang}
            />
          </TabPanel>
        ))}
      </Tabs>

      <h2 className="heading-l">{t('consultations.editor.aboutHeading')}</h2>
      <SelectField
        name="format"
        label={t('consultations.editor.format')}
        options={ROUND_FORMATS.map((f) => ({ value: f, label: t(`consultations.format.${f}`) }))}
      />
      <ActionsPicker formId={FORM_ID} />

      <h2 className="heading-l">{t('consultations.editor.whoHeading')}</h2>
      <RadioGroupField
        name="audience"
        legend={t('consultations.editor.audience')}
        options={ROUND_AUDIENCES.map((a) => ({
          value: a,
          label: t(`consultations.audience.${a}`),
          hint: t(`consultations.audienceHint.${a}`),
        }))}
      />
      {audience === 'invited_groups' && (
        <CheckboxesField
          name="invitedGroups"
          legend={t('consultations.editor.invitedGroups')}
          options={groupOptions}
        />
      )}
      {audience === 'board' && <BoardSelect />}
      <CheckboxesField
        name="memberStates"
        legend={t('consultations.editor.memberStates')}
        hint={t('consultations.editor.memberStatesHint')}
        options={stateOptions}
        optional
        columns
      />

      <h2 className="heading-l">{t('consultations.editor.whenHeading')}</h2>
      <DateTimeField name="opensAt" label={t('consultations.editor.opensAt')} />
      <DateTimeField name="closesAt" label={t('consultations.editor.closesAt')} />

      <h2 className="heading-l">{t('consultations.editor.eventHeading')}</h2>
      <CheckboxField
        name="hasEvent"
        label={t('consultations.editor.hasEvent')}
        hint={t('consultations.editor.hasEventHint')}
      />
      {hasEvent && (
        <fieldset className="fieldset consult-subsection">
          <legend className="legend legend--m">{t('consultations.editor.event')}</legend>
          <RadioGroupField
            name="event.mode"
            legend={t('consultations.editor.eventMode')}
            options={EVENT_MODES.map((m) => ({ value: m, label: t(`consultations.eventMode.${m}`) }))}
          />
          {mode !== 'online' && (
            <TextField name="event.venue" label={t('consultations.editor.venue')} width="full" />
          )}
          {mode !== 'in_person' && (
            <TextField
              name="event.link"
              label={t('consultations.editor.link')}
              hint={t('consultations.editor.linkHint')}
              type="url"
              inputMode="url"
              width="full"
            />
          )}
          <TextField
            name="event.capacity"
            label={t('consultations.editor.capacity')}
            inputMode="numeric"
            width="5"
            optional
          />
          <DateTimeField name="event.startsAt" label={t('consultations.editor.eventStarts')} />
          <DateTimeField name="event.endsAt" label={t('consultations.editor.eventEnds')} />
          <TextField
            name="event.timezone"
            label={t('consultations.editor.timezone')}
            hint={t('consultations.editor.timezoneHint')}
            width="20"
          />
          <CheckboxesField
            name="event.accommodationsOffered"
            legend={t('consultations.editor.accommodations')}
            options={ACCOMMODATIONS.map((a) => ({ value: a, label: t(`consultations.accommodation.${a}`) }))}
            optional
            columns
          />
        </fieldset>
      )}

      <h2 className="heading-l">{t('consultations.editor.targetsHeading')}</h2>
      <p className="hint">{t('consultations.editor.targetsHint')}</p>
      <Targets />
    </>
  );
}

function Targets() {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ name: 'targets' });
  const values = useWatch({ name: 'targets' }) as RoundFormValues['targets'] | undefined;
  const languageOptions = useLanguageOptions();
  const stateOptions = useMemberStateOptions();
  const groupOptions = STAKEHOLDER_GROUPS.map((g) => ({
    value: g,
    label: t(`common.stakeholderGroups.${g}`),
  }));
  const valueOptions = (dimension: string | undefined) =>
    dimension === 'member_state'
      ? stateOptions.filter((o) => (MEMBER_STATE_CODES as readonly string[]).includes(o.value))
      : dimension === 'language'
        ? languageOptions
        : groupOptions;
  return (
    <>
      {fields.length === 0 && <p>{t('consultations.editor.noTargets')}</p>}
      {fields.map((field, index) => (
        <fieldset key={field.id} className="fieldset consult-row">
          <legend className="legend">{t('consultations.editor.target', { n: index + 1 })}</legend>
          <SelectField
            name={`targets.${index}.dimension`}
            label={t('consultations.editor.dimension')}
            options={REPRESENTATION_DIMENSIONS.map((d) => ({
              value: d,
              label: t(`consultations.dimension.${d}`),
            }))}
          />
          <SelectField
            keepBlank
            name={`targets.${index}.value`}
            label={t('consultations.editor.value')}
            options={valueOptions(values?.[index]?.dimension)}
            placeholder={t('common.selectPlaceholder')}
          />
          <TextField
            name={`targets.${index}.minimum`}
            label={t('consultations.editor.minimum')}
            inputMode="numeric"
            width="5"
          />
          <Button variant="secondary" size="small" onClick={() => remove(index)}>
            {t('consultations.editor.removeTarget', { n: index + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() => append({ dimension: 'stakeholder_group', value: '', minimum: '' })}
      >
        {t('consultations.editor.addTarget')}
      </Button>
    </>
  );
}

/** The advisory boards a round can be addressed to (C2.1 consultation sessions), by name. */
function BoardSelect() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const boards = useQuery(trpc.boards.adminList.queryOptions());
  return (
    <SelectField
      keepBlank
      name="boardId"
      label={t('consultations.editor.boardId')}
      hint={t('consultations.editor.boardIdHint')}
      placeholder={
        boards.isPending ? t('consultations.editor.boardsLoading') : t('consultations.editor.boardChoose')
      }
      options={(boards.data ?? [])
        .filter((board) => board.status !== 'dissolved')
        .map((board) => ({ value: board.id, label: english(board.name) }))}
    />
  );
}
