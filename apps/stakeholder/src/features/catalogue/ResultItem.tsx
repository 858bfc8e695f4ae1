import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionAreaSummary, Overview } from './data';
import { ChangeBadge, type EditionChanges } from './EditionBar';
import { editionSearch, highlight, type CatalogueFilters } from './filters';
import { ActionTags } from './Tags';

function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlight(text, query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}

/** One result; memoised with plain props, so the page's later renders (a query settling) skip the unchanged ones. */
export const ResultItem = memo(function ResultItem({
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
