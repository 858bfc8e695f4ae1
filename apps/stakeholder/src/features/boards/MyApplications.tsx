import {
  Button,
  ErrorNotice,
  InsetText,
  Loading,
  NoticeRegion,
  SummaryList,
  useNotice,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import './boards.css';
import {
  NominationStatusTag,
  useConstituencyLabel,
  useLocalized,
  useServerMessage,
  useZonedFormat,
} from './data';

type MyNomination = Outputs['boards']['myNominations'][number];

/** On "My boards": what I applied for or nominated others for, the decision and, for a decline, its reason. */
export function MyApplications() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const nominations = useQuery({ ...trpc.boards.myNominations.queryOptions(), staleTime: 0 });
  const notice = useNotice();
  const say = (text: string, tone: 'success' | 'error') => notice[tone](text);
  return (
    <section className="boards-section" aria-labelledby="applications">
      <h2 className="heading-l" id="applications" tabIndex={-1}>
        {t('boards.applications.title')}
      </h2>
      <p>{t('boards.applications.lead')}</p>
      <NoticeRegion />
      {nominations.isPending ? (
        <Loading />
      ) : nominations.isError ? (
        <ErrorNotice error={nominations.error} onRetry={() => void nominations.refetch()} />
      ) : nominations.data.length === 0 ? (
        <InsetText>
          <p>{t('boards.applications.none')}</p>
          <p>
            <Link to="/boards">{t('boards.applications.findBoards')}</Link>
          </p>
        </InsetText>
      ) : (
        <ul className="boards-list">
          {nominations.data.map((n) => (
            <li key={n.id}>
              <Application nomination={n} onDone={say} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Application({
  nomination: n,
  onDone,
}: {
  nomination: MyNomination;
  onDone: (text: string, tone: 'success' | 'error') => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pick = useLocalized();
  const format = useZonedFormat();
  const label = useConstituencyLabel();
  const serverMessage = useServerMessage();
  const board = pick(n.boardName);
  const headingId = `application-${n.id}`;
  const withdraw = useMutation(
    trpc.boards.withdrawNomination.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.boards.myNominations.queryKey() });
        onDone(t('boards.applications.withdrawn', { board: board.text }), 'success');
      },
      onError: (error) => onDone(serverMessage(error), 'error'),
    }),
  );
  return (
    <article aria-labelledby={headingId}>
      <h3 className="heading-m" id={headingId}>
        <Link to={`/boards/${n.boardId}`} lang={board.language}>
          {board.text}
        </Link>
      </h3>
      <p className="boards-meta">
        <NominationStatusTag status={n.status} />
        <span>
          {n.self
            ? t('boards.applications.self')
            : t('boards.applications.nominated', { name: n.nomineeName })}
        </span>
      </p>
      <SummaryList
        rows={[
          { key: 'sent', label: t('boards.applications.sent'), value: format(n.createdAt) },
          {
            key: 'constituencies',
            label: t('boards.applications.constituencies'),
            value: n.constituencies.map(label).join(', '),
          },
          ...(n.decidedAt
            ? [{ key: 'decided', label: t('boards.applications.decided'), value: format(n.decidedAt) }]
            : []),
          ...(n.status === 'declined'
            ? [
                {
                  key: 'reason',
                  label: t('boards.applications.reason'),
                  value: <span className="boards-pre">{n.decisionReason}</span>,
                },
              ]
            : n.status === 'accepted' && n.decisionReason
              ? [
                  {
                    key: 'note',
                    label: t('boards.applications.note'),
                    value: <span className="boards-pre">{n.decisionReason}</span>,
                  },
                ]
              : []),
        ]}
      />
      {n.status === 'submitted' && (
        <Button
          variant="secondary"
          isBusy={withdraw.isPending}
          onClick={() => withdraw.mutate({ nominationId: n.id })}
        >
          {t('boards.applications.withdraw')}
          <span className="visually-hidden"> — {board.text}</span>
        </Button>
      )}
    </article>
  );
}
