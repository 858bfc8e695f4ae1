import { Tag } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { pillarName, type Overview } from './data';

/** Kind, pillar and tier of an action area as tags. */
export function ActionTags({
  overview,
  kind,
  pillar,
  tier,
}: {
  overview: Overview | undefined;
  kind: string;
  pillar: number;
  tier: string | null;
}) {
  const { t } = useTranslation();
  const name = pillarName(overview, kind, pillar);
  return (
    <ul className="action-tags" aria-label={t('catalogue.tagsLabel')}>
      <li>
        <Tag tone={kind === 'targeted' ? 'green' : undefined}>{t(`catalogue.kind.${kind}`)}</Tag>
      </li>
      <li>
        <Tag tone="grey">
          {name
            ? t('catalogue.pillarNamed', { number: pillar, name })
            : t('catalogue.pillarNumber', { number: pillar })}
        </Tag>
      </li>
      {tier && (
        <li>
          <Tag tone="yellow">{t(`catalogue.tier.${tier}`)}</Tag>
        </li>
      )}
    </ul>
  );
}
