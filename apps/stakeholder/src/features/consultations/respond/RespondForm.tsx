import { Button, Form, NotificationBanner, WarningText, useZodForm } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Me } from '../../../trpc';
import { useCatalogueIds } from '../../catalogue/data';
import { useZonedFormat, type Draft, type RoundDetail } from '../data';
import { pendingSubmissionKey } from '../idempotency';
import { ReadInSelector } from '../reading-language';
import { QuestionField } from '../QuestionField';
import { AboutYou } from './AboutYou';
import { DeadlinePassed } from './DeadlinePassed';
import { EarlierSubmissions } from './EarlierSubmissions';
import { FeedbackItems } from './FeedbackItems';
import { FORM_ID } from './formId';
import { SaveStatus } from './SaveStatus';
import { useContributionDraft } from './useContributionDraft';
import { useSubmission } from './useSubmission';
import { initialValues, respondSchema } from './values';

/** The answer form: react-hook-form on the API's own schema for this round, saved as it changes, submitted once. */
export function RespondForm({ round, draft, me }: { round: RoundDetail; draft: Draft | null; me: Me }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const format = useZonedFormat();
  // A submission was sent and no answer came (lost connection, reload): the next attempt asks the API what happened.
  const [unsure, setUnsure] = useState(() => pendingSubmissionKey(round.id) !== null);
  const [defaultValues] = useState(() => initialValues(round, draft, me, i18n.language));
  // The schema follows `unsure`: react-hook-form reads its resolver from the latest render.
  const form = useZodForm(respondSchema(round, unsure), { defaultValues });
  const { state, saver } = useContributionDraft(round, draft, form, unsure);
  const {
    submit,
    submitting,
    closed: closedBySubmit,
  } = useSubmission(round.id, saver, () => form.getValues(), setUnsure);
  const closedBy = closedBySubmit ? 'submit' : state.kind === 'stopped' ? 'save' : null;
  const closed = closedBy !== null;

  const ids = useCatalogueIds();
  const mine = useQuery(trpc.contributions.mine.queryOptions());
  const earlier = (mine.data ?? []).filter(
    (c) => c.roundId === round.id && c.status === 'submitted' && c.receiptReference,
  );
  const actionOptions = (ids.data ?? []).flatMap((a) => [
    { value: a.id, label: `${a.id} — ${a.title}` },
    ...a.subActionIds.map((s) => ({ value: s, label: `${s} (${a.id})` })),
  ]);

  return (
    <>
      <p>{t('consultations.respond.deadline', { date: format(round.closesAt) })}</p>
      <ReadInSelector />
      {closedBy && <DeadlinePassed closedBy={closedBy} />}
      {!draft && !unsure && !closed && earlier.length > 0 && (
        <EarlierSubmissions roundId={round.id} earlier={earlier} />
      )}
      {draft && !closed && (
        <NotificationBanner>
          <p>{t('consultations.respond.restored', { date: format(draft.updatedAt) })}</p>
        </NotificationBanner>
      )}
      {unsure && !closed && <WarningText>{t('consultations.respond.resuming')}</WarningText>}
      <SaveStatus state={unsure && !closed ? { kind: 'paused' } : state} onRetry={() => void saver.flush()} />
      <Form form={form} id={FORM_ID} onSubmit={submit} aria-label={t('consultations.respond.title')}>
        {round.questions.length > 0 && (
          <section aria-labelledby="questions-heading">
            <h2 className="heading-l" id="questions-heading">
              {t('consultations.respond.questionsHeading')}
            </h2>
            {round.questions.map((q, index) => (
              <QuestionField key={q.id} index={index} question={q} />
            ))}
          </section>
        )}
        <FeedbackItems control={form.control} actionOptions={actionOptions} />
        <AboutYou name={me.name} />
        <section aria-labelledby="send-heading">
          <h2 className="heading-l" id="send-heading">
            {t('consultations.respond.sendHeading')}
          </h2>
          <p>{t('consultations.respond.sendIntro')}</p>
          <Button type="submit" isBusy={submitting} disabled={closed}>
            {submitting ? t('consultations.respond.sending') : t('consultations.respond.send')}
          </Button>
          <p className="visually-hidden" aria-live="assertive">
            {submitting ? t('consultations.respond.sending') : ''}
          </p>
        </section>
      </Form>
    </>
  );
}
