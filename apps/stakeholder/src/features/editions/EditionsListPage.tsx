import { DataTable, ErrorNotice, Loading, Page, Tag } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { changesLink, useEditionDate, useEditions } from '../catalogue/EditionBar';
import './editions.css';

type EditionRow = NonNullable<ReturnType<typeof useEditions>['data']>[number];

/** `/editions`: every edition of the Roadmap, newest first, with links to read it and to what it changed. */
export function EditionsListPage() {
  const { t } = useTranslation();
  const editions = useEditions();
  const date = useEditionDate();

  return (
    <Page title={t('editions.list.title')}>
      <p className="lead">{t('editions.list.lead')}</p>
      {editions.isPending ? (
        <Loading />
      ) : editions.isError ? (
        <ErrorNotice error={editions.error} onRetry={() => void editions.refetch()} />
      ) : (
        <>
          <DataTable<EditionRow>
            caption={t('editions.list.caption')}
            captionHidden
            rows={editions.data}
            rowKey={(edition) => String(edition.number)}
            columns={[
              {
                key: 'edition',
                header: t('editions.list.edition'),
                rowHeader: true,
                cell: (edition) => (
                  <>
                    <Link
                      to={edition.status === 'current' ? '/actions' : `/actions?edition=${edition.number}`}
                    >
                      {t('editions.list.editionNumber', { number: edition.number })}
                    </Link>
                    <span className="edition-list__title">{edition.title}</span>
                  </>
                ),
              },
              {
                key: 'adopted',
                header: t('editions.list.adopted'),
                cell: (edition) =>
                  edition.adoptedAt ? date(edition.adoptedAt) : t('editions.list.asPublished'),
              },
              {
                key: 'status',
                header: t('editions.list.status'),
                cell: (edition) => (
                  <Tag tone={edition.status === 'current' ? 'green' : 'grey'}>
                    {t(`editions.status.${edition.status}`)}
                  </Tag>
                ),
              },
              {
                key: 'changes',
                header: t('editions.list.changes'),
                cell: (edition) =>
                  edition.number > 1 ? (
                    <Link to={changesLink(edition.number)}>
                      {t('editions.list.compareWithPrevious', { number: edition.number - 1 })}
                    </Link>
                  ) : (
                    t('editions.list.firstEdition')
                  ),
              },
            ]}
          />
          {editions.data.some((edition) => edition.notes) && (
            <>
              <h2 className="heading-m">{t('editions.list.notesHeading')}</h2>
              {editions.data
                .filter((edition) => edition.notes)
                .map((edition) => (
                  <section
                    key={edition.number}
                    className="edition-notes"
                    aria-labelledby={`notes-${edition.number}`}
                  >
                    <h3 className="heading-s" id={`notes-${edition.number}`}>
                      {t('editions.list.editionNumber', { number: edition.number })}
                    </h3>
                    <p>{edition.notes}</p>
                  </section>
                ))}
            </>
          )}
          {editions.data.length > 1 && (
            <p>
              <Link to="/editions/compare">{t('editions.list.compareAny')}</Link>
            </p>
          )}
        </>
      )}
    </Page>
  );
}
