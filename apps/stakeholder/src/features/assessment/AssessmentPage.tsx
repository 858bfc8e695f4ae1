import {
  Button,
  ButtonLink,
  Details,
  ErrorNotice,
  LinkButton,
  Loading,
  NoticeRegion,
  Page,
  Tag,
  cx,
  mapServerError,
  useFormat,
  useNotice,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../session';
import { useTRPC, type Me } from '../../trpc';
import { useHashFocus } from '../catalogue/hash';
import { CRITERION_COUNT, answeredCount, encodeAnswers } from './answers';
import './assessment.css';
import { useCriteria, useLiveScore, type CriteriaData } from './data';
import { useAssessmentMessage } from './messages';
import { PillarSteps, REVIEW_STEP, pillarOfCriterion, type Step } from './PillarSteps';
import { Questionnaire } from './Questionnaire';
import { BandRule, ScoreTable } from './Scores';
import { useTryAnswers } from './useTryAnswers';

/** `/assessment`: the self-assessment anyone can try, and a Member State representative's saved assessments. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const me = useMe();
  const criteria = useCriteria();
  const rep = me.data?.role === 'member_state' && me.data.memberState ? me.data : null;
  useHashFocus(criteria.isSuccess && !me.isPending);

  return (
    <Page title={t('assessment.index.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('assessment.index.lead')}</p>
        {/* The scoring rules are there for whoever wants them, not in the way of answering. */}
        <Details summary={t('worksurface.steps.howScores')}>
          <p>{t('assessment.index.howScored')}</p>
          {criteria.data && <BandRule bands={criteria.data.tierBands} />}
          <p>{t('assessment.result.noOverall')}</p>
        </Details>
      </div>
      {rep && <OwnAssessments me={rep} />}
      {criteria.isPending ? (
        <Loading />
      ) : criteria.isError ? (
        <ErrorNotice error={criteria.error} onRetry={() => void criteria.refetch()} />
      ) : (
        <TryAssessment criteria={criteria.data} forRepresentative={!!rep} />
      )}
    </Page>
  );
}

function OwnAssessments({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const list = useQuery(trpc.assessments.listOwn.queryOptions());
  const state = t(`common.memberStates.${me.memberState}`);
  const draft = list.data?.find((a) => a.status === 'draft');
  const submitted = list.data?.filter((a) => a.status === 'submitted') ?? [];

  return (
    <section aria-labelledby="own-heading" className="own-assessments">
      <h2 className="heading-l" id="own-heading">
        {t('assessment.own.title', { state })}
      </h2>
      <p className="prose">{t('assessment.own.intro', { state })}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{t('assessment.own.none', { state })}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">{t('assessment.own.caption', { state })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.own.year')}</th>
                <th scope="col">{t('assessment.own.status')}</th>
                <th scope="col">{t('assessment.own.answered')}</th>
                <th scope="col">{t('assessment.own.updated')}</th>
                <th scope="col">{t('assessment.own.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => (
                <tr key={a.id}>
                  <th scope="row" data-label={t('assessment.own.year')}>
                    {a.year}
                  </th>
                  <td data-label={t('assessment.own.status')}>
                    <Tag tone={a.status === 'submitted' ? 'green' : 'grey'}>
                      {t(`assessment.status.${a.status}`)}
                    </Tag>
                  </td>
                  <td data-label={t('assessment.own.answered')}>
                    {t('assessment.own.answeredOf', { answered: a.answered, total: CRITERION_COUNT })}
                  </td>
                  <td data-label={t('assessment.own.updated')}>
                    {a.status === 'submitted'
                      ? t('assessment.own.submittedOn', { date: format.dateTime(a.submittedAt) })
                      : format.dateTime(a.updatedAt)}
                  </td>
                  <td data-label={t('assessment.own.actions')} className="actions">
                    {a.status === 'draft' ? (
                      <Link to={`/assessment/${a.id}/edit`}>
                        {t('assessment.own.continue')}
                        <span className="visually-hidden">
                          {' '}
                          {t('assessment.own.yearSuffix', { year: a.year })}
                        </span>
                      </Link>
                    ) : (
                      <Link to={`/assessment/${a.id}`}>
                        {t('assessment.own.view')}
                        <span className="visually-hidden">
                          {' '}
                          {t('assessment.own.yearSuffix', { year: a.year })}
                        </span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {submitted.length + (draft ? 1 : 0) >= 2 && (
        <p>
          <Link to="/assessment/compare">{t('assessment.own.compareLink')}</Link>
        </p>
      )}
      {list.data &&
        (draft ? (
          <p className="inset-text">{t('assessment.own.draftOpen', { year: draft.year })}</p>
        ) : (
          <StartForm takenYears={list.data.map((a) => a.year)} />
        ))}
    </section>
  );
}

function StartForm({ takenYears }: { takenYears: number[] }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const tm = useAssessmentMessage();
  const id = useId();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 2 - 2024 }, (_, i) => 2024 + i).filter(
    (y) => !takenYears.includes(y),
  );
  const [year, setYear] = useState(() => (years.includes(thisYear) ? thisYear : (years.at(-1) ?? thisYear)));
  const [error, setError] = useState<string | null>(null);
  const start = useMutation(trpc.assessments.start.mutationOptions());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await start.mutateAsync({ year });
      await queryClient.invalidateQueries({ queryKey: trpc.assessments.listOwn.queryKey() });
      void navigate(`/assessment/${created.id}/edit`);
    } catch (e) {
      const mapped = mapServerError(e, (key) => i18n.exists(key));
      setError(tm(mapped.fieldErrors[0]?.key ?? mapped.message ?? 'errors.internal'));
    }
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="start-form"
      aria-labelledby={`${id}-heading`}
      noValidate
    >
      <h3 className="heading-m" id={`${id}-heading`}>
        {t('assessment.start.title')}
      </h3>
      <div className={cx('form-group', error && 'form-group--error')}>
        <label className="label" htmlFor={`${id}-year`}>
          {t('assessment.start.year')}
        </label>
        <div className="hint" id={`${id}-hint`}>
          {t('assessment.start.yearHint')}
        </div>
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            <span className="visually-hidden">{t('layout.errorPrefix')}</span> {error}
          </p>
        )}
        <select
          id={`${id}-year`}
          className={cx('select', error && 'select--error')}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          aria-describedby={cx(`${id}-hint`, error && `${id}-error`)}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" isBusy={start.isPending}>
        {t('assessment.start.submit')}
      </Button>
    </form>
  );
}

function TryAssessment({
  criteria,
  forRepresentative,
}: {
  criteria: CriteriaData;
  forRepresentative: boolean;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { answers, answer, clear } = useTryAnswers(params.get('answers'));
  // Answers brought by a result link are now this tab's answers; drop them from the address so a reload after more
  // changes does not bring back the old ones.
  useEffect(() => {
    if (!params.has('answers')) return;
    const next = new URLSearchParams(params);
    next.delete('answers');
    const search = next.toString();
    void navigate(
      { search: search ? `?${search}` : '', hash: location.hash },
      { replace: true, preventScrollReset: true },
    );
  }, [params, navigate, location.hash]);
  const score = useLiveScore(answers);
  // The step is in the address (`?pillar=2`), so a reload or a link lands on it; a `#Q12` link lands on Q12's pillar.
  const fromHash = pillarOfCriterion(criteria, location.hash.slice(1));
  const pillar = fromHash ?? (Number(params.get('pillar')) || 1);
  const step = (next: Step) => {
    if (next === REVIEW_STEP) return; // the try-out has no review step
    const search = new URLSearchParams(params);
    search.set('pillar', String(next));
    void navigate({ search: `?${search.toString()}` }, { replace: true });
    requestAnimationFrame(() => {
      const heading = document.getElementById(`try-pillar-${next}`);
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    });
  };
  const notice = useNotice();
  // "Clear all answers" goes once there is nothing to clear: focus moves to the link beside it, rather than falling
  // back to the top of the page. Counts clearings, so each one moves it.
  const [cleared, setCleared] = useState(0);
  useEffect(() => {
    if (cleared > 0) document.getElementById('try-see-results')?.focus();
  }, [cleared]);
  const answered = answeredCount(answers);
  const code = encodeAnswers(answers);
  const resultHref = `/assessment/result${code ? `?answers=${code}` : ''}`;

  return (
    <section aria-labelledby="try-heading" className="try-assessment">
      <h2 className="heading-l" id="try-heading">
        {forRepresentative ? t('assessment.try.titleRepresentative') : t('assessment.try.title')}
      </h2>
      <div className="two-thirds">
        <p>{t('assessment.try.intro')}</p>
        {!forRepresentative && <p className="text-secondary">{t('assessment.try.representatives')}</p>}
      </div>
      <ScoreTable
        criteria={criteria}
        pillars={score.data?.pillars}
        caption={t('assessment.try.scoresCaption')}
        pillarLink={(n) => ({ search: `?pillar=${n}`, hash: `try-pillar-${n}` })}
      />
      {score.isError && <ErrorNotice error={score.error} onRetry={() => void score.refetch()} />}
      <p>
        <Link to={resultHref}>{t('assessment.try.resultsLink')}</Link>
      </p>
      <form
        aria-labelledby="try-heading"
        onSubmit={(e) => e.preventDefault()}
        className="try-assessment__form"
        noValidate
      >
        <PillarSteps criteria={criteria} answers={answers} step={pillar} onStep={step} position="top" />
        <p className="hint">{t('worksurface.steps.kept')}</p>
        <Questionnaire
          formId="try"
          criteria={criteria}
          answers={answers}
          onAnswer={answer}
          scores={score.data?.pillars}
          anchors
          headingLevel={3}
          onlyPillar={pillar}
        />
        <PillarSteps criteria={criteria} answers={answers} step={pillar} onStep={step} position="bottom" />
      </form>
      <div className="try-assessment__end">
        <p className="text-secondary">
          {t('assessment.try.answeredTotal', { answered, total: CRITERION_COUNT })}
        </p>
        <div className="button-group">
          <ButtonLink to={resultHref} id="try-see-results">
            {t('assessment.try.seeResults')}
          </ButtonLink>
          {answered > 0 && (
            <LinkButton
              onClick={() => {
                clear();
                setCleared((n) => n + 1);
                notice.success(t('assessment.try.cleared'));
              }}
            >
              {t('assessment.try.clear')}
            </LinkButton>
          )}
        </div>
        {/* At the end of the questions, beside the button, where a banner at the top would be out of sight. */}
        <NoticeRegion />
      </div>
    </section>
  );
}
