import { languageAutonym } from '@musyawarah/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';
import { ReadingLanguageContext } from './reading-language';

type RoundDocument = Outputs['roundDocuments']['list'][number];

/** "2.4 MB", "830 kB" in the reader's locale. */
function useFileSize() {
  const { i18n } = useTranslation();
  return (bytes: number) => {
    const [value, unit] =
      bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(bytes / 1000, 0.1), 'kilobyte'];
    return new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value);
  };
}

/**
 * Counts this browser session's visit to a round once (a reach measure for the Secretariat). The flag is set before
 * the request so a remount or a second tab in the same session does not count twice; failures are not retried.
 */
export function useRecordVisit(roundId: string) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.roundDocuments.recordVisit.mutationOptions());
  useEffect(() => {
    const key = `musyawarah.visited.${roundId}`;
    try {
      if (window.sessionStorage.getItem(key)) return;
      window.sessionStorage.setItem(key, '1');
    } catch {
      // No session storage (private browsing): count nothing rather than every page view.
      return;
    }
    mutate({ roundId });
  }, [roundId, mutate]);
}

/** The round's background documents, those in the reading language first. Nothing while there are none. */
export function BackgroundDocuments({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const size = useFileSize();
  const reading = useContext(ReadingLanguageContext)?.language;
  const documents = useQuery(trpc.roundDocuments.list.queryOptions({ roundId }));
  if (!documents.data || documents.data.length === 0) return null;
  const ordered = [...documents.data].sort(
    (a, b) => Number(b.language === reading) - Number(a.language === reading),
  );
  return (
    <section aria-labelledby="background-documents" className="two-thirds background-documents">
      <h2 className="heading-l" id="background-documents">
        {t('consultations.documents.heading')}
      </h2>
      <p>{t('consultations.documents.intro')}</p>
      <ul className="document-list">
        {ordered.map((d: RoundDocument) => (
          <li key={d.id} className="document-list__item">
            <a href={d.url} download={d.filename} className="document-list__link" lang={d.language}>
              {d.title}
            </a>
            <p className="document-list__meta">
              {t('consultations.documents.meta', {
                kind: t(`consultations.documents.kind.${d.kind ?? 'other'}`),
                size: size(d.sizeBytes),
              })}
              {' · '}
              <span lang={d.language}>{languageAutonym(d.language)}</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
