import {
  ButtonLink,
  ErrorNotice,
  languageAutonym,
  Loading,
  NoticeRegion,
  NotificationBanner,
  Page,
  SummaryList,
  useFormat,
  useNotice,
  useUrlTab,
} from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../trpc';
import './consultations.css';
import '../status-actions.css';
import { ModerationQueue } from './Moderation';
import { OnBehalfForm } from './OnBehalfForm';
import { Follow } from '../notifications/Follow';
import { DocumentsSection } from './Documents';
import { ParticipationMap, ReachSection } from './Participation';
import { RegistrationsSection } from './Registrations';
import { ReportSection } from './ReportSection';
import { english, PhaseTag, type RoundDetail } from './shared';
import { SummaryEditor } from './SummaryEditor';
import { Transitions } from './Transitions';

const TABS = [
  'overview',
  'documents',
  'summary',
  'participation',
  'moderation',
  'registrations',
  'on-behalf',
] as const;

export function RoundPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const trpc = useTRPC();
  const notice = useNotice();
  const round = useQuery(trpc.rounds.adminGet.queryOptions({ roundId }));
  const title = round.data ? english(round.data.title) : t('consultations.round.loading');
  return (
    <Page
      title={title}
      caption={t('consultations.round.caption')}
      width="full"
      backLink={{ to: '/consultations', label: t('consultations.list.title') }}
    >
      {round.isPending ? (
        <Loading />
      ) : round.isError ? (
        <ErrorNotice error={round.error} onRetry={() => void round.refetch()} />
      ) : (
        <RoundBody round={round.data} onDone={notice.success} />
      )}
    </Page>
  );
}

function RoundBody({ round, onDone }: { round: RoundDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const participation = useQuery(trpc.rounds.participation.queryOptions({ roundId: round.id }));
  // The moderation tab's filter stays with it.
  const [tab, select] = useUrlTab(TABS, { keep: (chosen) => (chosen === 'moderation' ? ['show'] : []) });
  const short =
    participation.data?.phase === 'open' ? participation.data.gaps.filter((g) => g.shortfall > 0).length : 0;

  return (
    <>
      <p className="consult-phase">
        <PhaseTag phase={round.phase} /> <span>{t(`consultations.phaseHint.${round.phase}`)}</span>
      </p>
      {round.phase !== 'draft' && (
        <Follow subjectType="round" subjectId={round.id} name={english(round.title)} />
      )}
      {short > 0 && tab !== 'participation' && (
        <NotificationBanner heading={t('consultations.participation.underTitle', { count: short })}>
          <p>
            <Link to="?tab=participation">{t('consultations.participation.seeMap')}</Link>
          </p>
        </NotificationBanner>
      )}
      <Tabs selectedKey={tab} onSelectionChange={select} className="consult-tabs">
        <TabList aria-label={t('consultations.round.sections')} className="consult-tabs__list">
          {TABS.filter((key) => key !== 'registrations' || round.event).map((key) => (
            <Tab key={key} id={key} className="consult-tabs__tab">
              {t(`consultations.round.tabs.${key}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="overview" className="consult-tabs__panel">
          <h2 className="heading-l">{t('consultations.round.tabs.overview')}</h2>
          <Overview round={round} />
        </TabPanel>
        <TabPanel id="summary" className="consult-tabs__panel">
          <h2 className="heading-l">{t('consultations.summary.heading')}</h2>
          {participation.isPending ? (
            <Loading />
          ) : (
            <SummaryEditor
              key={round.version}
              round={round}
              participation={participation.data}
              onDone={onDone}
            />
          )}
          <h3 className="heading-m">{t('consultations.report.heading')}</h3>
          <ReportSection round={round} />
        </TabPanel>
        <TabPanel id="participation" className="consult-tabs__panel">
          <h2 className="heading-l">{t('consultations.participation.heading')}</h2>
          {participation.isPending ? (
            <Loading />
          ) : participation.isError ? (
            <ErrorNotice error={participation.error} onRetry={() => void participation.refetch()} />
          ) : (
            <ParticipationMap data={participation.data} />
          )}
          <ReachSection roundId={round.id} />
        </TabPanel>
        <TabPanel id="documents" className="consult-tabs__panel">
          <h2 className="heading-l">{t('consultations.documents.heading')}</h2>
          <DocumentsSection round={round} />
        </TabPanel>
        <TabPanel id="moderation" className="consult-tabs__panel">
          <h2 className="heading-l">{t('consultations.moderation.heading')}</h2>
          <ModerationQueue round={round} />
        </TabPanel>
        {round.event && (
          <TabPanel id="registrations" className="consult-tabs__panel">
            <h2 className="heading-l">{t('consultations.registrations.heading')}</h2>
            <RegistrationsSection round={round} />
          </TabPanel>
        )}
        <TabPanel id="on-behalf" className="consult-tabs__panel">
          <h2 className="heading-l">{t('consultations.onBehalf.heading')}</h2>
          <OnBehalfForm round={round} />
        </TabPanel>
      </Tabs>
      {/* Status changes (closing early, unpublishing) sit below the work, not above it, each behind a confirmation. */}
      <section aria-labelledby="round-status" className="status-actions">
        <h2 className="heading-m" id="round-status">
          {t('worksurface.status.heading')}
        </h2>
        <NoticeRegion>
          <Transitions round={round} />
        </NoticeRegion>
      </section>
    </>
  );
}

function Overview({ round }: { round: RoundDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const utc = (v: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(v));
  const event = round.event as {
    mode?: string;
    venue?: string;
    link?: string;
    startsAt?: string;
    timezone?: string;
  } | null;
  const editable = round.phase !== 'summary_published';
  return (
    <>
      <SummaryList
        rows={[
          {
            key: 'format',
            label: t('consultations.editor.format'),
            value: t(`consultations.format.${round.format}`),
          },
          {
            key: 'opens',
            label: t('consultations.editor.opensAt'),
            value: (
              <>
                {format.dateTime(round.opensAt)}{' '}
                <span className="text-secondary">
                  ({t('consultations.time.utc', { time: utc(round.opensAt) })})
                </span>
              </>
            ),
          },
          {
            key: 'closes',
            label: t('consultations.editor.closesAt'),
            value: (
              <>
                {format.dateTime(round.closesAt)}{' '}
                <span className="text-secondary">
                  ({t('consultations.time.utc', { time: utc(round.closesAt) })})
                </span>
              </>
            ),
          },
          {
            key: 'audience',
            label: t('consultations.editor.audience'),
            value:
              round.audience === 'invited_groups'
                ? `${t('consultations.audience.invited_groups')}: ${round.invitedGroups.map((g) => t(`common.stakeholderGroups.${g}`)).join(', ')}`
                : t(`consultations.audience.${round.audience}`),
          },
          {
            key: 'states',
            label: t('consultations.editor.memberStates'),
            value: round.memberStates.length
              ? round.memberStates.map((s) => t(`common.memberStates.${s}`)).join(', ')
              : t('consultations.round.allStates'),
          },
          {
            key: 'languages',
            label: t('consultations.editor.languages'),
            value: round.languages.map(languageAutonym).join(', '),
          },
          {
            key: 'actions',
            label: t('consultations.editor.actions'),
            value: round.actionIds.length ? round.actionIds.join(', ') : t('consultations.round.noActions'),
          },
          {
            key: 'event',
            label: t('consultations.editor.event'),
            value: event
              ? [
                  t(`consultations.eventMode.${event.mode}`),
                  event.venue,
                  event.link,
                  event.startsAt ? format.dateTime(event.startsAt) : null,
                  event.timezone,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : t('consultations.round.noEvent'),
          },
          {
            key: 'questions',
            label: t('consultations.round.questions'),
            value: t('consultations.round.questionCount', { count: round.questions.length }),
          },
          {
            key: 'contributions',
            label: t('consultations.list.columns.contributions'),
            value: round.hiddenCount
              ? t('consultations.round.contributionsWithHidden', {
                  count: round.contributionCount,
                  hidden: round.hiddenCount,
                })
              : String(round.contributionCount),
          },
        ]}
      />
      {editable && (
        <div className="button-group">
          <ButtonLink variant="secondary" to={`/consultations/${round.id}/edit`}>
            {t('consultations.round.edit')}
          </ButtonLink>
          <ButtonLink variant="secondary" to={`/consultations/${round.id}/questions`}>
            {t('consultations.round.editQuestions')}
          </ButtonLink>
        </div>
      )}
      <p>
        <ButtonLink variant="secondary" to={`/consultations/${round.id}/themes`}>
          {t('insight.page.link')}
        </ButtonLink>
      </p>
      <h3 className="heading-m">{t('consultations.round.descriptionHeading')}</h3>
      <p className="prose consult-pre">{english(round.description)}</p>
    </>
  );
}
