import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './breadcrumbs.css';

export interface Crumb {
  to?: string;
  label: string;
}

/** GOV.UK breadcrumbs: a labelled nav with an ordered list; the last item is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('catalogue.breadcrumbs')}>
      <ol className="breadcrumbs__list">
        {items.map((item, index) => (
          <li className="breadcrumbs__item" key={`${index}-${item.label}`}>
            {item.to ? (
              <Link className="breadcrumbs__link" to={item.to}>
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
