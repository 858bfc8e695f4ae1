import { NotificationBanner } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyContribution } from '../data';

/** Feedback already sent to this round, by receipt, before the participant starts another. */
export function EarlierSubmissions({ roundId, earlier }: { roundId: string; earlier: MyContribution[] }) {
  const { t } = useTranslation();
  return (
    <NotificationBanner>
      <p>
        {t('consultations.respond.alreadySent', { count: earlier.length })}{' '}
        {earlier.map((c, i) => (
          <span key={c.id}>
            {i > 0 && ', '}
            <Link
              className="mono"
              to={`/consultations/${roundId}/receipt/${encodeURIComponent(c.receiptReference ?? '')}`}
            >
              {c.receiptReference}
            </Link>
          </span>
        ))}
      </p>
      <p>{t('consultations.respond.sendMore')}</p>
    </NotificationBanner>
  );
}
