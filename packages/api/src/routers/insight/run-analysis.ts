// The theme analysis as a background job. Until the durable job queue lands, `scheduleThemeAnalysis` runs it in this
// process after the request's transaction has committed; the queue will call `runThemeAnalysis(db, runId)` instead.
import { suggestThemesForLanguage, groupByLanguage } from '@musyawarah/core/insight';
import {
  claimAnalysisRun,
  finishAnalysisRun,
  insertSuggestions,
  listTextsForAnalysis,
  setAnalysisProgress,
  type Executor,
} from '@musyawarah/db';

const inFlight = new Set<Promise<void>>();

/**
 * THE JOB ENTRY POINT (for the job queue): analyses one queued run to the end. Claims the run (queued → running; a
 * run another worker claimed is left alone), reads the round's submitted, visible free text, suggests themes per
 * language with progress after each language, stores the suggestions and marks the run done — or failed with the
 * error, so the screen says so instead of spinning. Never tags a contribution.
 */
export async function runThemeAnalysis(db: Executor, runId: string): Promise<void> {
  const run = await claimAnalysisRun(db, runId);
  if (!run) return;
  try {
    const texts = await listTextsForAnalysis(db, run.round_id);
    const groups = groupByLanguage(texts);
    let position = 0;
    for (const [i, group] of groups.entries()) {
      // Between languages the event loop gets a turn, so requests keep being answered during a long analysis.
      await new Promise((resolve) => setImmediate(resolve));
      const analysis = suggestThemesForLanguage(group.language, group.items);
      const stored = await insertSuggestions(db, run, position, [
        ...analysis.suggestions.map((s) => ({
          languages: [s.language],
          terms: s.terms,
          memberIds: s.memberIds,
          representativeIds: s.representativeIds,
          cohesion: s.cohesion,
        })),
        // Texts sharing no wording with the others are kept as a group of their own (no terms), never dropped:
        // the secretariat still reads and places them.
        ...(analysis.unplacedIds.length
          ? [
              {
                languages: [group.language],
                terms: [],
                memberIds: analysis.unplacedIds,
                representativeIds: analysis.unplacedIds.slice(0, 3),
                cohesion: 0,
              },
            ]
          : []),
      ]);
      position += stored.length;
      await setAnalysisProgress(db, runId, ((i + 1) / groups.length) * 100);
    }
    await finishAnalysisRun(db, runId, {
      status: 'done',
      contributionCount: texts.length,
      languages: groups.map((g) => g.language),
    });
  } catch (error) {
    await finishAnalysisRun(db, runId, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    }).catch(() => undefined);
    throw error;
  }
}

/** Starts the run after the current request, without holding the request; failures are logged and stored on the run. */
export function scheduleThemeAnalysis(db: Executor, runId: string, log: (o: object) => void) {
  const job: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => runThemeAnalysis(db, runId))
    .catch((error: unknown) => log({ msg: 'theme analysis failed', runId, error: String(error) }))
    .finally(() => inFlight.delete(job));
  inFlight.add(job);
}

/** Resolves when every analysis started in this process has finished (tests; graceful shutdown). */
export async function whenThemeAnalysesSettled() {
  while (inFlight.size) await Promise.all([...inFlight]);
}
