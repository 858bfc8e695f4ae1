import { Loading, Page, useRenderInSlices } from '@musyawarah/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../trpc';
import './catalogue.css';
import { freshness, useOverview } from './data';
import { EditionBar, useEditionChanges, useEditions } from './EditionBar';
import { FilterPanel } from './FilterPanel';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  toListInput,
  type CatalogueFilters,
} from './filters';
import { ResultList } from './ResultList';
import { SearchForm } from './SearchForm';

/** `/actions`: search and filter the Roadmap's action areas; every view is a URL. */
export function CatalogueListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearchParams(params);
  const overview = useOverview(filters.edition);
  const list = useQuery({
    ...trpc.catalogue.list.queryOptions(toListInput(filters)),
    placeholderData: keepPreviousData,
    ...freshness(filters.edition),
  });
  // The badges compare the edition shown with the one before it.
  const changes = useEditionChanges(overview.data?.edition.number);
  // Asked for with the page's first queries (one batch). Until that batch is in, the page shows only its heading and
  // lead (as the host's shell did): the edition bar arriving above a search form already on screen pushed everything
  // down (layout shift on a phone). Later reads (another edition, a filter) keep the page as it is.
  const editions = useEditions();
  const firstRead = editions.isPending || (overview.isPending && !list.data);
  const apply = (next: CatalogueFilters) => setParams(filtersToSearchParams(next));
  const results = useRenderInSlices(list.data ?? []);

  return (
    <Page title={t('catalogue.list.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('catalogue.list.lead')}</p>
        {overview.data && !firstRead && (
          <EditionBar
            key={overview.data.edition.number}
            edition={overview.data.edition}
            onChoose={(edition) => apply({ ...filters, edition })}
          />
        )}
      </div>
      {firstRead ? (
        <div className="catalogue-first-read">
          <Loading />
        </div>
      ) : (
        <>
          <SearchForm
            key={filters.query}
            query={filters.query}
            onSearch={(query) => apply({ ...filters, query })}
          />
          <div className="catalogue-layout">
            <FilterPanel filters={filters} overview={overview.data} onChange={apply} />
            <ResultList
              list={list}
              results={results}
              filters={filters}
              overview={overview.data}
              changes={changes.data}
            />
          </div>
        </>
      )}
    </Page>
  );
}
