import { ErrorNotice, Loading } from '@musyawarah/ui';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionAreaSummary, Overview } from './data';
import type { EditionChanges } from './EditionBar';
import { activeFilterCount, editionSearch, type CatalogueFilters } from './filters';
import { ResultItem } from './ResultItem';

function changedIn(changes: EditionChanges | undefined, actionAreaId: string): boolean {
  const areas = changes?.changes;
  return Boolean(areas && (areas.added.includes(actionAreaId) || areas.changed.includes(actionAreaId)));
}

/** The results: how many (announced as they change), a way back to everything, and the list, in slices. */
export function ResultList({
  list,
  results,
  filters,
  overview,
  changes,
}: {
  list: UseQueryResult<ActionAreaSummary[], unknown>;
  /** `list.data` a slice at a time: the page holds the `useRenderInSlices` state, as it did before the split. */
  results: { shown: readonly ActionAreaSummary[]; complete: boolean };
  filters: CatalogueFilters;
  overview: Overview | undefined;
  changes: EditionChanges | undefined;
}) {
  const { t } = useTranslation();
  const filtered = activeFilterCount(filters) > 0 || filters.query !== '';
  const unfiltered = `/actions${editionSearch(filters.edition)}`;
  const narrowed = filters.query !== '' || filters.term !== undefined;
  return (
    <section className="catalogue-results" aria-labelledby="results-heading">
      <h2 className="heading-m catalogue-results__heading" id="results-heading" tabIndex={-1}>
        {t('catalogue.list.resultsHeading')}
      </h2>
      <p className="catalogue-results__count" role="status">
        {list.data
          ? filters.query
            ? t('catalogue.list.countFor', { count: list.data.length, query: filters.query })
            : t('catalogue.list.count', { count: list.data.length })
          : ''}
      </p>
      {filtered && (
        <p>
          <Link to={unfiltered}>{t('catalogue.list.clearAll')}</Link>
        </p>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <div className="inset-text">
          <p>
            <strong>{t('catalogue.list.noneTitle')}</strong>
          </p>
          <p>{t('catalogue.list.noneHint')}</p>
        </div>
      ) : (
        <ol className="result-list" aria-busy={list.isFetching || !results.complete ? true : undefined}>
          {results.shown.map((item) => (
            <ResultItem
              key={item.id}
              item={item}
              query={filters.query}
              narrowed={narrowed}
              edition={filters.edition}
              overview={overview}
              // Only the results the edition changed get (and re-render for) the comparison.
              changes={changedIn(changes, item.id) ? changes : undefined}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
