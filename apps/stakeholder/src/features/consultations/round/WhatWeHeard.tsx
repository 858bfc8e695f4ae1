import { useTranslation } from 'react-i18next';
import { useLocalized } from '../data';
import { paragraphs } from './paragraphs';

export function WhatWeHeard({ summary }: { summary: Record<string, string> }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const text = pick(summary);
  return (
    <section aria-labelledby="what-we-heard" className="two-thirds what-we-heard">
      <h2 className="heading-l" id="what-we-heard" tabIndex={-1}>
        {t('consultations.summary.title')}
      </h2>
      <div className="prose" lang={text.language}>
        {paragraphs(text.text)}
      </div>
    </section>
  );
}
