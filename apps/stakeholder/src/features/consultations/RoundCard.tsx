import { Tag } from '@musyawarah/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { timeLeft, useLocalized, useZonedFormat, type RoundSummary } from './data';

export function PhaseTag({ phase }: { phase: string }) {
  const { t } = useTranslation();
  const tone = phase === 'open' ? 'green' : phase === 'upcoming' ? 'blue' : 'grey';
  return <Tag tone={tone}>{t(`consultations.phase.${phase}`)}</Tag>;
}

export function TimeLeft({ closesAt }: { closesAt: string | Date }) {
  const { t } = useTranslation();
  const left = timeLeft(closesAt);
  if (!left) return <>{t('consultations.timeLeft.closed')}</>;
  return <>{t(`consultations.timeLeft.${left.unit}`, { count: left.count })}</>;
}

/** One round in a list: title (a link), phase, format, deadline with the reader's zone, and the Roadmap actions. */
export function RoundCard({
  round,
  headingLevel = 3,
  children,
}: {
  round: RoundSummary;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const format = useZonedFormat();
  const title = pick(round.title);
  const description = pick(round.description);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="round-card">
      <div className="round-card__meta">
        <PhaseTag phase={round.phase} />
        <span>{t(`consultations.format.${round.format}`)}</span>
      </div>
      <Heading className="round-card__title heading-m">
        <Link to={`/consultations/${round.id}`} lang={title.language}>
          {title.text}
        </Link>
      </Heading>
      <p className="round-card__description" lang={description.language}>
        {truncate(description.text, 240)}
      </p>
      <dl className="round-card__facts">
        {round.phase === 'upcoming' ? (
          <div>
            <dt>{t('consultations.card.opens')}</dt>
            <dd>{format(round.opensAt)}</dd>
          </div>
        ) : (
          <div>
            <dt>
              {round.phase === 'open' ? t('consultations.card.closes') : t('consultations.card.closed')}
            </dt>
            <dd>
              {format(round.closesAt)}
              {round.phase === 'open' && (
                <>
                  {' '}
                  <strong>
                    (<TimeLeft closesAt={round.closesAt} />)
                  </strong>
                </>
              )}
            </dd>
          </div>
        )}
        {round.actionIds.length > 0 && (
          <div>
            <dt>{t('consultations.card.actions')}</dt>
            <dd>{round.actionIds.join(', ')}</dd>
          </div>
        )}
        {round.phase !== 'upcoming' && (
          <div>
            <dt>{t('consultations.card.contributions')}</dt>
            <dd>{t('consultations.card.contributionCount', { count: round.contributionCount })}</dd>
          </div>
        )}
      </dl>
      {title.fallback && <p className="hint round-card__lang">{t('consultations.shownInEnglish')}</p>}
      {children}
    </li>
  );
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
