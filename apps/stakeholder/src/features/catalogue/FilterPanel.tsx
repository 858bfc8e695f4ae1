import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pillarName, termYears, type Overview } from './data';
import {
  activeFilterCount,
  filtersToSearchParams,
  KINDS,
  PILLARS,
  TERMS,
  TIERS,
  withFilter,
  type CatalogueFilters,
  type PillarNumber,
} from './filters';

/** The filters beside the results: kind, pillar, tier and term, each choice applied at once. */
export function FilterPanel({
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
