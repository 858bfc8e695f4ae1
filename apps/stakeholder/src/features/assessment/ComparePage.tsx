import { Button, ErrorNotice, Loading, Page, Tag } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC, type Me } from '../../trpc';
import { Breadcrumbs } from '../catalogue/Breadcrumbs';
import { ANSWERS, type Answer } from './answers';
import './assessment.css';
import {
  signed,
  useCriteria,
  usePoints,
  type Comparison,
  type CriteriaData,
  type OwnAssessmentSummary,
} from './data';
import { RequireMemberState } from './guards';
import { TierTag } from './Scores';

/** `/assessment/compare?from=…&to=…`: what changed between two of the state's assessments. */
export function ComparePage() {
  return <RequireMemberState>{(me) => <Compare me={me} />}</RequireMemberState>;
}

function Compare({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const list = useQuery(trpc.assessments.listOwn.queryOptions());
  const criteria = useCriteria();
  const state = t(`common.memberStates.${me.memberState}`);
  const ordered = [...(list.data ?? [])].sort((a, b) => a.year - b.year);
  const from = params.get('from') ?? ordered.at(-2)?.id ?? '';
  const to = params.get('to') ?? ordered.at(-1)?.id ?? '';
  const ready = !!from && !!to && from !== to;
  const comparison = useQuery({
    ...trpc.assessments.compareOwn.queryOptions({ fromId: from, toId: to }),
    enabled: ready,
    retry: false,
  });

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/assessment', label: t('assessment.nav') },
          { label: t('assessment.compare.crumb') },
        ]}
      />
      <Page title={t('assessment.compare.title', { state })} width="full">
        <div className="two-thirds">
          <p className="lead">{t('assessment.compare.lead')}</p>
        </div>
        {list.isPending || criteria.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : criteria.isError ? (
          <ErrorNotice error={criteria.error} onRetry={() => void criteria.refetch()} />
        ) : ordered.length < 2 ? (
          <p>{t('assessment.compare.needTwo')}</p>
        ) : (
          <>
            <CompareForm
              key={`${from}-${to}`}
              options={ordered}
              from={from}
              to={to}
              onCompare={(f, tt) => setParams({ from: f, to: tt })}
            />
            {!ready ? (
              <p className="text-secondary">{t('assessment.compare.pickTwo')}</p>
            ) : comparison.isPending ? (
              <Loading />
            ) : comparison.isError ? (
              <ErrorNotice error={comparison.error} />
            ) : (
              <ComparisonView comparison={comparison.data} criteria={criteria.data} />
            )}
          </>
        )}
      </Page>
    </>
  );
}

function CompareForm({
  options,
  from,
  to,
  onCompare,
}: {
  options: OwnAssessmentSummary[];
  from: string;
  to: string;
  onCompare: (from: string, to: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [a, setA] = useState(from);
  const [b, setB] = useState(to);
  const label = (o: OwnAssessmentSummary) =>
    t('assessment.compare.option', { year: o.year, status: t(`assessment.status.${o.status}`) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCompare(a, b);
  };
  return (
    <form
      onSubmit={submit}
      className="compare-form"
      noValidate
      aria-label={t('assessment.compare.formLabel')}
    >
      <div className="form-group">
        <label className="label" htmlFor={`${id}-from`}>
          {t('assessment.compare.from')}
        </label>
        <select id={`${id}-from`} className="select" value={a} onChange={(e) => setA(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {label(o)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-to`}>
          {t('assessment.compare.to')}
        </label>
        <select id={`${id}-to`} className="select" value={b} onChange={(e) => setB(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {label(o)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit">{t('assessment.compare.submit')}</Button>
    </form>
  );
}

function ComparisonView({ comparison, criteria }: { comparison: Comparison; criteria: CriteriaData }) {
  const { t } = useTranslation();
  const points = usePoints();
  const pillarName = (n: number) => criteria.pillars.find((p) => p.number === n)?.name ?? '';
  const optionLabel = (id: string, answer: Answer | null) => {
    if (!answer) return t('assessment.readOnly.unanswered');
    return criteria.criteria.find((c) => c.id === id)?.options[ANSWERS.indexOf(answer)]?.label ?? answer;
  };
  const years = { from: comparison.from.year, to: comparison.to.year };
  return (
    <>
      <h2 className="heading-l">{t('assessment.compare.pillarsHeading', years)}</h2>
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="visually-hidden">{t('assessment.compare.pillarsHeading', years)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.score.pillar')}</th>
              <th scope="col">{t('assessment.compare.before', { year: years.from })}</th>
              <th scope="col">{t('assessment.compare.after', { year: years.to })}</th>
              <th scope="col">{t('assessment.compare.change')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.pillars.map((p) => (
              <tr key={p.pillar}>
                <th scope="row" data-label={t('assessment.score.pillar')}>
                  {t('assessment.pillarNamed', { number: p.pillar, name: pillarName(p.pillar) })}
                </th>
                <td data-label={t('assessment.compare.before', { year: years.from })}>
                  {points(p.before.score)} <TierTag tier={p.before.tier} />
                </td>
                <td data-label={t('assessment.compare.after', { year: years.to })}>
                  {points(p.after.score)} <TierTag tier={p.after.tier} />
                </td>
                <td data-label={t('assessment.compare.change')}>
                  <span
                    className={p.delta > 0 ? 'delta delta--up' : p.delta < 0 ? 'delta delta--down' : 'delta'}
                  >
                    {signed(points, p.delta)}
                  </span>
                  {p.tierChanged && (
                    <>
                      {' '}
                      <Tag tone="yellow">{t('assessment.compare.tierChanged')}</Tag>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="heading-l">
        {t('assessment.compare.criteriaHeading', { count: comparison.criteria.length })}
      </h2>
      {comparison.criteria.length === 0 ? (
        <p>{t('assessment.compare.noChanges')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">{t('assessment.compare.criteriaCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.compare.criterion')}</th>
                <th scope="col">{t('assessment.compare.before', { year: years.from })}</th>
                <th scope="col">{t('assessment.compare.after', { year: years.to })}</th>
                <th scope="col">{t('assessment.compare.points')}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.criteria.map((c) => (
                <tr key={c.criterion}>
                  <th scope="row" data-label={t('assessment.compare.criterion')}>
                    <span className="criterion__id">{c.criterion}</span>{' '}
                    <span className="compare-question">
                      {criteria.criteria.find((x) => x.id === c.criterion)?.question}
                    </span>
                  </th>
                  <td data-label={t('assessment.compare.before', { year: years.from })}>
                    {optionLabel(c.criterion, c.before)}
                  </td>
                  <td data-label={t('assessment.compare.after', { year: years.to })}>
                    {optionLabel(c.criterion, c.after)}
                  </td>
                  <td data-label={t('assessment.compare.points')}>
                    <span
                      className={
                        c.delta > 0 ? 'delta delta--up' : c.delta < 0 ? 'delta delta--down' : 'delta'
                      }
                    >
                      {signed(points, c.delta)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
