import { ErrorNotice, Loading, errorStatus, languageAutonym, useDocumentTitle } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Breadcrumbs } from '../catalogue/Breadcrumbs';
import { useHashFocus } from '../catalogue/hash';
import './consultations.css';
import { asEvent, isUuid, readerTimeZone, useLocalized, useRound, type RoundDetail } from './data';
import { BackgroundDocuments, useRecordVisit } from './BackgroundDocuments';
import { ReadInSelector, ReadingLanguageProvider } from './reading-language';
import { RoundNotFound } from './RoundNotFound';
import { Follow } from '../notifications/Follow';
import { RoundFacts } from './round/RoundFacts';
import { QuestionPreview } from './round/QuestionPreview';
import { paragraphs } from './round/paragraphs';
import { CallToAction } from './round/CallToAction';
import { WhatWeHeard } from './round/WhatWeHeard';
import { ReportDownload } from './round/ReportDownload';
import { EventSection } from './round/EventSection';
import { PublicRecord } from './round/PublicRecord';

/** `/consultations/:id`: the round, its event, the public record and the call to give feedback. */
export function RoundPage() {
  const { id = '' } = useParams();
  if (!isUuid(id)) return <RoundNotFound />;
  return <RoundLoader id={id} />;
}

function RoundLoader({ id }: { id: string }) {
  const round = useRound(id);
  if (round.isPending) return <Loading />;
  if (round.isError) {
    if (errorStatus(round.error) === 404) return <RoundNotFound />;
    return <ErrorNotice error={round.error} onRetry={() => void round.refetch()} />;
  }
  return (
    <ReadingLanguageProvider languages={round.data.languages}>
      <RoundView round={round.data} />
    </ReadingLanguageProvider>
  );
}

function RoundView({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const title = pick(round.title);
  const description = pick(round.description);
  const event = asEvent(round.event);
  useDocumentTitle(title.text);
  useHashFocus(true);
  useRecordVisit(round.id);

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/consultations', label: t('consultations.list.title') },
          { label: title.text },
        ]}
      />
      <div className="two-thirds">
        <h1 className="heading-xl" tabIndex={-1} data-page-heading="">
          <span className="caption">{t(`consultations.format.${round.format}`)}</span>
          <span lang={title.language}>{title.text}</span>
        </h1>
        <Follow subjectType="round" subjectId={round.id} name={title.text} />
        <ReadInSelector />
        {(title.fallback || description.fallback) && (
          <p className="hint">{t('consultations.round.shownIn', { language: languageAutonym('en') })}</p>
        )}
        <div className="prose round-description" lang={description.language}>
          {paragraphs(description.text)}
        </div>
        <RoundFacts round={round} />
        <p className="hint">{t('consultations.round.timeZone', { zone: readerTimeZone() })}</p>
        <CallToAction round={round} />
      </div>

      {round.summary && <WhatWeHeard summary={round.summary} />}
      {(round.phase === 'closed' || round.phase === 'summary_published') && (
        <ReportDownload roundId={round.id} />
      )}

      {round.questions.length > 0 && round.phase !== 'summary_published' && <QuestionPreview round={round} />}

      <BackgroundDocuments roundId={round.id} />

      {event && <EventSection round={round} event={event} />}

      <PublicRecord round={round} />
    </>
  );
}
