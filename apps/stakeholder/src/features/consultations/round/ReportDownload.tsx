import { languageAutonym } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../../trpc';

type Downloads = Outputs['reports']['forRound'] | undefined;

/**
 * A published report (issue #17) in the reader's language, else English, as PDF and as a web page; nothing until
 * one is ready.
 */
function ReportLinks({ downloads, heading, id }: { downloads: Downloads; heading: string; id: string }) {
  const { t, i18n } = useTranslation();
  const languages = downloads?.languages ?? [];
  const file =
    languages.find((l) => l.locale === i18n.resolvedLanguage) ?? languages.find((l) => l.locale === 'en');
  if (!file) return null;
  const language = languageAutonym(file.locale);
  return (
    <section aria-labelledby={id} className="two-thirds">
      <h2 className="heading-l" id={id}>
        {heading}
      </h2>
      <ul className="list">
        <li>
          <a href={file.pdf} hrefLang={file.locale} type="application/pdf" download>
            {t('consultations.resultsReport.pdf', { language })}
          </a>
        </li>
        <li>
          <a href={file.html} hrefLang={file.locale} type="text/html">
            {t('consultations.resultsReport.html', { language })}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** A closed round's "What we heard". */
export function ReportDownload({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.forRound.queryOptions({ roundId }));
  return (
    <ReportLinks
      downloads={report.data}
      heading={t('consultations.resultsReport.heading')}
      id="round-report"
    />
  );
}

/** An adopted review cycle's "You said, we did". */
export function CycleReportDownload({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.forCycle.queryOptions({ cycleId }));
  return <ReportLinks downloads={report.data} heading={t('reviews.youSaid.report')} id="cycle-report" />;
}
