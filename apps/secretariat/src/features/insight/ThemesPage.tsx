// The secretariat's theme screen for one round: run the analysis, read the suggestions per language, and decide.
import {
  Button,
  ErrorNotice,
  InsetText,
  Loading,
  NoticeRegion,
  NotificationBanner,
  Page,
  errorKey,
  languageLabel,
  useMessage,
  useNotice,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import { english } from '../consultations/shared';
import { MergeBar, SuggestionCard } from './SuggestionCard';
import './insight.css';

export type Analysis = Outputs['insight']['analysis'];
export type Suggestion = Analysis['suggestions'][number];

export function ThemesPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const round = useQuery(trpc.rounds.adminGet.queryOptions({ roundId }));
  const analysis = useQuery({
    ...trpc.insight.analysis.queryOptions({ roundId }),
    // Progress is polled only while a run is queued or running.
    refetchInterval: (query) => {
      const status = query.state.data?.run?.status;
      return status === 'queued' || status === 'running' ? 1000 : false;
    },
  });
  const done = useNotice().success;
  return (
    <Page
      title={t('insight.page.title')}
      caption={round.data ? english(round.data.title) : undefined}
      width="full"
      backLink={{ to: `/consultations/${roundId}`, label: t('insight.page.back') }}
    >
      <NoticeRegion />
      <InsetText>
        <p>{t('insight.page.method')}</p>
      </InsetText>
      {analysis.isPending ? (
        <Loading />
      ) : analysis.isError ? (
        <ErrorNotice error={analysis.error} onRetry={() => void analysis.refetch()} />
      ) : (
        <AnalysisBody roundId={roundId} analysis={analysis.data} onDone={done} />
      )}
    </Page>
  );
}

function RunPanel({ roundId, run }: { roundId: string; run: Analysis['run'] }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = useMutation(
    trpc.insight.runAnalysis.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.insight.analysis.queryKey({ roundId }) }),
    }),
  );
  const busy = run?.status === 'queued' || run?.status === 'running';
  return (
    <section aria-labelledby="insight-run" className="insight-run">
      <h2 id="insight-run" className="heading-m">
        {t('insight.run.heading')}
      </h2>
      {busy ? (
        <div>
          <label htmlFor="insight-progress">{t(`insight.run.status.${run.status}`)}</label>
          <progress id="insight-progress" max={100} value={run.progress}>
            {t('insight.run.percent', { value: run.progress })}
          </progress>
          <p className="hint" aria-live="polite">
            {t('insight.run.percent', { value: run.progress })}
          </p>
        </div>
      ) : (
        <>
          {run?.status === 'done' && (
            <p>
              {t('insight.run.summary', {
                count: run.contributionCount,
                languages: run.languages.map((l) => languageLabel(l)).join(', '),
              })}
            </p>
          )}
          {run?.status === 'failed' && (
            <NotificationBanner tone="important">
              <p>{t('insight.run.failed')}</p>
            </NotificationBanner>
          )}
          {start.isError && (
            <p className="field-error" role="alert">
              {tm(errorKey(start.error) ?? 'errors.internal')}
            </p>
          )}
          <Button isBusy={start.isPending} onClick={() => start.mutate({ roundId })}>
            {run ? t('insight.run.again') : t('insight.run.start')}
          </Button>
        </>
      )}
    </section>
  );
}

function AnalysisBody({
  roundId,
  analysis,
  onDone,
}: {
  roundId: string;
  analysis: Analysis;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>([]);
  const open = analysis.suggestions.filter((s) => s.status === 'open');
  const decided = analysis.suggestions.filter((s) => s.status === 'accepted' || s.status === 'rejected');
  const crossLanguage = open.filter((s) => s.languages.length > 1);
  const languages = [
    ...new Set(open.filter((s) => s.languages.length === 1).map((s) => s.languages[0] ?? '')),
  ];
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => (on ? [...prev, id] : prev.filter((x) => x !== id)));
  const card = (s: Suggestion) => (
    <SuggestionCard
      key={s.id}
      roundId={roundId}
      suggestion={s}
      selected={selected.includes(s.id)}
      onSelect={(on) => toggle(s.id, on)}
      onDone={onDone}
    />
  );
  return (
    <>
      <RunPanel roundId={roundId} run={analysis.run} />
      {analysis.run?.status === 'done' && (
        <>
          <MergeBar
            roundId={roundId}
            selected={selected}
            onDone={(text) => {
              setSelected([]);
              onDone(text);
            }}
          />
          {crossLanguage.length > 0 && (
            <section aria-labelledby="insight-lang-merged">
              <h2 id="insight-lang-merged" className="heading-m">
                {t('insight.groups.merged')}
              </h2>
              <ul className="insight-list">{crossLanguage.map(card)}</ul>
            </section>
          )}
          {languages.map((language) => (
            <section key={language} aria-labelledby={`insight-lang-${language}`}>
              <h2 id={`insight-lang-${language}`} className="heading-m">
                {t('insight.groups.language', { language: languageLabel(language) })}
              </h2>
              <ul className="insight-list">
                {open.filter((s) => s.languages.length === 1 && s.languages[0] === language).map(card)}
              </ul>
            </section>
          ))}
          {open.length === 0 && <p>{t('insight.groups.noneOpen')}</p>}
          {decided.length > 0 && (
            <section aria-labelledby="insight-decided">
              <h2 id="insight-decided" className="heading-m">
                {t('insight.groups.decided')}
              </h2>
              <ul className="insight-list">{decided.map(card)}</ul>
            </section>
          )}
        </>
      )}
      {analysis.themes.length > 0 && (
        <section aria-labelledby="insight-themes">
          <h2 id="insight-themes" className="heading-m">
            {t('insight.themes.heading')}
          </h2>
          <ul>
            {analysis.themes.map((theme) => (
              <li key={theme.id}>{theme.label}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
