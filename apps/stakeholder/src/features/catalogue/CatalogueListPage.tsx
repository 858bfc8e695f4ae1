import { Button, ErrorNotice, Loading, Page, useRenderInSlices } from '@musyawarah/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../trpc';
import './catalogue.css';
import { freshness, pillarName, termYears, useOverview, type ActionAreaSummary, type Overview } from './data';
import { ChangeBadge, EditionBar, useEditionChanges, useEditions, type EditionChanges } from './EditionBar';
import {
  activeFilterCount,
  editionSearch,
  filtersFromSearchParams,
  filtersToSearchParams,
  highlight,
  KINDS,
  PILLARS,
  QUERY_MAX_LENGTH,
  TERMS,
  TIERS,
  toListInput,
  withFilter,
  type CatalogueFilters,
  type PillarNumber,
} from './filters';
import { ActionTags } from './Tags';

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
  const filtered = activeFilterCount(filters) > 0 || filters.query !== '';
  const unfiltered = `/actions${editionSearch(filters.edition)}`;
  const results = useRenderInSlices(list.data ?? []);
  const narrowed = filters.query !== '' || filters.term !== undefined;

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
                <ol
                  className="result-list"
                  aria-busy={list.isFetching || !results.complete ? true : undefined}
                >
                  {results.shown.map((item) => (
                    <ResultItem
                      key={item.id}
                      item={item}
                      query={filters.query}
                      narrowed={narrowed}
                      edition={filters.edition}
                      overview={overview.data}
                      // Only the results the edition changed get (and re-render for) the comparison.
                      changes={changedIn(changes.data, item.id) ? changes.data : undefined}
                    />
                  ))}
                </ol>
              )}
            </section>
          </div>
        </>
      )}
    </Page>
  );
}

function SearchForm({ query, onSearch }: { query: string; onSearch: (query: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(query);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.replace(/\s+/g, ' ').trim());
  };
  return (
    <div className="catalogue-search">
      <form onSubmit={submit} role="search" aria-label={t('catalogue.list.searchRegion')}>
        <label className="label" htmlFor={`${id}-q`}>
          {t('catalogue.list.searchLabel')}
        </label>
        <div className="hint" id={`${id}-hint`}>
          {t('catalogue.list.searchHint')}
        </div>
        <div className="catalogue-search__row">
          <input
            id={`${id}-q`}
            className="input"
            type="search"
            name="q"
            value={value}
            maxLength={QUERY_MAX_LENGTH}
            onChange={(e) => setValue(e.target.value)}
            aria-describedby={`${id}-hint`}
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" className="catalogue-search__button">
            {t('catalogue.list.searchButton')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function FilterPanel({
  filters: fromUrl,
  overview,
  onChange: apply,
}: {
  filters: CatalogueFilters;
  overview: Overview | undefined;
  onChange: (next: CatalogueFilters) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The controls show a choice at once; the URL (and so the list) follows a moment later. When the URL changes by
  // other means (Back, a link), the controls follow it.
  const urlKey = filtersToSearchParams(fromUrl).toString();
  const [filters, setFilters] = useState(fromUrl);
  const [shownKey, setShownKey] = useState(urlKey);
  if (shownKey !== urlKey) {
    setShownKey(urlKey);
    setFilters(fromUrl);
  }
  const onChange = (next: CatalogueFilters) => {
    setFilters(next);
    apply(next);
  };
  const count = activeFilterCount(filters);
  return (
    <section className="filter-panel" aria-labelledby={`${id}-heading`}>
      <h2 className="heading-m filter-panel__heading" id={`${id}-heading`}>
        {t('catalogue.filters.title')}
      </h2>
      <p className="filter-panel__skip">
        <a href="#results-heading">{t('catalogue.filters.skip')}</a>
      </p>
      <p className="hint">{t('catalogue.filters.hint')}</p>
      <div className="form-group">
        <fieldset className="fieldset">
          <legend className="legend">{t('catalogue.filters.kind')}</legend>
          <div className="choices choices--small">
            {[undefined, ...KINDS].map((kind) => {
              const value = kind ?? '';
              return (
                <div className="choice" key={value || 'all'}>
                  <input
                    className="choice__input"
                    type="radio"
                    id={`${id}-kind-${value || 'all'}`}
                    name="kind"
                    value={value}
                    checked={(filters.kind ?? '') === value}
                    onChange={() => onChange(withFilter(filters, 'kind', kind))}
                  />
                  <label className="choice__label" htmlFor={`${id}-kind-${value || 'all'}`}>
                    {kind ? t(`catalogue.kind.${kind}`) : t('catalogue.filters.allKinds')}
                    {kind && <span className="choice__hint">{t(`catalogue.kindHint.${kind}`)}</span>}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-pillar`}>
          {t('catalogue.filters.pillar')}
        </label>
        <select
          id={`${id}-pillar`}
          className="select filter-panel__select"
          value={filters.pillar ?? ''}
          onChange={(e) =>
            onChange(
              withFilter(
                filters,
                'pillar',
                e.target.value ? (Number(e.target.value) as PillarNumber) : undefined,
              ),
            )
          }
        >
          <option value="">{t('catalogue.filters.allPillars')}</option>
          {PILLARS.map((p) => {
            const name = filters.kind ? pillarName(overview, filters.kind, p) : undefined;
            return (
              <option key={p} value={p}>
                {name
                  ? t('catalogue.pillarNamed', { number: p, name })
                  : t('catalogue.pillarNumber', { number: p })}
              </option>
            );
          })}
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-tier`}>
          {t('catalogue.filters.tier')}
        </label>
        <div className="hint" id={`${id}-tier-hint`}>
          {t('catalogue.filters.tierHint')}
        </div>
        <select
          id={`${id}-tier`}
          className="select filter-panel__select"
          aria-describedby={`${id}-tier-hint`}
          value={filters.tier ?? ''}
          onChange={(e) =>
            onChange(withFilter(filters, 'tier', (e.target.value || undefined) as CatalogueFilters['tier']))
          }
        >
          <option value="">{t('catalogue.filters.allTiers')}</option>
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {t(`catalogue.tier.${tier}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-term`}>
          {t('catalogue.filters.term')}
        </label>
        <div className="hint" id={`${id}-term-hint`}>
          {t('catalogue.filters.termHint')}
        </div>
        <select
          id={`${id}-term`}
          className="select filter-panel__select"
          aria-describedby={`${id}-term-hint`}
          value={filters.term ?? ''}
          onChange={(e) =>
            onChange(withFilter(filters, 'term', (e.target.value || undefined) as CatalogueFilters['term']))
          }
        >
          <option value="">{t('catalogue.filters.allTerms')}</option>
          {TERMS.map((term) => {
            const years = termYears(overview, term);
            return (
              <option key={term} value={term}>
                {years
                  ? t('catalogue.termWithYears', { term: t(`catalogue.term.${term}`), years })
                  : t(`catalogue.term.${term}`)}
              </option>
            );
          })}
        </select>
      </div>
      {count > 0 && (
        <p>
          <Link
            to={{
              pathname: '/actions',
              search: filtersToSearchParams({
                query: filters.query,
                ...(filters.edition ? { edition: filters.edition } : {}),
              }).toString(),
            }}
          >
            {t('catalogue.filters.clear', { count })}
          </Link>
        </p>
      )}
    </section>
  );
}

function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlight(text, query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}

function changedIn(changes: EditionChanges | undefined, actionAreaId: string): boolean {
  const areas = changes?.changes;
  return Boolean(areas && (areas.added.includes(actionAreaId) || areas.changed.includes(actionAreaId)));
}

/** One result; memoised with plain props, so the page's later renders (a query settling) skip the unchanged ones. */
const ResultItem = memo(function ResultItem({
  item,
  query,
  narrowed,
  edition,
  overview,
  changes,
}: {
  item: ActionAreaSummary;
  query: string;
  narrowed: boolean;
  edition: CatalogueFilters['edition'];
  overview: Overview | undefined;
  changes: EditionChanges | undefined;
}) {
  const { t } = useTranslation();
  // Without a search the server's snippet is the title again; leave it out.
  const snippet = item.snippet && item.snippet !== `${item.id} ${item.title}` ? item.snippet : null;
  return (
    <li className="result">
      <h3 className="result__title">
        <Link to={`/actions/${encodeURIComponent(item.id)}${editionSearch(edition)}`}>
          <span className="result__id">{item.id}</span> <Highlighted text={item.title} query={query} />
        </Link>
      </h3>
      <ActionTags overview={overview} kind={item.kind} pillar={item.pillar} tier={item.tier} />
      <ChangeBadge changes={changes} actionAreaId={item.id} />
      {snippet && (
        <p className="result__snippet">
          <Highlighted text={snippet} query={query} />
        </p>
      )}
      {narrowed && item.matchingSubActionIds.length > 0 ? (
        <div className="result__subs">
          <span>{t('catalogue.list.matchingSubActions', { count: item.matchingSubActionIds.length })}</span>{' '}
          <ul className="inline-list">
            {item.matchingSubActionIds.map((sub) => (
              <li key={sub}>
                <Link
                  to={`/actions/${encodeURIComponent(item.id)}${editionSearch(edition)}#${encodeURIComponent(sub)}`}
                >
                  {sub}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="result__subs">{t('catalogue.list.subActionCount', { count: item.subActionCount })}</p>
      )}
    </li>
  );
});
