import { SummaryList, languageLabel } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useZonedFormat, type RoundDetail } from '../data';
import { PhaseTag, TimeLeft } from '../RoundCard';

/** The round at a glance: phase, dates, format, actions, languages and Member States. */
export function RoundFacts({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const format = useZonedFormat();
  const rows = [
    { key: 'phase', label: t('consultations.round.phase'), value: <PhaseTag phase={round.phase} /> },
    { key: 'opens', label: t('consultations.round.opens'), value: format(round.opensAt) },
    {
      key: 'closes',
      label:
        round.phase === 'open' || round.phase === 'upcoming'
          ? t('consultations.round.closes')
          : t('consultations.card.closed'),
      value: (
        <>
          {format(round.closesAt)}
          {round.phase === 'open' && (
            <>
              <br />
              <strong>
                <TimeLeft closesAt={round.closesAt} />
              </strong>
            </>
          )}
        </>
      ),
    },
    {
      key: 'format',
      label: t('consultations.round.format'),
      value: t(`consultations.format.${round.format}`),
    },
    {
      key: 'actions',
      label: t('consultations.round.actions'),
      value:
        round.actionIds.length === 0 ? (
          t('consultations.round.noActions')
        ) : (
          <ul className="list-inline">
            {round.actionIds.map((actionId) => (
              <li key={actionId}>
                <Link to={`/actions/${actionId}`}>{actionId}</Link>
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'languages',
      label: t('consultations.round.languages'),
      value: round.languages.map((code) => languageLabel(code)).join(', '),
    },
    {
      key: 'states',
      label: t('consultations.round.memberStates'),
      value:
        round.memberStates.length === 0
          ? t('consultations.round.allStates')
          : round.memberStates.map((code) => t(`common.memberStates.${code}`)).join(', '),
    },
  ];
  return <SummaryList rows={rows} />;
}
