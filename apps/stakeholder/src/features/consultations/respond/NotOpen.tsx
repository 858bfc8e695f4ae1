import { Page } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized, useZonedFormat, type RoundDetail } from '../data';

export function NotOpen({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const format = useZonedFormat();
  const upcoming = round.phase === 'upcoming';
  const open = round.phase === 'open';
  const title = open
    ? t('consultations.respond.notInvitedTitle')
    : upcoming
      ? t('consultations.respond.notOpenTitle')
      : t('consultations.respond.closedTitle');
  return (
    <Page title={title} caption={pick(round.title).text}>
      <p>
        {open
          ? t('consultations.round.notInAudience')
          : upcoming
            ? t('consultations.round.opensLater', { date: format(round.opensAt) })
            : t('consultations.round.closedOn', { date: format(round.closesAt) })}
      </p>
      <p>
        <Link to={`/consultations/${round.id}`}>{t('consultations.respond.backToRound')}</Link>
      </p>
      <p>
        <Link to="/my-contributions">{t('consultations.receipt.myContributions')}</Link>
      </p>
    </Page>
  );
}
