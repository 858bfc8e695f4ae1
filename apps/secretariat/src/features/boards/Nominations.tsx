import { NOMINATION_STATUSES } from '@musyawarah/core/boards/vocabulary';
import { ErrorNotice, Loading, NoticeRegion, useNotice } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import type { BoardDetail } from './BoardPage';
import { Calls } from './nominations/Calls';
import { NominationEntry } from './nominations/NominationEntry';

export function Nominations({ board }: { board: BoardDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const nominations = useQuery(trpc.boards.nominations.queryOptions({ boardId: board.id }));
  const [filter, setFilter] = useState<string>('submitted');
  const say = useNotice().success;
  const rows = (nominations.data ?? []).filter((n) => !filter || n.status === filter);
  return (
    <>
      <NoticeRegion />
      <Calls board={board} onDone={say} />
      <h3 className="heading-m">{t('boards.nominations.queue')}</h3>
      <div className="board-filters">
        <div className="form-group">
          <label className="label" htmlFor="nomination-filter">
            {t('boards.nominations.show')}
          </label>
          <select
            id="nomination-filter"
            className="select"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          >
            <option value="">{t('boards.nominations.all')}</option>
            {NOMINATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`boards.nominationStatus.${s}`)} (
                {(nominations.data ?? []).filter((n) => n.status === s).length})
              </option>
            ))}
          </select>
        </div>
      </div>
      {nominations.isPending ? (
        <Loading />
      ) : nominations.isError ? (
        <ErrorNotice error={nominations.error} onRetry={() => void nominations.refetch()} />
      ) : rows.length === 0 ? (
        <p>{t('boards.nominations.none')}</p>
      ) : (
        <ul className="board-list">
          {rows.map((n) => (
            <li key={n.id}>
              <NominationEntry nomination={n} board={board} onDone={say} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
