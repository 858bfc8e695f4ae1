import { ButtonLink, ErrorNotice, Loading, NoticeRegion, Page, SummaryList, useUrlTab } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import '../consultations/consultations.css';
import './boards.css';
import '../status-actions.css';
import { Follow } from '../notifications/Follow';
import { BoardTransitions } from './BoardTransitions';
import { Measures } from './Measures';
import { Monitor, UnmetBanner } from './Monitor';
import { Nominations } from './Nominations';
import { Seats } from './Seats';
import { Sessions } from './Sessions';
import { BoardStatusTag, english, useDateText } from './shared';
import { Training } from './Training';

export type BoardDetail = Outputs['boards']['adminGet'];

const TABS = [
  'overview',
  'seats',
  'representation',
  'nominations',
  'sessions',
  'training',
  'measures',
] as const;

export function BoardPage() {
  const { t } = useTranslation();
  const { boardId = '' } = useParams();
  const trpc = useTRPC();
  const board = useQuery(trpc.boards.adminGet.queryOptions({ boardId }));
  const title = board.data ? english(board.data.name) : t('boards.board.loading');
  return (
    <Page
      title={title}
      caption={t('boards.board.caption')}
      width="full"
      backLink={{ to: '/boards', label: t('boards.list.title') }}
    >
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorNotice error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <BoardBody board={board.data} />
      )}
    </Page>
  );
}

function BoardBody({ board }: { board: BoardDetail }) {
  const { t } = useTranslation();
  const [tab, select] = useUrlTab(TABS);
  return (
    <>
      <p className="board-status">
        <BoardStatusTag status={board.status} /> <span>{t(`boards.statusHint.${board.status}`)}</span>
      </p>
      {board.published && <Follow subjectType="board" subjectId={board.id} name={english(board.name)} />}
      {tab !== 'representation' && <UnmetBanner boardId={board.id} />}
      <Tabs selectedKey={tab} onSelectionChange={select} className="consult-tabs">
        <TabList aria-label={t('boards.board.sections')} className="consult-tabs__list">
          {TABS.map((key) => (
            <Tab key={key} id={key} className="consult-tabs__tab">
              {t(`boards.board.tabs.${key}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="overview" className="consult-tabs__panel">
          <h2 className="heading-l">{t('boards.board.tabs.overview')}</h2>
          <Overview board={board} />
        </TabPanel>
        <TabPanel id="seats" className="consult-tabs__panel">
          <h2 className="heading-l">{t('boards.seats.heading')}</h2>
          <Seats board={board} />
        </TabPanel>
        <TabPanel id="representation" className="consult-tabs__panel">
          <h2 className="heading-l">{t('boards.monitor.heading')}</h2>
          <Monitor boardId={board.id} />
        </TabPanel>
        <TabPanel id="nominations" className="consult-tabs__panel">
          <h2 className="heading-l">{t('boards.nominations.heading')}</h2>
          <Nominations board={board} />
        </TabPanel>
        <TabPanel id="sessions" className="consult-tabs__panel">
          <h2 className="heading-l">{t('boards.sessions.heading')}</h2>
          <Sessions board={board} />
        </TabPanel>
        <TabPanel id="training" className="consult-tabs__panel">
          <h2 className="heading-l">{t('boards.training.heading')}</h2>
          <Training board={board} />
        </TabPanel>
        <TabPanel id="measures" className="consult-tabs__panel">
          <h2 className="heading-l">{t('boards.measures.heading')}</h2>
          <Measures boardId={board.id} />
        </TabPanel>
      </Tabs>
      {/* Dissolving ends every seat: it sits below the work, not above it, behind a confirmation. */}
      <section aria-labelledby="board-status" className="status-actions">
        <h2 className="heading-m" id="board-status">
          {t('worksurface.status.heading')}
        </h2>
        <NoticeRegion>
          <BoardTransitions board={board} />
        </NoticeRegion>
      </section>
    </>
  );
}

function Overview({ board }: { board: BoardDetail }) {
  const { t } = useTranslation();
  const dateText = useDateText();
  return (
    <>
      <SummaryList
        rows={[
          {
            key: 'scope',
            label: t('boards.editor.scope'),
            value:
              board.scope === 'member_state' && board.memberState
                ? `${t('boards.scope.member_state')}: ${t(`common.memberStates.${board.memberState}`)}`
                : t('boards.scope.regional'),
          },
          {
            key: 'life',
            label: t('boards.board.life'),
            value: board.lifeEndsOn
              ? t('boards.board.lifeFromTo', {
                  from: dateText(board.lifeStartsOn),
                  to: dateText(board.lifeEndsOn),
                })
              : t('boards.board.lifeFrom', { from: dateText(board.lifeStartsOn) }),
          },
          {
            key: 'seats',
            label: t('boards.editor.seatCapacity'),
            value: t('boards.list.seatsOf', { filled: board.activeSeats, capacity: board.seatCapacity }),
          },
          {
            key: 'actions',
            label: t('boards.board.actions'),
            value: board.actionIds.length ? board.actionIds.join(', ') : t('boards.board.noActions'),
          },
          {
            key: 'published',
            label: t('boards.board.publicPage'),
            value: board.published ? t('boards.board.publicYes') : t('boards.board.publicNo'),
          },
          {
            key: 'criteria',
            label: t('boards.editor.criteriaHeading'),
            value: board.selectionCriteria.length ? (
              <ul className="list-plain">
                {board.selectionCriteria.map((c) => (
                  <li key={c.key}>
                    {t('boards.board.criterion', { label: english(c.label), weight: c.weight })}
                  </li>
                ))}
              </ul>
            ) : (
              t('boards.board.noCriteria')
            ),
          },
        ]}
      />
      {board.status !== 'dissolved' && (
        <div className="button-group">
          <ButtonLink variant="secondary" to={`/boards/${board.id}/edit`}>
            {t('boards.board.edit')}
          </ButtonLink>
        </div>
      )}
      <h3 className="heading-m">{t('boards.editor.mandate')}</h3>
      <p className="prose board-pre">{english(board.mandate)}</p>
      <p>
        <Link to="?tab=representation">{t('boards.board.seeMonitor')}</Link>
      </p>
    </>
  );
}
