import { SURVEY_SCALE } from '@musyawarah/core/boards/vocabulary';
import { Button, Form, InsetText, RadioGroupField, TextAreaField } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { type MemberSession } from './types';
import { resolved } from './resolver';

export interface SurveyValues {
  satisfaction: string | undefined;
  trust: string | undefined;
  comment: string;
  signed: string;
}

export function Survey({ session, onDone }: { session: MemberSession; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<SurveyValues>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: { satisfaction: undefined, trust: undefined, comment: '', signed: 'false' },
    resolver: (values) =>
      resolved(values, {
        ...(values.satisfaction ? {} : { satisfaction: 'boards.memberSession.scoreRequired' }),
        ...(values.trust ? {} : { trust: 'boards.memberSession.scoreRequired' }),
      }),
  });
  const answer = useMutation(trpc.boards.answerSurvey.mutationOptions());
  const scale = () =>
    SURVEY_SCALE.map((n) => ({ value: String(n), label: t(`boards.memberSession.scale.${n}`) }));
  if (!session.invitation) return null;
  return (
    <section className="boards-section" aria-labelledby="survey" id="survey-section">
      <h2 className="heading-l" id="survey" tabIndex={-1}>
        {t('boards.memberSession.surveyHeading')}
      </h2>
      {session.surveyAnswered ? (
        <InsetText>
          <p>{t('boards.memberSession.surveyThanks')}</p>
        </InsetText>
      ) : !session.surveyOpen ? (
        <p className="hint">{t('boards.memberSession.surveyLater')}</p>
      ) : (
        <>
          <p>{t('boards.memberSession.surveyLead')}</p>
          <Form
            form={form}
            id="survey-form"
            onSubmit={async (v) => {
              await answer.mutateAsync({
                sessionId: session.id,
                satisfaction: Number(v.satisfaction),
                trust: Number(v.trust),
                comment: v.comment || undefined,
                signed: v.signed === 'true',
              });
              await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
              onDone(t('boards.memberSession.surveySent'));
            }}
          >
            <RadioGroupField
              name="satisfaction"
              legend={t('boards.memberSession.satisfaction')}
              options={scale()}
            />
            <RadioGroupField
              name="trust"
              legend={t('boards.memberSession.trust')}
              hint={t('boards.memberSession.trustHint')}
              options={scale()}
            />
            <TextAreaField name="comment" label={t('boards.memberSession.comment')} rows={4} optional />
            <RadioGroupField
              name="signed"
              legend={t('boards.memberSession.signLegend')}
              hint={t('boards.memberSession.signHint')}
              options={[
                {
                  value: 'false',
                  label: t('boards.memberSession.anonymous'),
                  hint: t('boards.memberSession.anonymousHint'),
                },
                {
                  value: 'true',
                  label: t('boards.memberSession.signed'),
                  hint: t('boards.memberSession.signedHint'),
                },
              ]}
            />
            <Button type="submit" isBusy={form.formState.isSubmitting}>
              {t('boards.memberSession.sendSurvey')}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}
