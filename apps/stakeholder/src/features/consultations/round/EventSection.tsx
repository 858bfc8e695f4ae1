import { SummaryList } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { readerTimeZone, useZonedFormat, type RoundDetail, type RoundEvent } from '../data';
import { Registration } from './Registration';

export function EventSection({ round, event }: { round: RoundDetail; event: RoundEvent }) {
  const { t } = useTranslation();
  const format = useZonedFormat();
  const offered = event.accommodationsOffered ?? [];
  const here = readerTimeZone();
  const rows = [
    {
      key: 'mode',
      label: t('consultations.event.mode'),
      value: t(`consultations.event.modes.${event.mode}`),
    },
    {
      key: 'when',
      label: t('consultations.event.when'),
      value: (
        <>
          {format(event.startsAt, event.timezone)} – {format(event.endsAt, event.timezone, 'time')}
          {event.timezone !== here && (
            <>
              <br />
              <span className="hint">
                {t('consultations.event.yourTime', {
                  start: format(event.startsAt, here),
                  end: format(event.endsAt, here, 'time'),
                })}
              </span>
            </>
          )}
        </>
      ),
    },
    ...(event.venue ? [{ key: 'venue', label: t('consultations.event.venue'), value: event.venue }] : []),
    ...(event.link
      ? [
          {
            key: 'link',
            label: t('consultations.event.link'),
            value: (
              <a href={event.link} rel="noopener noreferrer" target="_blank">
                {event.link}
                <span className="visually-hidden"> {t('consultations.event.newTab')}</span>
              </a>
            ),
          },
        ]
      : []),
    {
      key: 'accommodations',
      label: t('consultations.event.offered'),
      value:
        offered.length === 0 ? (
          t('consultations.event.noneOffered')
        ) : (
          <ul className="list-bullet">
            {offered.map((a) => (
              <li key={a}>{t(`consultations.accommodations.${a}`)}</li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <section aria-labelledby="event" className="two-thirds">
      <h2 className="heading-l" id="event">
        {t('consultations.event.title')}
      </h2>
      <SummaryList rows={rows} />
      <Registration round={round} offered={offered} />
    </section>
  );
}
