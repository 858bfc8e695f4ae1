import { ErrorNotice, Loading, Page } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../trpc';
import { english } from '../consultations/shared';
import { BoardCharts } from './BoardCharts';
import { ReviewCharts } from './ReviewCharts';
import { RoundCharts } from './RoundCharts';

function Picker({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DashboardsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const rounds = useQuery(trpc.rounds.adminList.queryOptions());
  const boards = useQuery(trpc.boards.adminList.queryOptions());
  const choose = (key: 'round' | 'board', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  // The round people most likely want: the one with the most contributions, unless the address names another.
  const busiest = rounds.data?.reduce<(typeof rounds.data)[number] | undefined>(
    (best, r) => (best === undefined || r.contributionCount > best.contributionCount ? r : best),
    undefined,
  );
  const roundId = params.get('round') ?? busiest?.id ?? '';
  const boardId = params.get('board') ?? boards.data?.[0]?.id ?? '';
  return (
    <Page title={t('charts.page.title')} width="full">
      <p className="prose">{t('charts.page.intro')}</p>

      <section aria-labelledby="charts-round">
        <h2 className="heading-l" id="charts-round">
          {t('charts.page.round.heading')}
        </h2>
        {rounds.isPending ? (
          <Loading />
        ) : rounds.isError ? (
          <ErrorNotice error={rounds.error} onRetry={() => void rounds.refetch()} />
        ) : rounds.data.length === 0 ? (
          <p>{t('charts.page.round.none')}</p>
        ) : (
          <>
            <Picker
              id="charts-round-select"
              label={t('charts.page.round.select')}
              value={roundId}
              options={rounds.data.map((r) => ({ value: r.id, label: english(r.title) }))}
              onChange={(v) => choose('round', v)}
            />
            {roundId && <RoundCharts roundId={roundId} />}
          </>
        )}
      </section>

      <section aria-labelledby="charts-board">
        <h2 className="heading-l" id="charts-board">
          {t('charts.page.board.heading')}
        </h2>
        {boards.isPending ? (
          <Loading />
        ) : boards.isError ? (
          <ErrorNotice error={boards.error} onRetry={() => void boards.refetch()} />
        ) : boards.data.length === 0 ? (
          <p>{t('charts.page.board.none')}</p>
        ) : (
          <>
            <Picker
              id="charts-board-select"
              label={t('charts.page.board.select')}
              value={boardId}
              options={boards.data.map((b) => ({ value: b.id, label: english(b.name) }))}
              onChange={(v) => choose('board', v)}
            />
            {boardId && <BoardCharts boardId={boardId} />}
          </>
        )}
      </section>

      <section aria-labelledby="charts-review">
        <h2 className="heading-l" id="charts-review">
          {t('charts.page.review.heading')}
        </h2>
        <ReviewCharts />
      </section>
    </Page>
  );
}
