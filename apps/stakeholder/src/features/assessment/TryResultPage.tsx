import { ErrorNotice, InsetText, Loading, Page } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../catalogue/Breadcrumbs';
import { CRITERION_COUNT, answeredCount, decodeAnswers, encodeAnswers } from './answers';
import './assessment.css';
import { useCriteria, useLiveScore } from './data';
import { ResultView } from './ResultView';
import { readTryAnswers } from './useTryAnswers';

/** `/assessment/result?answers=…`: the result of the unsaved assessment. The link itself holds the answers. */
export function TryResultPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const answers = decodeAnswers(params.get('answers')) ?? readTryAnswers();
  const criteria = useCriteria();
  const score = useLiveScore(answers);
  const answered = answeredCount(answers);
  const code = encodeAnswers(answers);

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/assessment', label: t('assessment.nav') },
          { label: t('assessment.tryResult.crumb') },
        ]}
      />
      <Page title={t('assessment.tryResult.title')} caption={t('assessment.tryResult.caption')} width="full">
        <div className="two-thirds">
          <p className="lead">{t('assessment.tryResult.lead', { answered, total: CRITERION_COUNT })}</p>
          <InsetText>
            <p>{t('assessment.tryResult.notSaved')}</p>
          </InsetText>
          <p>
            <Link to={`/assessment${code ? `?answers=${code}` : ''}`}>
              {t('assessment.tryResult.change')}
            </Link>
          </p>
        </div>
        {criteria.isPending || score.isPending ? (
          <Loading />
        ) : criteria.isError ? (
          <ErrorNotice error={criteria.error} onRetry={() => void criteria.refetch()} />
        ) : score.isError ? (
          <ErrorNotice error={score.error} onRetry={() => void score.refetch()} />
        ) : (
          <ResultView result={score.data} criteria={criteria.data} answers={answers} />
        )}
      </Page>
    </>
  );
}
