// The review timeliness report as a file (JSON or CSV for spreadsheets): planned against actual per phase and overall.
import Papa from 'papaparse';
import type { PresentedCycle } from './routers/review/presenters';

function timelinessRows(cycles: readonly PresentedCycle[]) {
  return cycles.flatMap((c) => [
    ...c.phases.map((p) => ({
      cycle_id: c.id,
      cycle_title: c.title.en,
      phase: p.phase,
      planned_start: p.plannedStart,
      planned_end: p.plannedEnd,
      actual_start: p.actualStart ?? '',
      actual_end: p.actualEnd ?? '',
      status: p.status,
      days_late: p.daysLate,
      start_days_late: p.startDaysLate,
    })),
    {
      cycle_id: c.id,
      cycle_title: c.title.en,
      phase: 'overall',
      planned_start: c.timeliness.plannedStart ?? '',
      planned_end: c.timeliness.plannedEnd ?? '',
      actual_start: c.timeliness.actualStart ?? '',
      actual_end: c.timeliness.actualEnd ?? '',
      status: c.timeliness.status,
      days_late: c.timeliness.daysLate,
      start_days_late: '',
    },
  ]);
}

/** The report for the given cycles: the file (name, type, body) and the cycles as data. */
export function timelinessReport(presented: readonly PresentedCycle[], format: 'json' | 'csv', now: Date) {
  const generatedAt = now.toISOString();
  const stamp = generatedAt.slice(0, 10);
  if (format === 'json') {
    const report = presented.map((c) => ({
      id: c.id,
      title: c.title,
      stage: c.stage,
      overall: c.timeliness,
      phases: c.phases,
    }));
    return {
      filename: `review-timeliness-${stamp}.json`,
      contentType: 'application/json',
      body: JSON.stringify({ generatedAt, cycles: report }, null, 2),
      cycles: report,
    };
  }
  return {
    filename: `review-timeliness-${stamp}.csv`,
    contentType: 'text/csv',
    body: Papa.unparse(timelinessRows(presented), { escapeFormulae: true }),
    cycles: presented.map((c) => ({
      id: c.id,
      title: c.title,
      stage: c.stage,
      overall: c.timeliness,
      phases: c.phases,
    })),
  };
}
