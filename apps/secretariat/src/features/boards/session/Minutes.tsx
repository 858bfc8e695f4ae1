import { minutesInput } from '@musyawarah/core/boards/schemas';
import { MINUTES_VISIBILITIES } from '@musyawarah/core/boards/vocabulary';
import {
  Button,
  ButtonGroup,
  Form,
  RadioGroupField,
  TextAreaField,
  useFormat,
  useNotice,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import type { SessionDetail } from './types';

export function Minutes({ session }: { session: SessionDetail }) {
  const notice = useNotice();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const form = useZodForm(minutesInput, {
    defaultValues: {
      sessionId: session.id,
      minutes: session.minutes ?? '',
      outcomes: session.outcomes ?? '',
      visibility: session.minutesVisibility ?? 'members',
      publish: false,
    },
  });
  const save = useMutation(trpc.boards.saveMinutes.mutationOptions());
  const [publish, setPublish] = useState(false);
  return (
    <section aria-labelledby="minutes-heading">
      <h2 className="heading-l" id="minutes-heading">
        {t('boards.minutes.heading')}
      </h2>
      <p>
        {session.minutesPublishedAt
          ? t(`boards.minutes.publishedOn.${session.minutesVisibility}`, {
              date: format.dateTime(session.minutesPublishedAt),
            })
          : t('boards.minutes.notPublishedYet')}
      </p>
      <div className="two-thirds">
        <Form
          form={form}
          id="minutes"
          onSubmit={async (values) => {
            await save.mutateAsync({ ...values, publish });
            await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
            notice.success(t(publish ? 'boards.minutes.publishedNotice' : 'boards.minutes.savedNotice'));
          }}
        >
          <TextAreaField name="minutes" label={t('boards.minutes.minutes')} rows={8} />
          <TextAreaField
            name="outcomes"
            label={t('boards.minutes.outcomes')}
            hint={t('boards.minutes.outcomesHint')}
            rows={5}
            optional
          />
          <RadioGroupField
            name="visibility"
            legend={t('boards.minutes.visibility')}
            options={MINUTES_VISIBILITIES.map((v) => ({
              value: v,
              label: t(`boards.minutes.visibilityOption.${v}`),
            }))}
          />
          <ButtonGroup>
            <Button type="submit" onClick={() => setPublish(true)} isBusy={form.formState.isSubmitting}>
              {t('boards.minutes.publish')}
            </Button>
            <Button
              type="submit"
              variant="secondary"
              onClick={() => setPublish(false)}
              isBusy={form.formState.isSubmitting}
            >
              {t('boards.minutes.saveDraft')}
            </Button>
          </ButtonGroup>
        </Form>
      </div>
    </section>
  );
}
