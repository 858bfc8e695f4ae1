import {
  ButtonLink,
  ErrorNotice,
  InsetText,
  Loading,
  Page,
  SummaryList,
  errorStatus,
  useFormat,
} from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC, type Me } from '../../trpc';
import { Breadcrumbs } from '../catalogue/Breadcrumbs';
import { useHashFocus } from '../catalogue/hash';
import { CRITERION_COUNT, answeredCount, cleanAnswers } from './answers';
import { AnswersReadOnly } from './AnswersReadOnly';
import './assessment.css';
import { useCriteria } from './data';
import { AssessmentNotFound } from './EditAssessmentPage';
import { RequireMemberState } from './guards';
import { ResultView } from './ResultView';
import { TierTag } from './Scores';

/** `/assessment/:id`: a saved assessment's result, answers and evidence (read-only once submitted). */
export function SavedAssessmentPage() {
  return <RequireMemberState>{(me) => <SavedAssessment me={me} />}</RequireMemberState>;
}

function SavedAssessment({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const format = useFormat();
  const criteria = useCriteria();
  const assessment = useQuery({ ...trpc.assessments.getOwn.queryOptions({ id }), retry: false });
  const list = useQuery(trpc.assessments.listOwn.queryOptions());
  useHashFocus(assessment.isSuccess && criteria.isSuccess);

  if (assessment.isPending || criteria.isPending) return <Loading />;
  if (assessment.isError) {
    if (errorStatus(assessment.error) === 404 || errorStatus(assessment.error) === 400)
      return <AssessmentNotFound />;
    return <ErrorNotice error={assessment.error} onRetry={() => void assessment.refetch()} />;
  }
  if (criteria.isError) return <ErrorNotice error={criteria.error} onRetry={() => void criteria.refetch()} />;

  const a = assessment.data;
  const state = t(`common.memberStates.${me.memberState}`);
  const answers = cleanAnswers(a.answers);
  const draft = a.status === 'draft';
  const others = (list.data ?? []).filter((x) => x.id !== a.id);

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/assessment', label: t('assessment.nav') },
          { label: t('assessment.saved.crumb', { year: a.year }) },
        ]}
      />
      <Page
        title={t('assessment.saved.title', { state, year: a.year })}
        caption={t(`assessment.status.${a.status}`)}
        width="full"
      >
        <div className="two-thirds">
          <SummaryList
            rows={[
              { key: 'state', label: t('assessment.saved.memberState'), value: state },
              { key: 'year', label: t('assessment.saved.year'), value: String(a.year) },
              {
                key: 'status',
                label: t('assessment.saved.status'),
                value: t(`assessment.status.${a.status}`),
              },
              {
                key: 'answered',
                label: t('assessment.saved.answered'),
                value: t('assessment.own.answeredOf', {
                  answered: answeredCount(answers),
                  total: CRITERION_COUNT,
                }),
              },
              draft
                ? {
                    key: 'updated',
                    label: t('assessment.saved.updated'),
                    value: format.dateTime(a.updatedAt),
                  }
                : {
                    key: 'submitted',
                    label: t('assessment.saved.submitted'),
                    value: format.dateTime(a.submittedAt),
                  },
              {
                key: 'tiers',
                label: t('assessment.saved.tiers'),
                value: (
                  <ul className="list-plain tier-summary">
                    {a.result.pillars.map((p) => (
                      <li key={p.pillar}>
                        {t('assessment.pillarNumber', { number: p.pillar })}: <TierTag tier={p.tier} />
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          {draft ? (
            <InsetText>
              <p>{t('assessment.saved.draftNote')}</p>
              <ButtonLink to={`/assessment/${a.id}/edit`}>{t('assessment.saved.continue')}</ButtonLink>
            </InsetText>
          ) : (
            <p>{t('assessment.saved.readOnly')}</p>
          )}
          {others.length > 0 && (
            <p>
              <Link to={`/assessment/compare?from=${others[0]!.id}&to=${a.id}`}>
                {t('assessment.saved.compare')}
              </Link>
            </p>
          )}
        </div>
        <ResultView result={a.result} criteria={criteria.data} answers={answers} />
        <section aria-labelledby="answers-heading">
          <h2 className="heading-l" id="answers-heading">
            {t('assessment.saved.answersHeading')}
          </h2>
          <AnswersReadOnly criteria={criteria.data} answers={a.answers} evidence={a.evidence} />
        </section>
      </Page>
    </>
  );
}
