import { Tag } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router';
import { CRITERIA_PER_PILLAR } from './answers';
import { usePoints, type CriteriaData, type PillarScore } from './data';

const TIER_TONE = { advanced: 'green', promising: undefined, emerging: 'yellow' } as const;

export function TierTag({ tier }: { tier: string | null }) {
  const { t } = useTranslation();
  if (!tier) return <Tag tone="grey">{t('assessment.tier.provisional')}</Tag>;
  return <Tag tone={TIER_TONE[tier as keyof typeof TIER_TONE]}>{t(`assessment.tier.${tier}`)}</Tag>;
}

/** "Advanced from 21, Promising from 11, Emerging below 11; scores move in steps of 1.5, so 10.5 is Emerging". */
export function BandRule({ bands }: { bands: CriteriaData['tierBands'] }) {
  const { t } = useTranslation();
  const points = usePoints();
  const min = (tier: string) => bands.find((b) => b.tier === tier)?.min ?? 0;
  const maxOf = (tier: string) => bands.find((b) => b.tier === tier)?.max ?? 0;
  return (
    <p className="band-rule">
      {t('assessment.bands.rule', {
        advanced: points(min('advanced')),
        promising: points(min('promising')),
        emergingMax: points(maxOf('emerging')),
        promisingMax: points(maxOf('promising')),
      })}{' '}
      <span className="text-secondary">
        {t('assessment.bands.printed', {
          advanced: bands.find((b) => b.tier === 'advanced')?.printedRange ?? '',
          promising: bands.find((b) => b.tier === 'promising')?.printedRange ?? '',
          emerging: bands.find((b) => b.tier === 'emerging')?.printedRange ?? '',
        })}
      </span>
    </p>
  );
}

/** "Provisional — 7 of 10 answered, no tier yet" or the tier. */
export function TierOrProvisional({ pillar }: { pillar: PillarScore }) {
  const { t } = useTranslation();
  if (pillar.tier) return <TierTag tier={pillar.tier} />;
  return (
    <span className="provisional">
      <TierTag tier={null} />{' '}
      {t('assessment.score.provisional', { answered: pillar.answered, total: CRITERIA_PER_PILLAR })}
    </span>
  );
}

/** The four pillar scores as a compact table (the questionnaire's running total). */
export function ScoreTable({
  criteria,
  pillars,
  caption,
  pillarLink,
}: {
  criteria: CriteriaData;
  pillars: readonly PillarScore[] | undefined;
  caption: string;
  /** Where each pillar's questions are (its step of a stepped questionnaire). */
  pillarLink?: (pillar: number) => To;
}) {
  const { t } = useTranslation();
  const points = usePoints();
  return (
    <div className="table-wrap">
      <table className="table table--stack score-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessment.score.pillar')}</th>
            <th scope="col">{t('assessment.score.answered')}</th>
            <th scope="col">{t('assessment.score.score')}</th>
            <th scope="col">{t('assessment.score.tier')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.pillars.map((p) => {
            const score = pillars?.find((s) => s.pillar === p.number);
            return (
              <tr key={p.number}>
                <th scope="row" data-label={t('assessment.score.pillar')}>
                  {pillarLink ? (
                    <Link to={pillarLink(p.number)}>
                      {t('assessment.pillarNamed', { number: p.number, name: p.name })}
                    </Link>
                  ) : (
                    t('assessment.pillarNamed', { number: p.number, name: p.name })
                  )}
                </th>
                <td data-label={t('assessment.score.answered')}>
                  {t('assessment.score.answeredOf', {
                    answered: score?.answered ?? 0,
                    total: CRITERIA_PER_PILLAR,
                  })}
                </td>
                <td data-label={t('assessment.score.score')}>
                  {t('assessment.score.outOf', {
                    score: points(score?.score ?? 0),
                    max: points(score?.max ?? 30),
                  })}
                </td>
                <td data-label={t('assessment.score.tier')}>
                  <TierTag tier={score?.tier ?? null} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
