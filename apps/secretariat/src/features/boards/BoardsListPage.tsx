import { BOARD_STATUSES } from '@musyawarah/core/boards/vocabulary';
import { ButtonLink, DataTable, ErrorNotice, Loading, Page, Tag } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import '../consultations/consultations.css';
import './boards.css';
import { BoardStatusTag, english } from './shared';

type BoardRow = Outputs['boards']['adminList'][number];

export function BoardsListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const boards = useQuery(trpc.boards.adminList.queryOptions());
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const rows = (boards.data ?? []).filter((b) => !status || b.status === status);
  const scopeText = (b: BoardRow) =>
    b.scope === 'member_state' && b.memberState
      ? t(`common.memberStates.${b.memberState}`)
      : t('boards.scope.regional');
  return (
    <Page title={t('boards.list.title')} width="full">
      <p className="prose">{t('boards.list.intro')}</p>
      <div className="button-group">
        <ButtonLink to="/boards/new">{t('boards.list.create')}</ButtonLink>
        <ButtonLink to="/boards/constituencies" variant="secondary">
          {t('boards.constituencies.title')}
        </ButtonLink>
      </div>
      <div className="board-filters">
        <div className="form-group">
          <label className="label" htmlFor="board-status-filter">
            {t('boards.list.filterStatus')}
          </label>
          <select
            id="board-status-filter"
            className="select"
            value={status}
            onChange={(e) =>
              setParams(e.target.value ? { status: e.target.value } : {}, {
                replace: true,
                preventScrollReset: true,
              })
            }
          >
            <option value="">{t('boards.list.allStatuses')}</option>
            {BOARD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`boards.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {boards.isPending ? (
        <Loading />
      ) : boards.isError ? (
        <ErrorNotice error={boards.error} onRetry={() => void boards.refetch()} />
      ) : rows.length === 0 ? (
        <p>{boards.data.length === 0 ? t('boards.list.none') : t('boards.list.noneMatch')}</p>
      ) : (
        <DataTable<BoardRow>
          caption={t('boards.list.caption')}
          captionHidden
          rows={rows}
          rowKey={(b) => b.id}
          columns={[
            {
              key: 'name',
              header: t('boards.list.columns.board'),
              rowHeader: true,
              cell: (b) => <Link to={`/boards/${b.id}`}>{english(b.name)}</Link>,
            },
            { key: 'scope', header: t('boards.list.columns.scope'), cell: scopeText },
            {
              key: 'status',
              header: t('boards.list.columns.status'),
              cell: (b) => <BoardStatusTag status={b.status} />,
            },
            {
              key: 'seats',
              header: t('boards.list.columns.seats'),
              className: 'numeric',
              cell: (b) => t('boards.list.seatsOf', { filled: b.activeSeats, capacity: b.seatCapacity }),
            },
            {
              key: 'unmet',
              header: t('boards.list.columns.unmet'),
              cell: (b) =>
                b.unmetTargets > 0 ? (
                  <Tag tone="red">{t('boards.list.unmet', { count: b.unmetTargets })}</Tag>
                ) : b.targets.length > 0 ? (
                  <Tag tone="green">{t('boards.list.allMet')}</Tag>
                ) : (
                  t('boards.list.noTargets')
                ),
            },
          ]}
        />
      )}
    </Page>
  );
}
