import { languageAutonym } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';

/** The published "What we heard" report (issue #17) in the reader's language, else English, as PDF and as a web page. */
export function ReportDownload({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.forRound.queryOptions({ roundId }));
  const languages = report.data?.languages ?? [];
  const file =
    languages.find((l) => l.locale === i18n.resolvedLanguage) ?? languages.find((l) => l.locale === 'en');
  if (!file) return null;
  const language = languageAutonym(file.locale);
  return (
    <section aria-labelledby="round-report" className="two-thirds">
      <h2 className="heading-l" id="round-report">
        {t('consultations.resultsReport.heading')}
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
