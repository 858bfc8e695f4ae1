import { Button, ButtonGroup, languageLabel, Tag, useFormat } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { DismissReports } from '../DismissReports';
import { ReportHistory } from '../ReportHistory';
import { english, useServerMessage, type RoundDetail } from '../shared';
import type { Contribution } from './types';
import { answerText } from './answerText';
import { HideDialog } from './HideDialog';
import { ResponseForm } from './ResponseForm';
import { ThemePicker } from './ThemePicker';

export function ContributionCard({
  round,
  contribution: c,
  onDone,
}: {
  round: RoundDetail;
  contribution: Contribution;
  onDone: (text: string, tone?: 'success' | 'error') => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const headingId = useId();
  const id = useId();
  const [hiding, setHiding] = useState(false);
  // Each opening of the hide dialog starts with no reason and no note.
  const [hideCount, setHideCount] = useState(0);
  const reference = c.receiptReference ?? t('consultations.moderation.noReference');

  const refresh = async () => {
    await queryClient.invalidateQueries({
      queryKey: trpc.contributions.moderationQueue.queryKey({ roundId: round.id }),
    });
    await queryClient.invalidateQueries({
      queryKey: trpc.rounds.participation.queryKey({ roundId: round.id }),
    });
  };
  const onError = (e: unknown) => onDone(serverMessage(e), 'error');
  const unhide = useMutation(
    trpc.contributions.unhide.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t('consultations.moderation.unhidden', { reference }));
      },
      onError,
    }),
  );

  // Moderators see who wrote it; whether the name is shown publicly is said next to it.
  const who = c.authorName
    ? c.namedPublicly
      ? c.authorName
      : t('consultations.moderation.notNamedPublicly', { name: c.authorName })
    : t('consultations.moderation.anonymous');
  const answered = round.questions.filter((q) => {
    const v = (c.answers as Record<string, unknown>)[q.id];
    return v !== undefined && v !== null && v !== '';
  });

  return (
    <article
      className={c.hidden ? 'consult-card consult-card--hidden' : 'consult-card'}
      aria-labelledby={headingId}
    >
      <h3 className="heading-s consult-card__title" id={headingId}>
        {reference}
        <span className="text-secondary consult-card__by"> {who}</span>
      </h3>
      <p className="consult-card__tags">
        {c.hidden && (
          <Tag tone="grey">
            {t('consultations.moderation.hiddenTag', {
              reason: c.hiddenReason ? t(`consultations.reason.${c.hiddenReason}`) : '',
            })}
          </Tag>
        )}
        {c.openReports > 0 && (
          <Tag tone="red">{t('consultations.moderation.reportedTag', { count: c.openReports })}</Tag>
        )}
        {c.facilitated && <Tag tone="yellow">{t('consultations.moderation.facilitatedTag')}</Tag>}
      </p>
      <p className="text-secondary text-small">
        {[
          c.stakeholderGroup ? t(`common.stakeholderGroups.${c.stakeholderGroup}`) : null,
          c.memberState ? t(`common.memberStates.${c.memberState}`) : null,
          c.organisationName,
          languageLabel(c.writtenIn),
          c.submittedAt ? format.dateTime(c.submittedAt) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {c.items.length > 0 && (
        <ul className="consult-items list-plain">
          {c.items.map((item, index) => (
            <li key={index} lang={c.writtenIn}>
              <strong>{t(`consultations.feedbackType.${item.type}`)}</strong>
              {item.actionId && <span className="text-secondary"> ({item.actionId})</span>}: {item.text}
            </li>
          ))}
        </ul>
      )}
      {answered.length > 0 && (
        <dl className="consult-answers">
          {answered.map((q) => (
            <div key={q.id}>
              <dt>{english(q.prompt)}</dt>
              <dd lang={c.writtenIn}>{answerText(q, (c.answers as Record<string, unknown>)[q.id], t)}</dd>
            </div>
          ))}
        </dl>
      )}

      <ButtonGroup>
        {c.hidden ? (
          <Button
            variant="secondary"
            isBusy={unhide.isPending}
            onClick={() => unhide.mutate({ contributionId: c.id })}
          >
            {t('consultations.moderation.unhide')}
            <span className="visually-hidden"> {reference}</span>
          </Button>
        ) : (
          <Button
            variant="warning"
            onClick={() => {
              setHideCount((n) => n + 1);
              setHiding(true);
            }}
          >
            {t('consultations.moderation.hide')}
            <span className="visually-hidden"> {reference}</span>
          </Button>
        )}
      </ButtonGroup>
      {c.openReports > 0 && !c.hidden && (
        <DismissReports contributionId={c.id} reference={reference} onDone={onDone} refresh={refresh} />
      )}
      <ReportHistory reports={c.reports} />

      <ResponseForm
        contributionId={c.id}
        published={c.response}
        reference={reference}
        idPrefix={id}
        refresh={refresh}
        onDone={onDone}
      />

      {round.themes.length > 0 && (
        <ThemePicker
          contribution={c}
          themes={round.themes}
          reference={reference}
          idPrefix={id}
          refresh={refresh}
          onDone={onDone}
        />
      )}

      <HideDialog
        key={hideCount}
        contributionId={c.id}
        reference={reference}
        idPrefix={id}
        isOpen={hiding}
        onOpenChange={setHiding}
        refresh={refresh}
        onDone={onDone}
      />
    </article>
  );
}
