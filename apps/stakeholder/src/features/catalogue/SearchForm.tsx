import { Button } from '@musyawarah/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QUERY_MAX_LENGTH } from './filters';

/** The catalogue's search box; the words are tidied (spaces collapsed) before they go into the address. */
export function SearchForm({ query, onSearch }: { query: string; onSearch: (query: string) => void }) {
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
