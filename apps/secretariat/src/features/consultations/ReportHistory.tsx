import { Details, useFormat } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../trpc';

type Report = Outputs['contributions']['moderationQueue'][number]['reports'][number];

/**
 * Every report of a contribution, open or resolved, with why a dismissed one was dismissed and by whom, so a second
 * moderator does not judge the same report again without knowing the first one's reasons. Who reported is never shown.
 */
export function ReportHistory({ reports }: { reports: readonly Report[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (reports.length === 0) return null;
  return (
    <Details summary={t('worksurface.moderation.reports.summary', { count: reports.length })}>
      <ol className="list-plain consult-reports">
        {reports.map((report) => (
          <li key={report.id}>
            <p>
              <strong>{t(`consultations.reason.${report.reason}`, { defaultValue: report.reason })}</strong>
              <span className="text-secondary">
                {' '}
                · {t('worksurface.moderation.reports.reportedAt', { at: format.dateTime(report.reportedAt) })}
              </span>
            </p>
            {report.note && <p className="text-secondary">“{report.note}”</p>}
            <p>
              {report.resolution === 'open' && t('worksurface.moderation.reports.open')}
              {report.resolution === 'hidden' &&
                report.resolvedAt &&
                t('worksurface.moderation.reports.hidden', { at: format.dateTime(report.resolvedAt) })}
              {report.resolution === 'dismissed' &&
                report.resolvedAt &&
                t('worksurface.moderation.reports.dismissed', {
                  at: format.dateTime(report.resolvedAt),
                  name: report.resolvedByName ?? t('worksurface.moderation.reports.formerMember'),
                  note: report.resolutionNote,
                })}
            </p>
          </li>
        ))}
      </ol>
    </Details>
  );
}
