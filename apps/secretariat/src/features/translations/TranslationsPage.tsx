import { TRANSLATION_FILTERS, type TranslationFilter } from '@musyawarah/api/translations-rules';
import {
  DataTable,
  ErrorNotice,
  Loading,
  Page,
  formattingLocale,
  languageNameIn,
  loadAllScriptFonts,
} from '@musyawarah/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, useSearchParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import { TranslationsTable } from './TranslationsTable';
import './translations.css';

type Locale = Outputs['translations']['locales'][number];

const PAGE_SIZE = 25;

/** Whole numbers in the interface language (2,896 / 2.896). */
function useNumber() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((n: number) => new Intl.NumberFormat(formattingLocale(language)).format(n), [language]);
}

/**
 * `/translations`: the review of the interface's translations (issue #13). Without a language: progress per language.
 * With `?locale=km`: that language's texts, English beside the translation, filtered (`filter`), searched (`search`),
 * a page at a time (`cursor`), each editable and approvable in place. The address holds the choice, so a reload or a
 * shared link shows the same page.
 */
export function TranslationsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const locales = useQuery(trpc.translations.locales.queryOptions());
  // Every language is named in its own script: the page needs every script's face.
  useEffect(() => void loadAllScriptFonts(), []);
  const localeParam = params.get('locale') ?? '';
  const locale = locales.data?.find((l) => l.code === localeParam);
  const filterParam = params.get('filter') ?? 'all';
  const filter = (TRANSLATION_FILTERS as readonly string[]).includes(filterParam)
    ? (filterParam as TranslationFilter)
    : 'all';
  const search = params.get('search')?.trim() || undefined;
  const cursor = Math.max(0, Number.parseInt(params.get('cursor') ?? '0', 10) || 0);

  return (
    <Page title={t('translations.title')} width="full">
      <div className="prose">
        <p>{t('translations.intro')}</p>
        <p>
          {t('translations.exportNote')} <code className="mono">{t('translations.exportCommand')}</code>
        </p>
      </div>
      {locales.isPending ? (
        <Loading />
      ) : locales.isError ? (
        <ErrorNotice error={locales.error} onRetry={() => void locales.refetch()} />
      ) : (
        <>
          <FilterForm locales={locales.data} locale={locale?.code} filter={filter} search={search} />
          {locale ? (
            <LocaleTexts locale={locale} filter={filter} search={search} cursor={cursor} />
          ) : (
            <LanguagesTable locales={locales.data} />
          )}
        </>
      )}
    </Page>
  );
}

function FilterForm({
  locales,
  locale,
  filter,
  search,
}: {
  locales: Locale[];
  locale: string | undefined;
  filter: TranslationFilter;
  search: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    // key: the fields are uncontrolled; a new address (a link, Back) gives them its values.
    <Form
      method="get"
      className="filter"
      role="search"
      aria-label={t('translations.filter.label')}
      key={`${locale}|${filter}|${search}`}
    >
      <div className="form-group">
        <label className="label" htmlFor="translations-locale">
          {t('translations.filter.language')}
        </label>
        <select
          id="translations-locale"
          name="locale"
          className="select"
          defaultValue={locale ?? ''}
          required
        >
          <option value="" disabled>
            {t('translations.filter.chooseLanguage')}
          </option>
          {locales.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.autonym}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor="translations-filter">
          {t('translations.filter.show')}
        </label>
        <select id="translations-filter" name="filter" className="select" defaultValue={filter}>
          {TRANSLATION_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`translations.filter.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor="translations-search">
          {t('translations.filter.search')}
        </label>
        <span className="hint" id="translations-search-hint">
          {t('translations.filter.searchHint')}
        </span>
        <input
          id="translations-search"
          name="search"
          type="search"
          className="input input--w20"
          defaultValue={search ?? ''}
          aria-describedby="translations-search-hint"
        />
      </div>
      <button type="submit" className="button button--secondary">
        {t('translations.filter.submit')}
      </button>
    </Form>
  );
}

/** A language in its own name, and the reader's name for it beside it when that differs: "ខ្មែរ (Khmer)". */
function LanguageName({ locale }: { locale: Locale }) {
  const { i18n } = useTranslation();
  const theirs = languageNameIn(locale.code, i18n.language);
  return (
    <>
      <span lang={locale.code}>{locale.autonym}</span>
      {theirs && theirs.toLocaleLowerCase() !== locale.autonym.toLocaleLowerCase() && ` (${theirs})`}
    </>
  );
}

/** Progress per language, each language linking to its texts still to review. */
function LanguagesTable({ locales }: { locales: Locale[] }) {
  const { t } = useTranslation();
  const number = useNumber();
  return (
    <>
      <h2 className="heading-m">{t('translations.languages.heading')}</h2>
      <DataTable
        caption={t('translations.languages.caption')}
        captionHidden
        rows={locales}
        rowKey={(l) => l.code}
        columns={[
          {
            key: 'language',
            header: t('translations.languages.language'),
            rowHeader: true,
            cell: (l) => (
              <Link to={`?locale=${l.code}&filter=unreviewed`}>
                <LanguageName locale={l} />
              </Link>
            ),
          },
          {
            key: 'translated',
            header: t('translations.languages.translated'),
            cell: (l) =>
              t('translations.languages.ofKeys', { done: number(l.translated), keys: number(l.keys) }),
          },
          {
            key: 'reviewed',
            header: t('translations.languages.reviewed'),
            cell: (l) =>
              t('translations.languages.ofKeys', { done: number(l.reviewed), keys: number(l.keys) }),
          },
          { key: 'changed', header: t('translations.languages.changed'), cell: (l) => number(l.changed) },
        ]}
      />
    </>
  );
}

function LocaleTexts({
  locale,
  filter,
  search,
  cursor,
}: {
  locale: Locale;
  filter: TranslationFilter;
  search: string | undefined;
  cursor: number;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const number = useNumber();
  const [, setParams] = useSearchParams();
  const [announcement, setAnnouncement] = useState('');
  const input = { locale: locale.code, filter, search, cursor, limit: PAGE_SIZE };
  const list = useQuery({ ...trpc.translations.list.queryOptions(input), placeholderData: keepPreviousData });

  const pageLink = (to: number) => {
    const next = new URLSearchParams({ locale: locale.code, filter });
    if (search) next.set('search', search);
    if (to > 0) next.set('cursor', String(to));
    return `?${next.toString()}`;
  };

  return (
    <section aria-labelledby="translations-texts-heading">
      <h2 className="heading-m" id="translations-texts-heading">
        <LanguageName locale={locale} />
      </h2>
      <p>
        {t('translations.progress', {
          reviewed: number(locale.reviewed),
          keys: number(locale.keys),
          missing: number(locale.keys - locale.translated),
          changed: number(locale.changed),
        })}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.rows.length === 0 ? (
        <p>
          <strong>{t('translations.none')}</strong>{' '}
          {(filter !== 'all' || search) && (
            <Link to={`?locale=${locale.code}`} onClick={() => setParams({ locale: locale.code })}>
              {t('translations.clearFilter')}
            </Link>
          )}
        </p>
      ) : (
        <>
          <p className="text-secondary" id="translations-range">
            {t('translations.range', {
              from: number(cursor + 1),
              to: number(cursor + list.data.rows.length),
              total: number(list.data.total),
            })}
          </p>
          <TranslationsTable
            locale={locale}
            rows={list.data.rows}
            listInput={input}
            onApproved={(key) => setAnnouncement(t('translations.approved', { key }))}
          />
          {(cursor > 0 || list.data.nextCursor !== null) && (
            <nav className="translations-pages" aria-label={t('translations.pagination.label')}>
              {cursor > 0 && (
                <Link to={pageLink(Math.max(0, cursor - PAGE_SIZE))} rel="prev">
                  {t('translations.pagination.previous')}
                </Link>
              )}
              {list.data.nextCursor !== null && (
                <Link to={pageLink(list.data.nextCursor)} rel="next">
                  {t('translations.pagination.next')}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
