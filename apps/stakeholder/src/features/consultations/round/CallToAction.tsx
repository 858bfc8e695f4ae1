import { ButtonLink, InsetText } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../session';
import { inAudience, useZonedFormat, type RoundDetail } from '../data';

export function CallToAction({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useZonedFormat();
  const respond = `/consultations/${round.id}/respond`;
  if (round.phase === 'upcoming') {
    return (
      <InsetText>
        <p>{t('consultations.round.opensLater', { date: format(round.opensAt) })}</p>
      </InsetText>
    );
  }
  if (round.phase !== 'open') {
    return (
      <InsetText>
        <p>{t('consultations.round.closedOn', { date: format(round.closesAt) })}</p>
      </InsetText>
    );
  }
  const groups = round.invitedGroups.map((g) => t(`common.stakeholderGroups.${g}`)).join(', ');
  const audienceNote =
    round.audience === 'invited_groups'
      ? t('consultations.round.audienceInvited', { groups })
      : round.audience === 'board'
        ? t('consultations.round.audienceBoard')
        : null;
  if (me.data && !inAudience(round, me.data.stakeholderGroup)) {
    return (
      <InsetText>
        <p>{audienceNote}</p>
        <p>{t('consultations.round.notInAudience')}</p>
      </InsetText>
    );
  }
  return (
    <div className="call-to-action">
      {audienceNote && <p>{audienceNote}</p>}
      {me.data ? (
        <ButtonLink to={respond} size="start">
          {t('consultations.round.giveFeedback')}
        </ButtonLink>
      ) : (
        <>
          <ButtonLink to={`/sign-in?next=${encodeURIComponent(respond)}`} size="start">
            {t('consultations.round.giveFeedback')}
          </ButtonLink>
          <p className="hint">
            {t('consultations.round.signInNeeded')}{' '}
            <Link to="/register">{t('consultations.round.register')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
