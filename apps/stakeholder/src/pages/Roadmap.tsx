import { InsetText, Page } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';

const PILLARS = ['p1', 'p2', 'p3', 'p4'] as const;

/** Placeholder until the Roadmap catalogue pages land. */
export function RoadmapPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('roadmap.title')}>
      <p className="lead">{t('roadmap.lead')}</p>
      <h2 className="heading-m">{t('roadmap.pillarsTitle')}</h2>
      <ol className="list">
        {PILLARS.map((p) => (
          <li key={p}>{t(`roadmap.pillars.${p}`)}</li>
        ))}
      </ol>
      <p>{t('roadmap.targeted')}</p>
      <InsetText>
        <p>{t('roadmap.comingSoon')}</p>
      </InsetText>
    </Page>
  );
}
