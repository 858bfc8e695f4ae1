import { ErrorNotice, InsetText, Loading, Page, Tag } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session';
import { useTRPC } from '../../trpc';
import './boards.css';
import { BoardStatusTag, useLocalized, useZonedFormat } from './data';

/** `/boards`: the published advisory boards (Roadmap C2.1), those with an open call first. */
export function BoardsListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const boards = useQuery(trpc.boards.listPublic.queryOptions());
  const pick = useLocalized();
  const format = useZonedFormat();
  const sorted = [...(boards.data ?? [])].sort(
    (a, b) => Number(b.openCalls.length > 0) - Number(a.openCalls.length > 0),
  );
  return (
    <Page title={t('boards.list.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('boards.list.lead')}</p>
        {me.data && (
          <p>
            <Link to="/boards/mine">{t('boards.list.mine')}</Link>
          </p>
        )}
      </div>
      {boards.isPending ? (
        <Loading />
      ) : boards.isError ? (
        <ErrorNotice error={boards.error} onRetry={() => void boards.refetch()} />
      ) : sorted.length === 0 ? (
        <InsetText>
          <p>{t('boards.list.none')}</p>
        </InsetText>
      ) : (
        <ul className="boards-list two-thirds">
          {sorted.map((b) => {
            const name = pick(b.name);
            const mandate = pick(b.mandate);
            return (
              <li key={b.id}>
                <h2 className="heading-m">
                  <Link to={`/boards/${b.id}`} lang={name.language}>
                    {name.text}
                  </Link>
                </h2>
                <p className="boards-meta">
                  <BoardStatusTag status={b.status} />
                  <span>
                    {b.scope === 'member_state' && b.memberState
                      ? t(`common.memberStates.${b.memberState}`)
                      : t('boards.scope.regional')}
                  </span>
                  {b.openCalls.length > 0 && <Tag tone="green">{t('boards.list.callOpen')}</Tag>}
                </p>
                <p lang={mandate.language}>
                  {mandate.text.length > 240 ? `${mandate.text.slice(0, 237)}…` : mandate.text}
                </p>
                {b.openCalls[0] && (
                  <p>{t('boards.list.callCloses', { date: format(b.openCalls[0].closesAt) })}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
