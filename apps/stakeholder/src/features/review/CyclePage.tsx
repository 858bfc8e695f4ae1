import { editsOpenToParticipants } from '@musyawarah/core/review/rules';
import { ErrorNotice, InsetText, Loading, SummaryList, errorStatus, useDocumentTitle } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../session';
import { useTRPC } from '../../trpc';
import { Breadcrumbs } from '../catalogue/Breadcrumbs';
import './review.css';
import { ReviewReadIn, ReviewReadingLanguage, useCycleTexts } from './reading';
import { StageTag, useDay } from './shared';
import { Follow } from '../notifications/Follow';
import { type Cycle } from './cycle/types';
import { CommentPeriod } from './cycle/CommentPeriod';
import { PublishedRecord } from './cycle/PublishedRecord';

/** `/review/:cycleId`: a review cycle; from the comment period on, its proposed edits, positions and threads. */
export function CyclePage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const trpc = useTRPC();
  const cycle = useQuery({
    ...trpc.review.cycle.queryOptions({ cycleId }),
    retry: (n, e) => errorStatus(e) !== 404 && errorStatus(e) !== 400 && n < 2,
  });
  if (cycle.isPending)
    return (
      <>
        <CaptionTitle />
        <Loading />
      </>
    );
  if (cycle.isError) {
    const status = errorStatus(cycle.error);
    if (status === 404 || status === 400)
      return (
        <div className="two-thirds">
          <CaptionTitle />
          <h1 className="heading-xl">{t('reviews.cycle.notFound')}</h1>
          <p>
            <Link to="/review">{t('reviews.index.title')}</Link>
          </p>
        </div>
      );
    return (
      <>
        <CaptionTitle />
        <ErrorNotice error={cycle.error} onRetry={() => void cycle.refetch()} />
      </>
    );
  }
  return (
    <ReviewReadingLanguage texts={[cycle.data.title, cycle.data.description]}>
      <CycleView cycle={cycle.data} />
    </ReviewReadingLanguage>
  );
}

/** The document title until the cycle (and so its title in the reader's language) is known. */
function CaptionTitle() {
  const { t } = useTranslation();
  useDocumentTitle(t('reviews.cycle.caption'));
  return null;
}

function CycleView({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const day = useDay();
  const me = useMe();
  const { title, description, notice } = useCycleTexts(cycle);
  useDocumentTitle(title.text);
  const current = cycle.phases.find((p) => p.phase === cycle.stage);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/review', label: t('reviews.index.title') },
          { label: title.text },
        ]}
      />
      <div className="two-thirds">
        <h1 className="heading-xl" tabIndex={-1} data-page-heading="">
          <span className="caption">{t('reviews.cycle.caption')}</span>
          <span lang={title.language}>{title.text}</span>
        </h1>
        <Follow subjectType="review_cycle" subjectId={cycle.id} name={title.text} />
        {notice && <p className="hint">{notice}</p>}
        <ReviewReadIn />
        <p className="review-stage">
          <StageTag stage={cycle.stage} /> <span>{t(`reviews.stageHint.${cycle.stage}`)}</span>
        </p>
        {cycle.closure && (
          <div className="review-closure" role="note" aria-labelledby={`closure-${cycle.id}`}>
            <h2 className="heading-m" id={`closure-${cycle.id}`}>
              {t('reviews.closure.heading')}
            </h2>
            <p>{t('reviews.closure.on', { date: day(cycle.closure.closedAt.slice(0, 10)) })}</p>
            {cycle.closure.supersededBy !== null && (
              <p>
                <strong>{t('reviews.closure.superseded', { number: cycle.closure.supersededBy })}</strong>
              </p>
            )}
            {cycle.closure.reason && (
              <>
                <p>{t('reviews.closure.reason')}</p>
                <p className="prose review-pre">{cycle.closure.reason}</p>
              </>
            )}
          </div>
        )}
        {description && (
          <p className="prose review-pre" lang={description.language}>
            {description.text}
          </p>
        )}
        <SummaryList
          rows={[
            {
              key: 'edition',
              label: t('reviews.cycle.edition'),
              value: t('reviews.cycle.editionNumber', { number: cycle.baseEditionNumber }),
            },
            ...(current
              ? [
                  {
                    key: 'phase',
                    label: t('reviews.cycle.currentPhase'),
                    value: t('reviews.cycle.phaseDates', {
                      phase: t(`reviews.stage.${current.phase}`),
                      start: day(current.plannedStart),
                      end: day(current.plannedEnd),
                    }),
                  },
                ]
              : []),
            {
              key: 'audience',
              label: t('reviews.cycle.audience'),
              value: t(`reviews.audience.${cycle.audience}`),
            },
          ]}
        />
        {me.data?.role === 'member_state' &&
          me.data.memberState &&
          ['assessment', 'drafting', 'comment_period', 'finalisation', 'adoption'].includes(cycle.stage) && (
            <p>
              <Link to={`/review/${cycle.id}/assessment`}>
                {cycle.stage === 'assessment'
                  ? t('reviews.cycle.assessLink', {
                      state: t(`common.memberStates.${me.data.memberState}`),
                      number: cycle.baseEditionNumber,
                    })
                  : t('reviews.cycle.assessmentLink', {
                      state: t(`common.memberStates.${me.data.memberState}`),
                    })}
              </Link>
            </p>
          )}
        {cycle.adoptedEditionNumber !== null && (
          <ul>
            <li>
              <Link to={`/review/editions/${cycle.adoptedEditionNumber}`}>
                {t('reviews.index.youSaid', { number: cycle.adoptedEditionNumber })}
              </Link>
            </li>
            <li>
              <Link to={`/editions/compare?from=${cycle.baseEditionNumber}&to=${cycle.adoptedEditionNumber}`}>
                {t('reviews.index.compare', {
                  from: cycle.baseEditionNumber,
                  to: cycle.adoptedEditionNumber,
                })}
              </Link>
            </li>
          </ul>
        )}
      </div>
      {cycle.record ? (
        <PublishedRecord edits={cycle.record} />
      ) : cycle.stage === 'closed' ? null : !editsOpenToParticipants(cycle.stage) ? (
        <InsetText>
          <p>{t('reviews.cycle.editsLater')}</p>
        </InsetText>
      ) : me.isPending ? (
        <Loading />
      ) : !me.data ? (
        <InsetText>
          <p>
            {t('reviews.cycle.signInToRead')}{' '}
            <Link to={`/sign-in?next=${encodeURIComponent(`/review/${cycle.id}`)}`}>
              {t('reviews.cycle.signIn')}
            </Link>
          </p>
        </InsetText>
      ) : (
        <CommentPeriod cycle={cycle} me={me.data} />
      )}
    </>
  );
}
