import { Details, ErrorNotice, Loading, Page, errorStatus } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTRPC } from '../../trpc';
import { Breadcrumbs } from './Breadcrumbs';
import './catalogue.css';
import {
  STATIC,
  freshness,
  pillarName,
  termYears,
  useOverview,
  type ActionArea,
  type Overview,
  type SubAction,
} from './data';
import { ChangeBadge, changesLink, EditionBar, useEditionChanges } from './EditionBar';
import { TERMS, editionFromSearchParams, editionSearch } from './filters';
import { useHashFocus } from './hash';
import { ActionTags } from './Tags';
import { Follow } from '../notifications/Follow';

/** `/actions/:id`: one action area in full; `#C2.1.1` jumps to a sub-action; `?edition=1` reads an earlier edition. */
export function ActionAreaPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const edition = editionFromSearchParams(params);
  const trpc = useTRPC();
  const area = useQuery({
    ...trpc.catalogue.actionArea.queryOptions(edition ? { id, edition } : { id }),
    ...freshness(edition),
    retry: false,
  });
  const overview = useOverview(edition);
  useHashFocus(area.isSuccess);

  if (area.isPending) return <Loading />;
  if (area.isError) {
    if (errorStatus(area.error) === 404) return <ActionNotFound id={id} edition={edition} />;
    return <ErrorNotice error={area.error} onRetry={() => void area.refetch()} />;
  }
  return <ActionAreaView area={area.data} overview={overview.data} edition={edition} />;
}

function ActionNotFound({ id, edition }: { id: string; edition: number | undefined }) {
  const { t } = useTranslation();
  // An action the edition being read retired is not "not found": say so, and where it can still be read.
  const overview = useOverview(edition);
  const changes = useEditionChanges(overview.data?.edition.number);
  const wanted = id.trim().toUpperCase();
  const retiredIn = changes.data?.changes?.retired.includes(wanted) ? changes.data : undefined;
  if (retiredIn?.previous) {
    return (
      <>
        <Breadcrumbs
          items={[
            { to: '/', label: t('catalogue.crumbs.home') },
            { to: `/actions${editionSearch(edition)}`, label: t('catalogue.crumbs.roadmap') },
            { label: wanted },
          ]}
        />
        <Page title={t('catalogue.edition.retiredTitle', { id: wanted })}>
          <p>{t('catalogue.edition.retiredBody', { id: wanted, number: retiredIn.number })}</p>
          <ul className="list">
            <li>
              <Link to={`/actions/${encodeURIComponent(wanted)}?edition=${retiredIn.previous}`}>
                {t('catalogue.edition.readInEdition', { id: wanted, number: retiredIn.previous })}
              </Link>
            </li>
            <li>
              <Link to={changesLink(retiredIn.number, wanted)}>
                {t('catalogue.edition.whatChanged', { number: retiredIn.number })}
              </Link>
            </li>
          </ul>
        </Page>
      </>
    );
  }
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/actions', label: t('catalogue.crumbs.roadmap') },
          { label: t('catalogue.detail.notFoundCrumb') },
        ]}
      />
      <Page title={t('catalogue.detail.notFoundTitle')}>
        <p>{t('catalogue.detail.notFoundBody', { id })}</p>
        <p>{t('catalogue.detail.notFoundHint')}</p>
        <p>{t('catalogue.edition.notInEdition')}</p>
        <ul className="list">
          <li>
            <Link to={`/actions${editionSearch(edition)}`}>{t('catalogue.detail.browseAll')}</Link>
          </li>
          <li>
            <Link to="/editions">{t('catalogue.edition.allEditions')}</Link>
          </li>
        </ul>
      </Page>
    </>
  );
}

function ActionAreaView({
  area,
  overview,
  edition,
}: {
  area: ActionArea;
  overview: Overview | undefined;
  edition: number | undefined;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const changes = useEditionChanges(overview?.edition.number);
  const browseAll = `/actions${editionSearch(edition)}`;
  const criteria = useQuery({ ...trpc.readiness.criteria.queryOptions(), ...STATIC });
  const questions = new Map(criteria.data?.criteria.map((c) => [c.id, c.question]));
  const pillar = pillarName(overview, area.kind, area.pillar);

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: browseAll, label: t('catalogue.crumbs.roadmap') },
          { label: area.id },
        ]}
      />
      <Page
        title={area.title}
        caption={t('catalogue.detail.caption', { id: area.id, kind: t(`catalogue.kind.${area.kind}`) })}
        documentTitle={`${area.id} ${area.title}`}
        width="full"
      >
        <div className="two-thirds">
          <Follow subjectType="action" subjectId={area.id} name={`${area.id} ${area.title}`} />
          <ActionTags overview={overview} kind={area.kind} pillar={area.pillar} tier={area.tier} />
          <ChangeBadge changes={changes.data} actionAreaId={area.id} />
          {overview && (
            <EditionBar
              key={overview.edition.number}
              edition={overview.edition}
              onChoose={(number) =>
                void navigate(`/actions/${encodeURIComponent(area.id)}${editionSearch(number)}`)
              }
            />
          )}
          {pillar && (
            <p className="text-secondary">
              {area.kind === 'targeted'
                ? t('catalogue.detail.targetedIntro', {
                    number: area.pillar,
                    name: pillar,
                    tier: t(`catalogue.tier.${area.tier}`),
                  })
                : t('catalogue.detail.crossCuttingIntro', { number: area.pillar, name: pillar })}
            </p>
          )}

          <nav className="contents-list" aria-labelledby="contents-heading">
            <h2 className="heading-s" id="contents-heading">
              {t('catalogue.detail.contents')}
            </h2>
            <ol className="contents-list__list">
              {area.objectives.length > 0 && (
                <li>
                  <Link to={{ hash: 'objectives' }}>{t('catalogue.detail.objectives')}</Link>
                </li>
              )}
              {area.subActions.map((sub) => (
                <li key={sub.id}>
                  <Link to={{ hash: sub.id }}>
                    {sub.id} {sub.title}
                  </Link>
                </li>
              ))}
            </ol>
          </nav>

          {area.objectives.length > 0 && (
            <section aria-labelledby="objectives">
              <h2 className="heading-l scroll-target" id="objectives" tabIndex={-1}>
                {t('catalogue.detail.objectives')}
              </h2>
              <NamedList items={area.objectives} />
            </section>
          )}
        </div>

        {area.subActions.map((sub) => (
          <SubActionSection
            key={sub.id}
            sub={sub}
            overview={overview}
            questions={questions}
            badge={<ChangeBadge changes={changes.data} actionAreaId={area.id} subActionId={sub.id} />}
          />
        ))}

        <hr className="section-break" />
        <p>
          <Link to={browseAll}>{t('catalogue.detail.browseAll')}</Link>
        </p>
      </Page>
    </>
  );
}

function NamedList({ items }: { items: { name: string; text: string }[] }) {
  return (
    <dl className="named-list">
      {items.map((item, i) => (
        <div className="named-list__item" key={`${i}-${item.name}`}>
          {item.name && <dt className="named-list__name">{item.name}</dt>}
          <dd className="named-list__text">{item.text}</dd>
        </div>
      ))}
    </dl>
  );
}

function SubActionSection({
  sub,
  overview,
  questions,
  badge,
}: {
  sub: SubAction;
  overview: Overview | undefined;
  questions: Map<string, string>;
  /** What the edition being read changed here, if anything. */
  badge: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = sub.id;
  return (
    <section className="sub-action" aria-labelledby={headingId}>
      <h2 className="heading-l sub-action__heading scroll-target" id={headingId} tabIndex={-1}>
        <span className="caption">{t('catalogue.detail.subActionCaption', { id: sub.id })}</span>
        {sub.title}
      </h2>
      {badge}

      <div className="two-thirds">
        {sub.targetAreas.length > 0 && (
          <>
            <h3 className="heading-m">{t('catalogue.detail.targetAreas')}</h3>
            <NamedList items={sub.targetAreas} />
          </>
        )}
      </div>

      <h3 className="heading-m">{t('catalogue.detail.milestones')}</h3>
      <div className="milestones">
        {TERMS.map((term) => {
          const items = sub.milestones[term];
          const years = termYears(overview, term);
          return (
            <section className="milestones__term" key={term} aria-labelledby={`${sub.id}-${term}`}>
              <h4 className="milestones__title" id={`${sub.id}-${term}`}>
                {t(`catalogue.term.${term}`)}
                {years && (
                  <span className="milestones__years">
                    {t('catalogue.detail.indicativeYears', { years })}
                  </span>
                )}
              </h4>
              {items.length > 0 ? (
                <ul className="list milestones__list">
                  {items.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-secondary">{t('catalogue.detail.noMilestones')}</p>
              )}
            </section>
          );
        })}
      </div>
      {overview && overview.timeframe.notes.length > 0 && (
        <Details summary={t('catalogue.detail.aboutYears')}>
          {overview.timeframe.notes.map((note, i) => (
            <p key={i}>{note}</p>
          ))}
        </Details>
      )}

      <div className="two-thirds">
        {sub.measures.length > 0 && (
          <>
            <h3 className="heading-m">{t('catalogue.detail.measures')}</h3>
            <NamedList items={sub.measures} />
          </>
        )}

        {sub.caseStudies.length > 0 && (
          <>
            <h3 className="heading-m">
              {t('catalogue.detail.caseStudies', { count: sub.caseStudies.length })}
            </h3>
            <div className="case-study">
              {sub.caseStudies.map((text, i) => (
                <p key={i}>{text}</p>
              ))}
            </div>
          </>
        )}

        {sub.linkedCriteria.length > 0 && (
          <>
            <h3 className="heading-m">{t('catalogue.detail.criteria')}</h3>
            <p className="hint">{t('catalogue.detail.criteriaHint')}</p>
            <ul className="list criteria-links">
              {sub.linkedCriteria.map((criterion) => (
                <li key={criterion}>
                  <Link to={`/assessment#${criterion}`}>
                    <span className="criteria-links__id">{criterion}</span>
                    {questions.get(criterion) ? ` ${questions.get(criterion)}` : ''}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
