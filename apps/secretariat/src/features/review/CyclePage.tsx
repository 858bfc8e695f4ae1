import { filledLanguages } from '@musyawarah/core/review/localized';
import { advanceDecision } from '@musyawarah/core/review/rules';
import type { CycleStage } from '@musyawarah/core/review/vocabulary';
import {
  Button,
  ButtonGroup,
  cx,
  DataTable,
  ErrorNotice,
  languageLabel,
  LinkButton,
  Loading,
  ModalDialog,
  Page,
  SummaryList,
  Tag,
  useFormat,
  useNotice,
  useNoticeBeside,
  useServerMessage,
  WarningText,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import '@musyawarah/ui/review.css';
import { CycleSections, StageTag, downloadText } from './shared';
import { Follow } from '../notifications/Follow';
import { ClosedNotice, CloseCycle } from './CloseCycle';
import { CycleReportSection } from './CycleReportSection';

export type Cycle = Outputs['review']['adminCycle'];

/** One cycle as the Secretariat sees it (stage, phases with timeliness, adoption check). */
export function useCycle(cycleId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.review.adminCycle.queryOptions({ cycleId }));
}

/** `/review/cycles/:cycleId`: the timeline, planned against actual, with the way to the next phase. */
export function CyclePage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const notice = useNotice();
  const cycle = useCycle(cycleId);
  return (
    <Page
      title={cycle.data?.title.en ?? t('reviews.cycle.loading')}
      caption={t('reviews.cycle.caption')}
      width="full"
      backLink={{ to: '/review', label: t('reviews.home.title') }}
    >
      <CycleSections cycleId={cycleId} />
      {cycle.isPending ? (
        <Loading />
      ) : cycle.isError ? (
        <ErrorNotice error={cycle.error} onRetry={() => void cycle.refetch()} />
      ) : (
        <Timeline cycle={cycle.data} onDone={notice.success} />
      )}
    </Page>
  );
}

function Timeline({ cycle, onDone }: { cycle: Cycle; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  // The export is at the foot of a long page: its failure is said beside its button (under the h2 above it).
  const exportNotice = useNoticeBeside({ headingLevel: 3 });
  const report = { phases: cycle.phases, overall: cycle.timeliness };
  const stage = cycle.stage;
  const day = (value: string | null) =>
    value ? format.date(`${value}T00:00:00Z`) : t('reviews.timeline.notYet');
  const statusTone = { not_started: 'grey', ongoing: 'blue', on_time: 'green', late: 'red' } as const;

  const exportCsv = async () => {
    exportNotice.clear();
    try {
      const file = await queryClient.fetchQuery(
        trpc.review.timelinessReport.queryOptions({ format: 'csv', cycleId: cycle.id }),
      );
      downloadText(file.filename, file.body, `${file.contentType};charset=utf-8`);
    } catch (error) {
      exportNotice.error(serverMessage(error));
    }
  };

  return (
    <>
      <p className="review-stage">
        <StageTag stage={stage} /> <span>{t(`reviews.stageHint.${stage}`)}</span>
      </p>
      <Follow subjectType="review_cycle" subjectId={cycle.id} name={cycle.title.en} />
      <ClosedNotice cycle={cycle} />
      <Advance cycle={cycle} onDone={onDone} />
      <CloseCycle cycle={cycle} onDone={onDone} />
      <SummaryList
        rows={[
          {
            key: 'edition',
            label: t('reviews.cycle.baseEdition'),
            value: t('reviews.home.editionNumber', { number: cycle.baseEditionNumber }),
          },
          {
            key: 'framework',
            label: t('reviews.cycle.framework'),
            value: t('reviews.cycle.frameworkVersion', { version: cycle.frameworkVersion }),
          },
          {
            key: 'audience',
            label: t('reviews.newCycle.audience'),
            value: t(`reviews.audience.${cycle.audience}`),
          },
          {
            key: 'publication',
            label: t('reviews.newCycle.publicationDate'),
            value: day(cycle.publicationDate),
          },
          {
            key: 'languages',
            label: t('reviews.cycle.textLanguages'),
            value: filledLanguages(cycle.title, cycle.description)
              .map((code) => languageLabel(code))
              .join(', '),
          },
        ]}
      />
      {cycle.description && <p className="prose review-pre">{cycle.description.en}</p>}
      {stage !== 'adopted' && (
        <p>
          <Link to={`/review/cycles/${cycle.id}/plan`}>{t('reviews.cycle.changePlan')}</Link>
        </p>
      )}
      {stage !== 'closed' && <CycleReportSection cycle={cycle} />}

      <h2 className="heading-l" id="timeline-heading">
        {t('reviews.timeline.heading')}
      </h2>
      <ol className="review-timeline" aria-labelledby="timeline-heading">
        {report.phases.map((p) => {
          const current = p.phase === stage;
          const done = !!p.actualEnd;
          return (
            <li
              key={p.phase}
              className={cx(
                'review-timeline__phase',
                done && 'review-timeline__phase--done',
                current && 'review-timeline__phase--current',
              )}
              aria-current={current ? 'step' : undefined}
            >
              <h3 className="heading-s review-timeline__title">
                {t(`reviews.stage.${p.phase}`)}
                <Tag tone={statusTone[p.status]}>{t(`reviews.timeliness.status.${p.status}`)}</Tag>
              </h3>
              <dl className="review-timeline__dates">
                <dt>{t('reviews.timeline.planned')}</dt>
                <dd>{t('reviews.timeline.range', { start: day(p.plannedStart), end: day(p.plannedEnd) })}</dd>
                <dt>{t('reviews.timeline.actual')}</dt>
                <dd>
                  {!p.actualStart
                    ? t('reviews.timeline.notYet')
                    : p.actualEnd
                      ? t('reviews.timeline.range', { start: day(p.actualStart), end: day(p.actualEnd) })
                      : t('worksurface.timeline.runningSince', { start: day(p.actualStart) })}
                </dd>
                {(p.daysLate > 0 || p.startDaysLate > 0) && (
                  <>
                    <dt>{t('reviews.timeline.delay')}</dt>
                    <dd>
                      {[
                        p.startDaysLate > 0
                          ? t('reviews.timeliness.startedLate', { count: p.startDaysLate })
                          : null,
                        p.daysLate > 0
                          ? t(
                              p.actualEnd ? 'worksurface.timeline.endedLate' : 'worksurface.timeline.overdue',
                              {
                                count: p.daysLate,
                              },
                            )
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </dd>
                  </>
                )}
              </dl>
            </li>
          );
        })}
      </ol>

      <h2 className="heading-l">{t('reviews.timeliness.heading')}</h2>
      <p className="prose">{t('reviews.timeliness.intro')}</p>
      <DataTable
        caption={t('reviews.timeliness.heading')}
        captionHidden
        rows={[
          ...report.phases.map((p) => ({ key: p.phase, label: t(`reviews.stage.${p.phase}`), ...p })),
          { key: 'overall', label: t('reviews.timeliness.overall'), ...report.overall, startDaysLate: 0 },
        ]}
        rowKey={(r) => r.key}
        columns={[
          {
            key: 'phase',
            header: t('reviews.timeliness.columns.phase'),
            rowHeader: true,
            cell: (r) => r.label,
          },
          {
            key: 'planned',
            header: t('reviews.timeliness.columns.plannedEnd'),
            cell: (r) => day(r.plannedEnd),
          },
          { key: 'actual', header: t('reviews.timeliness.columns.actualEnd'), cell: (r) => day(r.actualEnd) },
          {
            key: 'status',
            header: t('reviews.timeliness.columns.status'),
            cell: (r) => <Tag tone={statusTone[r.status]}>{t(`reviews.timeliness.status.${r.status}`)}</Tag>,
          },
          {
            key: 'late',
            header: t('reviews.timeliness.columns.daysLate'),
            className: 'numeric',
            cell: (r) => r.daysLate,
          },
        ]}
      />
      <p>
        {t('reviews.timeliness.summary', { count: report.overall.phasesLate, days: report.overall.daysLate })}
      </p>
      <Button variant="secondary" onClick={() => void exportCsv()}>
        {t('reviews.timeliness.export')}
      </Button>
      {exportNotice.region}
    </>
  );
}

function Advance({ cycle, onDone }: { cycle: Cycle; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [confirming, setConfirming] = useState(false);
  // Said with the page's notice, like its success: the button may be gone once the cycle is reloaded.
  const notice = useNotice();
  const decision = advanceDecision(cycle.stage);
  const advance = useMutation(
    trpc.review.advancePhase.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
        onDone(
          decision.ok ? t('reviews.advance.done', { phase: t(`reviews.stage.${decision.starts}`) }) : '',
        );
      },
      onError: (error) => {
        setConfirming(false);
        notice.error(serverMessage(error));
        void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      },
    }),
  );
  if (!decision.ok) return null;
  // The API refuses to move into adoption while adopting would fail; say why instead of offering the button.
  if (decision.starts === 'adoption' && !cycle.readiness.ok)
    return (
      <>
        <WarningText>{t('reviews.advance.notReady')}</WarningText>
        <p>
          <Link to={`/review/cycles/${cycle.id}/adoption`}>{t('reviews.advance.notReadyLink')}</Link>
        </p>
      </>
    );
  const next = t(`reviews.stage.${decision.starts}`);
  const action = t(`reviews.advance.start.${decision.starts}`);
  return (
    <>
      <ButtonGroup>
        <Button
          onClick={() => {
            notice.clear();
            setConfirming(true);
          }}
        >
          {action}
        </Button>
      </ButtonGroup>
      <ModalDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('reviews.advance.confirmTitle', { action })}
      >
        <p>
          {decision.ends
            ? t('reviews.advance.confirmBody', { current: t(`reviews.stage.${decision.ends}`), next })
            : t('reviews.advance.confirmStart', { next })}
        </p>
        <ButtonGroup>
          <Button
            isBusy={advance.isPending}
            onClick={() =>
              advance.mutate({
                cycleId: cycle.id,
                expectedStage: cycle.stage as Exclude<CycleStage, 'adopted' | 'closed'>,
              })
            }
          >
            {action}
          </Button>
          <LinkButton onClick={() => setConfirming(false)}>{t('reviews.common.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
